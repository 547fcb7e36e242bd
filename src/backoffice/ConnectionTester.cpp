#include "backoffice/ConnectionTester.h"

#include "backoffice/BackofficeLogging.h"
#include "gateway/PaymentGateway.h"
#include "gateway/juspay/JuspayGateway.h"

namespace {

QString hostOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("the gateway");
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

QString httpPart(const GatewayError &error)
{
    return error.httpStatus > 0 ? QStringLiteral(" (HTTP %1)").arg(error.httpStatus) : QString();
}

} // namespace

ConnectionTester::ConnectionTester(QObject *parent) : QObject(parent) { }

ConnectionTester::Verdict ConnectionTester::judge(const GatewayError *error, const QString &host)
{
    const QString accepted = QStringLiteral("Connected: the gateway accepted the credentials.");
    if (!error)
        return { true, accepted };
    using Kind = GatewayError::Kind;
    switch (error->kind) {
    case Kind::NotFound:
        return { true, accepted };
    case Kind::Auth:
        return { false, QStringLiteral("The gateway rejected the API key / credentials%1. Check them in the keychain "
                                       "settings and that they belong to this environment.")
                                .arg(httpPart(*error)) };
    case Kind::Unreachable:
        return { false, QStringLiteral("Cannot reach %1: %2").arg(host, error->message) };
    case Kind::Timeout:
        return { false, QStringLiteral("Cannot reach %1: it did not answer in time.").arg(host) };
    case Kind::Tls:
        return { false, QStringLiteral("The gateway's certificate is not trusted (%1). Check the base URL; "
                                       "verification is never switched off.")
                                .arg(error->message) };
    case Kind::RateLimited:
        return { false, QStringLiteral("%1 is limiting requests%2; try again in a minute.").arg(host, httpPart(*error)) };
    case Kind::Server:
        return { false, QStringLiteral("%1 has a problem right now%2; try again later.").arg(host, httpPart(*error)) };
    case Kind::BadRequest:
        return { false, QStringLiteral("%1 answered but refused the check%2: %3. Check the merchant id and base URL.")
                                .arg(host, httpPart(*error), error->message) };
    case Kind::Malformed:
    case Kind::Truncated:
    case Kind::Oversized:
    case Kind::WrongContentType:
    case Kind::Unexpected:
    case Kind::IdentityMismatch:
    case Kind::Refused:
        return { false, QStringLiteral("%1 answered, but not like the gateway's API (%2). Check the base URL.")
                                .arg(host, error->message) };
    case Kind::Config:
        return { false, QStringLiteral("The provider settings are incomplete: %1").arg(error->message) };
    case Kind::Unsupported:
        return { false, QStringLiteral("This provider cannot be checked this way: %1").arg(error->message) };
    }
    return { false, error->toString() };
}

void ConnectionTester::test(PaymentGateway &gateway, const QUrl &baseUrl)
{
    QUrl url = baseUrl;
    if (url.isEmpty()) {
        if (const auto *juspay = qobject_cast<const JuspayGateway *>(&gateway))
            url = juspay->config().baseUrl;
    }
    const QString host = hostOf(url);
    const QString provider = gateway.providerName();
    OrderRef probe;
    probe.orderId = probeOrderId();
    probe.providerTxnId = probeOrderId();
    probe.amount = Money::fromMinorUnits(100, Currency::inr()).value();
    gateway.status(probe, this, [this, provider, host](const GatewayResult<PaymentStatus> &result) {
        const Verdict verdict = judge(result ? nullptr : &result.error(), host);
        qCInfo(lcBackoffice).noquote() << "connection test" << provider << (verdict.ok ? "ok" : "failed") << verdict.words;
        emit finished(provider, verdict.ok, verdict.words);
    });
}
