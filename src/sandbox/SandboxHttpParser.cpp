#include "sandbox/SandboxHttpParser.h"

#include <QUrl>

SandboxHttpParser::Status SandboxHttpParser::feed(const QByteArray &data)
{
    if (m_stage == Stage::Done)
        return Status::Complete;
    if (m_stage == Stage::Failed)
        return Status::Error;
    m_buffer.append(data);
    return parse();
}

bool SandboxHttpParser::takeContinueRequest()
{
    const bool pending = m_continuePending;
    m_continuePending = false;
    return pending;
}

SandboxHttpParser::Status SandboxHttpParser::fail(int status, const QString &message)
{
    m_stage = Stage::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    return Status::Error;
}

SandboxHttpParser::Status SandboxHttpParser::parse()
{
    for (;;) {
        switch (m_stage) {
        case Stage::Head: {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > kMaxHeaderBytes)
                    return fail(431, QStringLiteral("Request headers are too large."));
                return Status::NeedMore;
            }
            if (end > kMaxHeaderBytes)
                return fail(431, QStringLiteral("Request headers are too large."));
            const QByteArray head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
            if (!parseHead(head))
                return Status::Error;
            break;
        }
        case Stage::Body:
            if (m_buffer.size() < m_remaining)
                return Status::NeedMore;
            m_request.body = m_buffer.left(m_remaining);
            m_buffer.remove(0, m_remaining);
            m_stage = Stage::Done;
            break;
        case Stage::ChunkSize: {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end < 0) {
                if (m_buffer.size() > 1024)
                    return fail(400, QStringLiteral("Malformed chunk size line."));
                return Status::NeedMore;
            }
            QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            const qsizetype semicolon = line.indexOf(';');
            if (semicolon >= 0)
                line.truncate(semicolon);
            bool ok = false;
            const qlonglong size = line.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return fail(400, QStringLiteral("Malformed chunk size."));
            if (m_request.body.size() + size > kMaxBodyBytes)
                return fail(413, QStringLiteral("Request body is too large."));
            if (size == 0) {
                m_stage = Stage::Trailers;
            } else {
                m_remaining = size;
                m_stage = Stage::ChunkData;
            }
            break;
        }
        case Stage::ChunkData:
            if (m_buffer.size() < m_remaining + 2)
                return Status::NeedMore;
            if (m_buffer.mid(m_remaining, 2) != "\r\n")
                return fail(400, QStringLiteral("A chunk is not followed by CRLF."));
            m_request.body.append(m_buffer.left(m_remaining));
            m_buffer.remove(0, m_remaining + 2);
            m_stage = Stage::ChunkSize;
            break;
        case Stage::Trailers: {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end < 0) {
                if (m_buffer.size() > kMaxHeaderBytes)
                    return fail(431, QStringLiteral("Trailers are too large."));
                return Status::NeedMore;
            }
            m_buffer.remove(0, end + 2);
            if (end == 0)
                m_stage = Stage::Done;
            break;
        }
        case Stage::Done:
            return Status::Complete;
        case Stage::Failed:
            return Status::Error;
        }
    }
}

bool SandboxHttpParser::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        fail(400, QStringLiteral("Malformed request line."));
        return false;
    }
    m_request.method = requestLine.at(0).toUpper();
    m_request.target = requestLine.at(1);
    if (!m_request.target.startsWith('/')) {
        fail(400, QStringLiteral("The request target must be an absolute path."));
        return false;
    }
    const qsizetype question = m_request.target.indexOf('?');
    const QByteArray rawPath = question >= 0 ? m_request.target.left(question) : m_request.target;
    m_request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    if (question >= 0)
        m_request.query = QUrlQuery(QString::fromUtf8(m_request.target.mid(question + 1)));

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, QStringLiteral("Malformed header line."));
            return false;
        }
        m_request.headers.append(
            { line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed() });
    }

    const QByteArray transferEncoding = m_request.header("transfer-encoding").toLower();
    const QByteArray contentLength = m_request.header("content-length");
    if (m_request.header("expect").toLower() == "100-continue")
        m_continuePending = true;
    if (!transferEncoding.isEmpty()) {
        if (!transferEncoding.endsWith("chunked")) {
            fail(501, QStringLiteral("Only the chunked transfer coding is supported."));
            return false;
        }
        m_stage = Stage::ChunkSize;
        return true;
    }
    if (contentLength.isEmpty()) {
        m_continuePending = false;
        m_stage = Stage::Done;
        return true;
    }
    bool ok = false;
    const qlonglong length = contentLength.toLongLong(&ok);
    if (!ok || length < 0) {
        fail(400, QStringLiteral("Malformed Content-Length."));
        return false;
    }
    if (length > kMaxBodyBytes) {
        fail(413, QStringLiteral("Request body is too large."));
        return false;
    }
    if (length == 0)
        m_continuePending = false;
    m_remaining = length;
    m_stage = Stage::Body;
    return true;
}
