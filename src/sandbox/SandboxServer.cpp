#include "sandbox/SandboxServer.h"

#include "crypto/SelfSignedCertificate.h"
#include "sandbox/SandboxCmComApi.h"
#include "sandbox/SandboxContext.h"
#include "sandbox/SandboxControlApi.h"
#include "sandbox/SandboxCustomer.h"
#include "sandbox/SandboxGooglePayApi.h"
#include "sandbox/SandboxHttpConnection.h"
#include "sandbox/SandboxJuspayApi.h"
#include "sandbox/SandboxJuspayTxns.h"
#include "sandbox/SandboxLogging.h"
#include "sandbox/SandboxStore.h"
#include "sandbox/SandboxTcpServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_store(new SandboxStore(m_options.stateFile, this))
    , m_tcp(new SandboxTcpServer(this))
{ }

SandboxServer::~SandboxServer() = default;

Result<QUrl> SandboxServer::start()
{
    if (m_started)
        return baseUrl();
    const Result<SandboxScenario> scenario = SandboxScenario::parse(m_options.scenario);
    if (!scenario)
        return scenario.error();
    const Result<bool> loaded = m_store->load();
    if (!loaded)
        return loaded.error();
    Result<SandboxKeys> keys = SandboxKeys::loadOrGenerate(m_store->keys());
    if (!keys)
        return keys.error();
    m_store->setKeys(keys->toJson());

    m_context = std::make_unique<SandboxContext>(m_options, m_store);
    m_context->setKeys(std::move(keys).value());
    m_customer = new SandboxCustomer(*m_context, scenario.value(), this);
    m_context->paymentStarted = [this](const QString &key) {
        m_customer->paymentStarted(key);
    };
    m_context->expireIfDue = [this](const QString &key) { m_customer->expireIfDue(key); };
    m_juspay = std::make_unique<SandboxJuspayApi>(*m_context);
    m_juspayTxns = std::make_unique<SandboxJuspayTxns>(*m_context, *m_juspay);
    m_google = std::make_unique<SandboxGooglePayApi>(*m_context, *m_customer);
    m_cm = new SandboxCmComApi(*m_context, *m_customer, this);
    m_control = std::make_unique<SandboxControlApi>(*m_context, *m_customer);

    if (m_options.tls) {
        const Result<bool> tls = setUpTls();
        if (!tls)
            return tls.error();
        m_control->setCaCertificatePem(m_caPem);
    }
    connect(m_tcp, &QTcpServer::newConnection, this, &SandboxServer::acceptConnections);
    if (!m_tcp->listen(m_options.address, m_options.port)) {
        return Result<QUrl>::failure(u"sandbox_listen_failed"_s,
            u"Cannot listen on %1 port %2: %3"_s.arg(m_options.address.toString())
                .arg(m_options.port)
                .arg(m_tcp->errorString()));
    }
    QUrl url;
    url.setScheme(m_options.tls ? u"https"_s : u"http"_s);
    url.setHost(m_options.address.toString());
    url.setPort(m_tcp->serverPort());
    m_context->setBaseUrl(url);
    m_started = true;
    qCInfo(lcSandbox) << "listening on" << url.toString() << "scenario" << scenario->toString();
    return url;
}

Result<bool> SandboxServer::setUpTls()
{
    QStringList ips { m_options.address.toString() };
    if (!ips.contains(u"127.0.0.1"_s))
        ips.append(u"127.0.0.1"_s);
    const Result<SelfSignedCertificate> certificate
        = SelfSignedCertificate::create(u"counterpay-sandbox"_s, { u"localhost"_s }, ips, 30);
    if (!certificate)
        return certificate.error();
    const QSslCertificate leaf(certificate->certificatePem(), QSsl::Pem);
    const QSslKey key(certificate->privateKeyPem(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (leaf.isNull() || key.isNull())
        return Result<bool>::failure(
            u"sandbox_tls_failed"_s, u"Qt cannot read the generated certificate or key."_s);
    m_tcp->setTlsIdentity(leaf, key);
    m_caPem = certificate->caCertificatePem();
    m_caDir = std::make_unique<QTemporaryDir>();
    if (!m_caDir->isValid())
        return Result<bool>::failure(
            u"sandbox_tls_failed"_s, u"Cannot create a folder for the CA certificate."_s);
    m_caPath = m_caDir->filePath(u"counterpay-sandbox-ca.pem"_s);
    QFile file(m_caPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_caPem) != m_caPem.size())
        return Result<bool>::failure(u"sandbox_tls_failed"_s, u"Cannot write %1."_s.arg(m_caPath));
    return true;
}

QUrl SandboxServer::baseUrl() const
{
    return m_context ? m_context->baseUrl() : QUrl();
}

QByteArray SandboxServer::credPublicKeyPem() const
{
    return m_context ? m_context->keys().credKey().publicKeyPem() : QByteArray();
}

QByteArray SandboxServer::googleServiceAccountJson() const
{
    if (!m_context)
        return {};
    return QJsonDocument(m_context->keys().googleServiceAccount(m_context->url(u"/token"_s)))
        .toJson();
}

bool SandboxServer::approve(const QString &orderId)
{
    return m_customer && m_customer->act(orderId, SandboxCustomer::Action::Approve).ok();
}

bool SandboxServer::decline(const QString &orderId)
{
    return m_customer && m_customer->act(orderId, SandboxCustomer::Action::Decline).ok();
}

bool SandboxServer::expire(const QString &orderId)
{
    return m_customer && m_customer->act(orderId, SandboxCustomer::Action::Expire).ok();
}

void SandboxServer::acceptConnections()
{
    while (m_tcp->hasPendingConnections()) {
        QTcpSocket *socket = m_tcp->nextPendingConnection();
        new SandboxHttpConnection(
            socket, [this](const SandboxHttpRequest &request) { return handle(request); }, this);
    }
}

SandboxHttpResponse SandboxServer::handle(const SandboxHttpRequest &request)
{
    if (SandboxControlApi::handles(request))
        return m_control->handle(request);
    // Token endpoints are exempt from the network scenarios: those test payment calls.
    if (SandboxGooglePayApi::isTokenEndpoint(request))
        return m_google->handle(request);
    if (SandboxCmComApi::isTokenEndpoint(request))
        return m_cm->handle(request);
    if (SandboxJuspayApi::handles(request) || SandboxGooglePayApi::handles(request)
        || SandboxCmComApi::handles(request))
        return handleGateway(request);
    return SandboxHttpResponse::text(
        404, QByteArrayLiteral("Not found. See counterpay-sandbox --help."));
}

SandboxHttpResponse SandboxServer::handleGateway(const SandboxHttpRequest &request)
{
    const SandboxScenario &scenario = m_customer->scenario();
    const bool juspay = SandboxJuspayApi::handles(request);
    const bool google = !juspay && SandboxGooglePayApi::handles(request);

    if (scenario.kind() == SandboxScenario::Kind::Throttle) {
        const QString orderId = juspay ? SandboxJuspayApi::orderIdOf(request)
            : google                   ? SandboxGooglePayApi::transactionIdOf(request)
                                       : SandboxCmComApi::orderIdOf(request);
        if (!orderId.isEmpty() && ++m_callsPerOrder[orderId] <= scenario.parameter()) {
            // Each provider's own shape for "slow down".
            const QJsonObject body = juspay
                ? QJsonObject { { u"status"_s, u"error"_s }, { u"error_code"_s, u"too_many_requests"_s },
                    { u"error_message"_s, u"Rate limit exceeded (sandbox throttle scenario)."_s } }
                : google ? QJsonObject { { u"error"_s,
                      QJsonObject { { u"code"_s, 429 }, { u"status"_s, u"RESOURCE_EXHAUSTED"_s },
                          { u"message"_s, u"Quota exceeded (sandbox throttle scenario)."_s } } } }
                         : QJsonObject { { u"status"_s, 429 },
                               { u"message"_s, u"Too many requests (sandbox throttle scenario)."_s } };
            SandboxHttpResponse limited = SandboxHttpResponse::json(429, body);
            limited.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
            return limited;
        }
    }
    if (scenario.kind() == SandboxScenario::Kind::Flaky) {
        const QString orderId = juspay ? SandboxJuspayApi::orderIdOf(request)
            : google                   ? SandboxGooglePayApi::transactionIdOf(request)
                                       : SandboxCmComApi::orderIdOf(request);
        if (!orderId.isEmpty() && ++m_callsPerOrder[orderId] <= scenario.parameter()) {
            SandboxHttpResponse busy = SandboxHttpResponse::json(503,
                QJsonObject { { u"status"_s, u"error"_s },
                    { u"error_message"_s,
                        u"Service temporarily unavailable (sandbox flaky scenario)."_s } });
            busy.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
            return busy;
        }
    }

    SandboxHttpResponse response;
    if (juspay)
        response
            = request.path == u"/txns" ? m_juspayTxns->handle(request) : m_juspay->handle(request);
    else if (google)
        response = m_google->handle(request);
    else
        response = m_cm->handle(request);

    switch (scenario.kind()) {
    case SandboxScenario::Kind::Slow:
        response.delayMs = scenario.parameter();
        break;
    case SandboxScenario::Kind::Garbled:
        response.fault = SandboxHttpResponse::Fault::Garbled;
        break;
    case SandboxScenario::Kind::Truncated:
        response.fault = SandboxHttpResponse::Fault::Truncated;
        break;
    case SandboxScenario::Kind::Oversized:
        // Trailing whitespace keeps the JSON valid; only the size is wrong.
        response.body += QByteArray(2 * 1024 * 1024 + 17, ' ');
        break;
    case SandboxScenario::Kind::DropAfterCommit:
        if (response.committed)
            response.fault = SandboxHttpResponse::Fault::Drop;
        break;
    default:
        break;
    }
    return response;
}
