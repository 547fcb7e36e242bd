#include "gateway/cmcom/CmComGateway.h"

#include "gateway/GatewayLogging.h"
#include "gateway/HttpClient.h"
#include "gateway/OAuthToken.h"
#include "gateway/ResponseInterpreter.h"
#include "gateway/TokenCache.h"
#include "gateway/cmcom/CmComParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using Kind = GatewayError::Kind;
using Effect = HttpRequest::Effect;

namespace {

const QString kTransactions = QStringLiteral("/api/v1/paymentmethods/google-pay/v1/transactions/");

GatewayError makeError(Kind kind, const QString &message)
{
    GatewayError error;
    error.kind = kind;
    error.message = message;
    return error;
}

} // namespace

CmComGateway::CmComGateway(HttpClient *http, CmComConfig config, const Clock &clock, QObject *parent)
    : PaymentGateway(parent), m_http(http), m_config(std::move(config)), m_clock(clock),
      m_tokens(new TokenCache(clock, [this](TokenCache::TokenCallback done) { fetchToken(std::move(done)); },
                              60'000, this))
{
}

CmComGateway::~CmComGateway() = default;

QUrl CmComGateway::apiUrl(const QString &path) const
{
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

void CmComGateway::fetchToken(std::function<void(const GatewayResult<OAuthToken> &)> done)
{
    if (m_config.clientId.isEmpty() || m_config.clientSecret.isEmpty()) {
        done(makeError(Kind::Config, QStringLiteral("CM.com client credentials are not configured "
                                                    "(COUNTERPAY_CMCOM_CLIENT_ID / COUNTERPAY_CMCOM_CLIENT_SECRET).")));
        return;
    }
    HttpRequest request;
    request.method = HttpRequest::Method::Post;
    request.effect = Effect::Read; // a token request changes nothing
    request.url = apiUrl(QStringLiteral("/api/v1/authorization/oauth2/token"));
    request.body = "client_id=" + QUrl::toPercentEncoding(m_config.clientId) + "&client_secret="
            + QUrl::toPercentEncoding(m_config.clientSecret) + "&grant_type=client_credentials";
    request.contentType = "application/x-www-form-urlencoded";
    request.purpose = QStringLiteral("cmcom.token");
    m_http->send(request, m_tokens, [this, done = std::move(done)](const GatewayResult<HttpResponse> &reply) {
        done(ResponseInterpreter::interpret<OAuthToken>(reply, Effect::Read, m_clock.nowUtc(),
                                                        &OAuthToken::parse, &OAuthToken::parseError));
    });
}

QByteArray CmComGateway::initializeBody(const PaymentRequest &request) const
{
    const QDateTime expiry = m_clock.nowUtc().addSecs(qint64(m_config.expiryMinutes) * 60);
    const QJsonObject body {
        { QStringLiteral("reference"), request.orderId },
        { QStringLiteral("description"),
          request.description.isEmpty() ? QStringLiteral("Order %1").arg(request.orderId) : request.description.left(255) },
        { QStringLiteral("amount"), request.amount.minorUnits() },
        { QStringLiteral("currency"), request.amount.currency().code() },
        { QStringLiteral("expiresAt"), expiry.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("language"), request.language.isEmpty() ? m_config.language : request.language },
        { QStringLiteral("returnUrl"), m_config.returnUrl },
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void CmComGateway::start(const PaymentRequest &request, QObject *context, Callback<PaymentSession> done)
{
    std::optional<GatewayError> bad;
    static const QRegularExpression kReference(QStringLiteral("^[A-Za-z0-9._-]{1,255}$"));
    if (!kReference.match(request.orderId).hasMatch())
        bad = makeError(Kind::Config, QStringLiteral("The order id is not a valid CM.com reference."));
    else if (const auto bounds = request.amount.checkPaymentBounds(Money::kCmComMaxMinorUnits))
        bad = makeError(Kind::Config, QStringLiteral("CM.com: ") + bounds->message);
    if (bad) {
        deliver<PaymentSession>(context, std::move(done), *bad);
        return;
    }
    HttpRequest http;
    http.method = HttpRequest::Method::Post;
    http.effect = Effect::Write;
    http.url = apiUrl(kTransactions + QStringLiteral("initialize"));
    http.body = initializeBody(request);
    http.contentType = "application/json";
    http.purpose = QStringLiteral("cmcom.initialize");
    qCInfo(lcGatewayCmCom).noquote() << "initialize" << request.orderId << request.amount.minorUnits()
                                     << request.amount.currency().code();

    QPointer<QObject> guard(context);
    const QString orderId = request.orderId;
    m_tokens->sendAuthorized(m_http, http, this, [this, orderId, guard, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        GatewayResult<PaymentSession> session = ResponseInterpreter::interpret<PaymentSession>(
                reply, Effect::Write, m_clock.nowUtc(),
                [&orderId](const QByteArray &body) { return CmComParser::parseInitialize(body, orderId); },
                &CmComParser::parseError);
        deliver<PaymentSession>(guard, std::move(done), std::move(session));
    });
}

void CmComGateway::status(const OrderRef &order, QObject *context, Callback<PaymentStatus> done)
{
    static const QRegularExpression kId(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    if (!kId.match(order.providerTxnId).hasMatch()) {
        deliver<PaymentStatus>(context, std::move(done),
                               makeError(Kind::Config, QStringLiteral("CM.com status needs the transaction id "
                                                                      "that start() returned (OrderRef::providerTxnId).")));
        return;
    }
    HttpRequest http;
    http.method = HttpRequest::Method::Get;
    http.effect = Effect::Read;
    http.url = apiUrl(kTransactions + order.providerTxnId);
    http.purpose = QStringLiteral("cmcom.status");

    QPointer<QObject> guard(context);
    const Money expected = order.amount;
    m_tokens->sendAuthorized(m_http, http, this, [this, expected, guard, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        GatewayResult<PaymentStatus> status = ResponseInterpreter::interpret<PaymentStatus>(
                reply, Effect::Read, m_clock.nowUtc(),
                [&expected](const QByteArray &body) { return CmComParser::parseTransaction(body, expected); },
                &CmComParser::parseError);
        deliver<PaymentStatus>(guard, std::move(done), std::move(status));
    });
}

void CmComGateway::refund(const RefundRequest &, QObject *context, Callback<RefundResult> done)
{
    deliver<RefundResult>(context, std::move(done),
                          makeError(Kind::Unsupported,
                                    QStringLiteral("CM.com Google Pay refunds are not documented in the pages "
                                                   "CounterPay is built from; refund in the CM.com portal.")));
}
