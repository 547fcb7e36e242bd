#include "sandbox/SandboxTcpServer.h"

#include "sandbox/SandboxLogging.h"

#include <QSslSocket>

SandboxTcpServer::SandboxTcpServer(QObject *parent)
    : QTcpServer(parent)
{ }

void SandboxTcpServer::setTlsIdentity(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

void SandboxTcpServer::incomingConnection(qintptr socketDescriptor)
{
    if (!isTls()) {
        QTcpServer::incomingConnection(socketDescriptor);
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcSandbox) << "cannot adopt an incoming connection:" << socket->errorString();
        delete socket;
        return;
    }
    socket->setLocalCertificate(*m_certificate);
    socket->setPrivateKey(*m_key);
    socket->setProtocol(QSsl::TlsV1_2OrLater);
    connect(socket, &QSslSocket::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            qCInfo(lcSandbox) << "TLS handshake problem:" << error.errorString();
    });
    addPendingConnection(socket);
    socket->startServerEncryption();
}
