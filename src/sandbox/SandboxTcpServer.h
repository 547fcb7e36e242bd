#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <optional>

// QTcpServer that optionally speaks TLS: Qt 6.4 has no QSslServer, so incoming descriptors are
// wrapped in a QSslSocket that starts server-side encryption with the sandbox's certificate.
class SandboxTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxTcpServer)

public:
    explicit SandboxTcpServer(QObject *parent = nullptr);

    // Enables TLS for connections accepted from now on.
    void setTlsIdentity(const QSslCertificate &certificate, const QSslKey &key);
    bool isTls() const { return m_certificate.has_value(); }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    // Empty until TLS is asked for: even a null QSslCertificate loads Qt's TLS backend, which
    // a plain-HTTP sandbox (demo mode) must not pay for at start-up.
    std::optional<QSslCertificate> m_certificate;
    std::optional<QSslKey> m_key;
};
