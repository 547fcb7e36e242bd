#include "gateway/googlepay/GooglePayGateway.h"

#include "gateway/GatewayLogging.h"
#include "gateway/HttpClient.h"
#include "gateway/OAuthToken.h"
#include "gateway/ResponseInterpreter.h"
#include "gateway/TokenCache.h"
#include "gateway/googlepay/GooglePayParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using Kind = GatewayError::Kind;
using Effect = HttpRequest::Effect;

namespace {

bool isValidTransactionId(const QString &id)
{
    static const QRegularExpression kPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return kPattern.match(id).hasMatch();
}

} // namespace

GooglePayGateway::GooglePayGateway(HttpClient *http, GooglePayConfig config, const Clock &clock, QObject *parent)
    : PaymentGateway(parent), m_http(http), m_config(std::move(config)), m_clock(clock),
      m_tokens(new TokenCache(clock, [this](TokenCache::TokenCallback done) { fetchToken(std::move(done)); },
                              60'000, this))
{
}

GooglePayGateway::~GooglePayGateway() = default;

void GooglePayGateway::fetchToken(std::function<void(const GatewayResult<OAuthToken> &)> done)
{
    if (!m_config.serviceAccount) {
        done(GatewayError::make(Kind::Config, QStringLiteral("No Google service-account key is configured.")));
        return;
    }
    const Result<QByteArray> body = m_config.serviceAccount->tokenRequestBody(m_clock.nowUtc());
    if (!body.ok()) {
        done(GatewayError::make(Kind::Config, QStringLiteral("Cannot sign the Google JWT: ") + body.errorMessage()));
        return;
    }
    HttpRequest request;
    request.method = HttpRequest::Method::Post;
    request.effect = Effect::Read; // asking for a token changes nothing: retry freely
    request.url = m_config.serviceAccount->tokenUri();
    request.body = body.value();
    request.contentType = "application/x-www-form-urlencoded";
    request.purpose = QStringLiteral("googlepay.token");
    m_http->send(request, m_tokens, [this, done = std::move(done)](const GatewayResult<HttpResponse> &reply) {
        done(ResponseInterpreter::interpret<OAuthToken>(reply, Effect::Read, m_clock.nowUtc(),
                                                        &OAuthToken::parse, &OAuthToken::parseError));
    });
}

HttpRequest GooglePayGateway::apiRequest(const QString &method) const
{
    HttpRequest request;
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/v1/") + method);
    request.url = url;
    request.method = HttpRequest::Method::Post;
    request.contentType = "application/json";
    request.purpose = QStringLiteral("googlepay.") + method.section(u':', 1);
    return request;
}

namespace {

QString transactionOf(const PaymentRequest &request)
{
    return request.transactionId.isEmpty() ? request.orderId : request.transactionId;
}

QString transactionOf(const OrderRef &order)
{
    return order.providerTxnId.isEmpty() ? order.orderId : order.providerTxnId;
}

} // namespace

QString GooglePayGateway::transactionIdFor(const QString &orderId, const QString &lastTxnId) const
{
    if (lastTxnId.isEmpty())
        return orderId;
    int attempt = 1;
    if (lastTxnId.startsWith(orderId + u'-')) {
        bool numeric = false;
        const int number = QStringView(lastTxnId).mid(orderId.size() + 1).toInt(&numeric);
        if (numeric && number > 1)
            attempt = number;
    }
    return orderId + u'-' + QString::number(attempt + 1);
}

QByteArray GooglePayGateway::initiateBody(const PaymentRequest &request) const
{
    QJsonObject details {
        { QStringLiteral("transactionId"), transactionOf(request) },
        { QStringLiteral("amountPayable"), request.amount.toGoogleJson() },
        { QStringLiteral("description"),
          request.description.isEmpty() ? QStringLiteral("Order %1").arg(request.orderId) : request.description },
    };
    if (!m_config.upiVpa.isEmpty())
        details.insert(QStringLiteral("upiPaymentDetails"), QJsonObject { { QStringLiteral("vpa"), m_config.upiVpa } });
    const QDateTime expiry = m_clock.nowUtc().addSecs(qint64(m_config.expiryMinutes) * 60);
    const QJsonObject body {
        { QStringLiteral("merchantInfo"), QJsonObject { { QStringLiteral("googleMerchantId"), m_config.googleMerchantId } } },
        { QStringLiteral("userInfo"), QJsonObject { { QStringLiteral("phoneNumber"), request.mobile ? request.mobile->e164() : QString() } } },
        { QStringLiteral("merchantTransactionDetails"), details },
        { QStringLiteral("expiryTime"), expiry.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("originatingPlatform"), m_config.originatingPlatform },
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void GooglePayGateway::start(const PaymentRequest &request, QObject *context, Callback<PaymentSession> done)
{
    std::optional<GatewayError> bad;
    if (!isValidTransactionId(transactionOf(request)))
        bad = GatewayError::make(Kind::Config, QStringLiteral("The order id is not a valid Google transactionId."));
    else if (!request.mobile)
        bad = GatewayError::make(Kind::Config, QStringLiteral("Google Pay needs the customer's mobile number."));
    else if (const auto bounds = request.amount.checkPaymentBounds())
        bad = GatewayError::make(Kind::Config, bounds->message);
    else if (m_config.googleMerchantId.isEmpty())
        bad = GatewayError::make(Kind::Config, QStringLiteral("No googleMerchantId is configured."));
    if (bad) {
        deliver<PaymentSession>(context, std::move(done), *bad);
        return;
    }
    HttpRequest http = apiRequest(QStringLiteral("merchantPayments:initiate"));
    http.effect = Effect::IdempotentWrite;
    http.body = initiateBody(request);
    const QDateTime expiry = m_clock.nowUtc().addSecs(qint64(m_config.expiryMinutes) * 60);
    qCInfo(lcGatewayGooglePay).noquote() << "initiate" << transactionOf(request) << request.amount.toDecimalString()
                                         << request.amount.currency().code() << "to" << request.mobile->masked();

    QPointer<QObject> guard(context);
    // An answer naming another transaction or merchant is an IdentityMismatch; as the answer
    // of a write, its outcome is unknown (ResponseInterpreter sets outcomeUnknown).
    const AnswerIdentity identity { transactionOf(request), m_config.googleMerchantId, {} };
    m_tokens->sendAuthorized(m_http, http, this, [this, identity, expiry, guard, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        GatewayResult<PaymentSession> session = ResponseInterpreter::interpret<PaymentSession>(
                reply, Effect::IdempotentWrite, m_clock.nowUtc(),
                [&identity](const QByteArray &body) { return GooglePayParser::parseInitiate(body, identity); },
                &GooglePayParser::parseError);
        if (session.ok())
            session.value().expiresAt = expiry.toUTC();
        deliver<PaymentSession>(guard, std::move(done), std::move(session));
    });
}

void GooglePayGateway::status(const OrderRef &order, QObject *context, Callback<PaymentStatus> done)
{
    if (!isValidTransactionId(transactionOf(order))) {
        deliver<PaymentStatus>(context, std::move(done),
                               GatewayError::make(Kind::Config, QStringLiteral("Invalid transaction id.")));
        return;
    }
    HttpRequest http = apiRequest(QStringLiteral("merchantTransactions:get"));
    http.effect = Effect::Read;
    http.body = QJsonDocument(QJsonObject {
            { QStringLiteral("merchantInfo"), QJsonObject { { QStringLiteral("googleMerchantId"), m_config.googleMerchantId } } },
            { QStringLiteral("transactionIdentifier"), QJsonObject { { QStringLiteral("merchantTransactionId"), transactionOf(order) } } },
    }).toJson(QJsonDocument::Compact);

    QPointer<QObject> guard(context);
    const Money expected = order.amount;
    const AnswerIdentity identity { transactionOf(order), m_config.googleMerchantId, {} };
    m_tokens->sendAuthorized(m_http, http, this, [this, expected, identity, guard, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        GatewayResult<PaymentStatus> status = ResponseInterpreter::interpret<PaymentStatus>(
                reply, Effect::Read, m_clock.nowUtc(),
                [&expected, &identity](const QByteArray &body) {
                    return GooglePayParser::parseTransaction(body, identity, expected);
                },
                &GooglePayParser::parseError);
        deliver<PaymentStatus>(guard, std::move(done), std::move(status));
    });
}

void GooglePayGateway::refund(const RefundRequest &, QObject *context, Callback<RefundResult> done)
{
    deliver<RefundResult>(context, std::move(done),
                          GatewayError::make(Kind::Unsupported,
                                             QStringLiteral("Google Pay Omnichannel (direct) has no public refund method: "
                                                            "refund this payment through your PSP (the acquiring bank) "
                                                            "or in Google's merchant console.")));
}
