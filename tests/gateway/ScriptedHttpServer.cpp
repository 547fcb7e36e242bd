#include "ScriptedHttpServer.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

ScriptedHttpServer::ScriptedHttpServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onNewConnection);
}

bool ScriptedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 ScriptedHttpServer::port() const
{
    return m_server.serverPort();
}

QByteArray ScriptedHttpServer::baseUrl() const
{
    return "http://127.0.0.1:" + QByteArray::number(port());
}

QByteArray ScriptedHttpServer::response(int status, const QByteArray &body, const QByteArray &contentType,
                                        const QList<QByteArray> &extraHeaders)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
    if (!contentType.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const QByteArray &header : extraHeaders)
        raw += header + "\r\n";
    raw += "Connection: close\r\n\r\n" + body;
    return raw;
}

void ScriptedHttpServer::enqueueResponse(int status, const QByteArray &body, const QByteArray &contentType,
                                         const QList<QByteArray> &extraHeaders)
{
    Reply reply;
    reply.raw = response(status, body, contentType, extraHeaders);
    enqueue(reply);
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Received request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.path = first.value(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.insert(name, value);
        if (name == "content-length")
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return;
    request.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.remove(0, headerEnd + 4 + contentLength);
    m_received.append(request);

    Reply reply;
    if (!m_replies.isEmpty())
        reply = m_replies.takeFirst();
    else if (m_hasFallback)
        reply = m_fallback;
    else
        reply.raw = response(500, "{\"error\":\"no scripted reply\"}");
    emit requestReceived();
    if (reply.silent)
        return;
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(reply.delayMs, this, [guard, reply]() {
        if (!guard)
            return;
        guard->write(reply.raw);
        if (reply.drip.isEmpty()) {
            if (reply.close)
                guard->disconnectFromHost();
            return;
        }
        // A slow body: one byte per tick, on a timer owned by the socket.
        auto *ticker = new QTimer(guard.data());
        auto sent = std::make_shared<qsizetype>(0);
        QObject::connect(ticker, &QTimer::timeout, guard.data(), [guard, ticker, sent, reply]() {
            if (!guard)
                return;
            guard->write(reply.drip.mid(*sent, 1));
            if (++*sent >= reply.drip.size()) {
                ticker->stop();
                if (reply.close)
                    guard->disconnectFromHost();
            }
        });
        ticker->start(reply.dripIntervalMs);
    });
}
