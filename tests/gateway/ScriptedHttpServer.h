#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

// A tiny HTTP/1.1 server on 127.0.0.1 for HttpClient tests: it answers each request with the
// next scripted reply (raw bytes, so a test can send a wrong Content-Length, cut a body short
// or never answer) and records what it received.
class ScriptedHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedHttpServer)

public:
    struct Reply
    {
        QByteArray raw;          // written as is
        int delayMs = 0;         // wait before writing
        bool close = true;       // close the connection after writing
        bool silent = false;     // never answer (for timeouts)
        QByteArray drip;         // after raw: written one byte every dripIntervalMs
        int dripIntervalMs = 1000;
    };

    struct Received
    {
        QByteArray method;
        QByteArray path;
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr);

    bool listen();
    quint16 port() const;
    QByteArray baseUrl() const;

    void enqueue(const Reply &reply) { m_replies.append(reply); }
    // A complete response with Content-Length; extraHeaders are "Name: value" lines.
    static QByteArray response(int status, const QByteArray &body,
                               const QByteArray &contentType = "application/json",
                               const QList<QByteArray> &extraHeaders = {});
    void enqueueResponse(int status, const QByteArray &body,
                         const QByteArray &contentType = "application/json",
                         const QList<QByteArray> &extraHeaders = {});
    // Answers every request that finds the queue empty.
    void setFallback(const Reply &reply) { m_fallback = reply; m_hasFallback = true; }

    const QList<Received> &received() const { return m_received; }
    int requestCount() const { return int(m_received.size()); }

signals:
    void requestReceived();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    QList<Reply> m_replies;
    Reply m_fallback;
    bool m_hasFallback = false;
    QList<Received> m_received;
    QMap<QTcpSocket *, QByteArray> m_buffers;
};
