#pragma once

#include "core/Result.h"
#include "sandbox/SandboxOptions.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <memory>

class QTemporaryDir;
class SandboxCmComApi;
class SandboxContext;
class SandboxControlApi;
class SandboxCustomer;
class SandboxGooglePayApi;
class SandboxJuspayApi;
class SandboxJuspayTxns;
class SandboxStore;
class SandboxTcpServer;
struct SandboxHttpRequest;
struct SandboxHttpResponse;

// An offline gateway on one local base URL: Juspay (/orders, /txns), Google Pay Omnichannel
// (/v1/merchantPayments:initiate, /v1/merchantTransactions:get, /token), CM.com (/api/v1/...)
// and the sandbox's control API and customer page (/__sandbox/..., /v2/pay/start/...).
//
// Transport: a small HTTP/1.1 server of our own on QTcpServer (SandboxTcpServer,
// SandboxHttpParser, SandboxHttpConnection) rather than Qt 6.4's QHttpServer. QHttpServer does
// not give the socket to the handler, so it cannot cut a body short (`truncated`), close the
// connection after committing without answering (`drop-after-commit`) or send malformed bytes
// with a matching Content-Length (`garbled`); its delayed responses are awkward (`slow:MS` here
// is a QTimer, never a blocking sleep); it does not take chunked request bodies, which real
// Juspay clients send; and Qt 6.4 has no QSslServer for `--tls`. The server answers one request
// per connection with "Connection: close", which every HTTP/1.1 client handles.
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    explicit SandboxServer(SandboxOptions options, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Loads --state, makes keys (and the TLS certificate), listens. Returns the base URL, e.g.
    // http://127.0.0.1:41234. Error codes: sandbox_bad_scenario, sandbox_state_corrupt,
    // sandbox_state_unreadable, sandbox_tls_failed, sandbox_listen_failed, and rsa_* / cert_*.
    Result<QUrl> start();
    QUrl baseUrl() const;

    QByteArray caCertificatePem() const { return m_caPem; }
    QString caCertificatePath() const { return m_caPath; } // --tls only
    QByteArray credPublicKeyPem() const; // == GET /__sandbox/keys/cred.pem
    QByteArray
    googleServiceAccountJson() const; // == GET /__sandbox/keys/google-service-account.json

    // What the customer page and the control API do; false if the order is unknown or final.
    bool approve(const QString &orderId);
    bool decline(const QString &orderId);
    bool expire(const QString &orderId);

private:
    SandboxHttpResponse handle(const SandboxHttpRequest &request);
    SandboxHttpResponse handleGateway(const SandboxHttpRequest &request);
    Result<bool> setUpTls();
    void acceptConnections();

    SandboxOptions m_options;
    SandboxStore *m_store;
    std::unique_ptr<SandboxContext> m_context;
    SandboxCustomer *m_customer = nullptr;
    std::unique_ptr<SandboxJuspayApi> m_juspay;
    std::unique_ptr<SandboxJuspayTxns> m_juspayTxns;
    std::unique_ptr<SandboxGooglePayApi> m_google;
    SandboxCmComApi *m_cm = nullptr;
    std::unique_ptr<SandboxControlApi> m_control;
    SandboxTcpServer *m_tcp;
    std::unique_ptr<QTemporaryDir> m_caDir;
    QByteArray m_caPem;
    QString m_caPath;
    QHash<QString, int> m_callsPerOrder; // for flaky:K
    bool m_started = false;
};
