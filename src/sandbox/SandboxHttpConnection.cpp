#include "sandbox/SandboxHttpConnection.h"

#include "sandbox/SandboxLogging.h"

#include <QTcpSocket>
#include <QTimer>

SandboxHttpConnection::SandboxHttpConnection(QTcpSocket *socket, Handler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &SandboxHttpConnection::readAvailable);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    // A client that never sends a full request does not hold the connection forever.
    // (A slow:MS answer that is on its way is not cut off: the connection then ends when it
    // has been sent and the client disconnects.)
    QTimer::singleShot(60'000, this, [this] {
        if (m_answered)
            return;
        m_socket->abort();
        deleteLater();
    });
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &SandboxHttpConnection::readAvailable);
}

void SandboxHttpConnection::readAvailable()
{
    if (m_answered) {
        m_socket->readAll(); // one request per connection; ignore anything after it
        return;
    }
    const SandboxHttpParser::Status status = m_parser.feed(m_socket->readAll());
    if (m_parser.takeContinueRequest())
        m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    if (status == SandboxHttpParser::Status::NeedMore)
        return;
    m_answered = true;
    if (status == SandboxHttpParser::Status::Error) {
        qCInfo(lcSandbox) << "bad request:" << m_parser.errorMessage();
        deliver(
            SandboxHttpResponse::text(m_parser.errorStatus(), m_parser.errorMessage().toUtf8()));
        return;
    }
    deliver(m_handler(m_parser.request()));
}

void SandboxHttpConnection::deliver(const SandboxHttpResponse &response)
{
    if (response.delayMs > 0) {
        SandboxHttpResponse undelayed = response;
        undelayed.delayMs = 0;
        QTimer::singleShot(response.delayMs, this, [this, undelayed] { deliver(undelayed); });
        return;
    }
    switch (response.fault) {
    case SandboxHttpResponse::Fault::None:
        writeAndClose(response.serialize());
        break;
    case SandboxHttpResponse::Fault::Garbled:
        writeAndClose(response.serializeGarbled());
        break;
    case SandboxHttpResponse::Fault::Truncated: {
        const QByteArray full = response.serialize();
        // Headers and half the body; Content-Length still promises all of it.
        writeAndClose(full.left(full.size() - response.body.size() / 2 - 1));
        break;
    }
    case SandboxHttpResponse::Fault::Drop:
        qCInfo(lcSandbox) << "dropping the connection after commit";
        writeAndClose({});
        break;
    }
}

void SandboxHttpConnection::writeAndClose(const QByteArray &bytes)
{
    if (!bytes.isEmpty())
        m_socket->write(bytes);
    // disconnectFromHost() flushes what is buffered before closing (and sends close_notify
    // first over TLS).
    m_socket->disconnectFromHost();
}
