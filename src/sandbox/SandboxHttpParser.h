#pragma once

#include "sandbox/SandboxHttpRequest.h"

#include <QByteArray>
#include <QString>

// An incremental HTTP/1.1 request parser: request line, headers, then a body framed by
// Content-Length or by chunked transfer coding. Bytes are fed as they arrive.
class SandboxHttpParser
{
public:
    enum class Status { NeedMore, Complete, Error };

    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

    Status feed(const QByteArray &data);

    // Valid after Complete.
    const SandboxHttpRequest &request() const { return m_request; }
    // Valid after Error: the status to answer with (400, 411, 413, 431, 501) and why.
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }
    // True once, when the headers asked for "Expect: 100-continue" and the body has not come.
    bool takeContinueRequest();

private:
    enum class Stage { Head, Body, ChunkSize, ChunkData, Trailers, Done, Failed };

    Status parse();
    bool parseHead(const QByteArray &head);
    Status fail(int status, const QString &message);

    QByteArray m_buffer;
    SandboxHttpRequest m_request;
    Stage m_stage = Stage::Head;
    qsizetype m_remaining = 0;
    bool m_continuePending = false;
    int m_errorStatus = 0;
    QString m_errorMessage;
};
