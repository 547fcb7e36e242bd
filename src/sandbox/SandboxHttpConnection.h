#pragma once

#include "sandbox/SandboxHttpParser.h"
#include "sandbox/SandboxHttpResponse.h"

#include <QObject>

#include <functional>

class QTcpSocket;

// One client connection: reads one request, hands it to the handler, and delivers the answer
// the way the response asks (at once, after a delay, garbled, truncated or not at all). Every
// answer closes the connection ("Connection: close"), so there is no keep-alive bookkeeping.
class SandboxHttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxHttpConnection)

public:
    using Handler = std::function<SandboxHttpResponse(const SandboxHttpRequest &)>;

    // Takes ownership of socket.
    SandboxHttpConnection(QTcpSocket *socket, Handler handler, QObject *parent = nullptr);

private:
    void readAvailable();
    void deliver(const SandboxHttpResponse &response);
    void writeAndClose(const QByteArray &bytes);

    QTcpSocket *m_socket;
    Handler m_handler;
    SandboxHttpParser m_parser;
    bool m_answered = false;
};
