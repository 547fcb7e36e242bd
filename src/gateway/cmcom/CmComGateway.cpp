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
        done(GatewayError::make(Kind::Config, QStringLiteral("CM.com client credentials are not configured "
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
        bad = GatewayError::make(Kind::Config, QStringLiteral("The order id is not a valid CM.com reference."));
    else if (const auto bounds = request.amount.checkPaymentBounds(Money::kCmComMaxMinorUnits))
        bad = GatewayError::make(Kind::Config, QStringLiteral("CM.com: ") + bounds->message);
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
    // An answer for another reference or merchant: IdentityMismatch, outcome unknown (a write).
    const AnswerIdentity identity { request.orderId, m_config.merchantId, {} };
    m_tokens->sendAuthorized(m_http, http, this, [this, identity, guard, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        GatewayResult<PaymentSession> session = ResponseInterpreter::interpret<PaymentSession>(
                reply, Effect::Write, m_clock.nowUtc(),
                [&identity](const QByteArray &body) { return CmComParser::parseInitialize(body, identity); },
                &CmComParser::parseError);
        deliver<PaymentSession>(guard, std::move(done), std::move(session));
    });
}

namespace {

const QRegularExpression &transactionIdPattern()
{
    static const QRegularExpression kId(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    return kId;
}

// What CM.com shows as refunded or on its way (minor units).
qint64 committedRefunds(const PaymentStatus &status)
{
    return (status.refundedAmount ? status.refundedAmount->minorUnits() : 0)
            + (status.refundPendingAmount ? status.refundPendingAmount->minorUnits() : 0);
}

// The refund's result when the transaction shows it (committed figures reach target), or
// nullopt when it does not.
std::optional<RefundResult> appliedRefund(const RefundRequest &request, const PaymentStatus &status)
{
    const qint64 target = request.alreadyRefunded + request.amount.minorUnits();
    if (committedRefunds(status) < target)
        return std::nullopt;
    RefundResult result;
    result.orderId = request.order.orderId;
    result.uniqueRequestId = request.uniqueRequestId;
    result.rawStatus = status.rawStatus;
    result.amount = request.amount;
    const qint64 done = status.refundedAmount ? status.refundedAmount->minorUnits() : 0;
    result.state = done >= target ? RefundResult::State::Succeeded : RefundResult::State::Pending;
    return result;
}

} // namespace

void CmComGateway::fetchTransaction(const OrderRef &order, std::function<void(const GatewayResult<PaymentStatus> &)> next)
{
    HttpRequest http;
    http.method = HttpRequest::Method::Get;
    http.effect = Effect::Read;
    http.url = apiUrl(kTransactions + order.providerTxnId);
    http.purpose = QStringLiteral("cmcom.status");

    const Money expected = order.amount;
    const AnswerIdentity identity { order.orderId, m_config.merchantId, order.providerTxnId };
    m_tokens->sendAuthorized(m_http, http, this, [this, expected, identity, next = std::move(next)](const GatewayResult<HttpResponse> &reply) {
        next(ResponseInterpreter::interpret<PaymentStatus>(
                reply, Effect::Read, m_clock.nowUtc(),
                [&expected, &identity](const QByteArray &body) {
                    return CmComParser::parseTransaction(body, identity, expected);
                },
                &CmComParser::parseError));
    });
}

void CmComGateway::status(const OrderRef &order, QObject *context, Callback<PaymentStatus> done)
{
    if (!transactionIdPattern().match(order.providerTxnId).hasMatch()) {
        deliver<PaymentStatus>(context, std::move(done),
                               GatewayError::make(Kind::Config, QStringLiteral("CM.com status needs the transaction id "
                                                                      "that start() returned (OrderRef::providerTxnId).")));
        return;
    }
    QPointer<QObject> guard(context);
    fetchTransaction(order, [guard, done = std::move(done)](const GatewayResult<PaymentStatus> &status) mutable {
        deliver<PaymentStatus>(guard, std::move(done), status);
    });
}

void CmComGateway::refund(const RefundRequest &request, QObject *context, Callback<RefundResult> done)
{
    std::optional<GatewayError> bad;
    if (!transactionIdPattern().match(request.order.providerTxnId).hasMatch())
        bad = GatewayError::make(Kind::Config, QStringLiteral("A CM.com refund needs the transaction id that start() returned."));
    else if (const auto bounds = request.amount.checkPaymentBounds(Money::kCmComMaxMinorUnits))
        bad = GatewayError::make(Kind::Config, QStringLiteral("CM.com refund: ") + bounds->message);
    else if (request.alreadyRefunded < 0 || request.amount.currency() != request.order.amount.currency())
        bad = GatewayError::make(Kind::Config, QStringLiteral("The CM.com refund's amounts do not fit the order."));
    if (bad) {
        deliver<RefundResult>(context, std::move(done), *bad);
        return;
    }
    QPointer<QObject> guard(context);
    // Look first: CM.com has no idempotency key, so a refund whose answer was lost earlier
    // must not be sent again.
    fetchTransaction(request.order, [this, request, guard, done = std::move(done)](const GatewayResult<PaymentStatus> &status) mutable {
        if (!status.ok()) {
            GatewayError error = status.error();
            error.message = QStringLiteral("CM.com refund not sent: the transaction could not be read first: ")
                    + error.message;
            deliver<RefundResult>(guard, std::move(done), std::move(error));
            return;
        }
        if (std::optional<RefundResult> applied = appliedRefund(request, status.value())) {
            applied->alreadyApplied = true;
            qCInfo(lcGatewayCmCom).noquote() << "refund" << request.uniqueRequestId << "of" << request.order.orderId
                                             << "already shows at CM.com (refunded" << committedRefunds(status.value())
                                             << "minor units, committed or pending): not sent again";
            deliver<RefundResult>(guard, std::move(done), std::move(*applied));
            return;
        }
        if (committedRefunds(status.value()) != request.alreadyRefunded) {
            qCWarning(lcGatewayCmCom).noquote() << "order" << request.order.orderId << "shows"
                                                << committedRefunds(status.value())
                                                << "minor units refunded at CM.com, the ledger"
                                                << request.alreadyRefunded << "(a refund made elsewhere?)";
        }
        if (!guard)
            return;
        postRefund(request, guard, std::move(done));
    });
}

void CmComGateway::postRefund(const RefundRequest &request, QPointer<QObject> context, Callback<RefundResult> done)
{
    HttpRequest http;
    http.method = HttpRequest::Method::Post;
    http.effect = Effect::Write; // no idempotency key: never retried blindly
    http.url = apiUrl(kTransactions + request.order.providerTxnId + QStringLiteral("/refunds"));
    http.body = QJsonDocument(QJsonObject {
            { QStringLiteral("amount"), request.amount.minorUnits() },
            { QStringLiteral("reason"), QStringLiteral("CounterPay refund %1 of order %2")
                                                .arg(request.uniqueRequestId, request.order.orderId)
                                                .left(255) },
    }).toJson(QJsonDocument::Compact);
    http.contentType = "application/json";
    http.purpose = QStringLiteral("cmcom.refund");
    qCInfo(lcGatewayCmCom).noquote() << "refund" << request.uniqueRequestId << "of" << request.order.orderId
                                     << request.amount.minorUnits() << request.amount.currency().code();

    const Money expected = request.order.amount;
    const AnswerIdentity identity { request.order.orderId, m_config.merchantId, request.order.providerTxnId };
    m_tokens->sendAuthorized(m_http, http, this, [this, request, expected, identity, context, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        const GatewayResult<PaymentStatus> answer = ResponseInterpreter::interpret<PaymentStatus>(
                reply, Effect::Write, m_clock.nowUtc(),
                [&expected, &identity](const QByteArray &body) {
                    return CmComParser::parseTransaction(body, identity, expected);
                },
                &CmComParser::parseError);
        if (answer.ok()) {
            if (std::optional<RefundResult> applied = appliedRefund(request, answer.value())) {
                deliver<RefundResult>(context, std::move(done), std::move(*applied));
                return;
            }
            // An answer that does not show our refund: look again rather than guess.
            GatewayError odd = GatewayError::make(Kind::Unexpected, QStringLiteral("CM.com's refund answer does not show the refund."));
            odd.outcomeUnknown = true;
            confirmLostRefund(request, odd, context, std::move(done));
            return;
        }
        if (!answer.error().outcomeUnknown) {
            GatewayError error = answer.error();
            error.message = QStringLiteral("CM.com refused the refund: ") + error.message;
            deliver<RefundResult>(context, std::move(done), std::move(error));
            return;
        }
        confirmLostRefund(request, answer.error(), context, std::move(done));
    });
}

void CmComGateway::confirmLostRefund(const RefundRequest &request, const GatewayError &lost, QPointer<QObject> context,
                                     Callback<RefundResult> done)
{
    qCWarning(lcGatewayCmCom).noquote() << "refund" << request.uniqueRequestId << "of" << request.order.orderId
                                        << "has no usable answer (" << lost.toString()
                                        << "); reading the transaction to see whether it was applied";
    fetchTransaction(request.order, [request, lost, context, done = std::move(done)](const GatewayResult<PaymentStatus> &status) mutable {
        if (!status.ok()) {
            GatewayError error = lost;
            error.outcomeUnknown = true;
            error.message = QStringLiteral("The CM.com refund's answer was lost and the transaction could not be "
                                           "read afterwards (%1); the refund may have been applied.")
                                    .arg(status.error().toString());
            deliver<RefundResult>(context, std::move(done), std::move(error));
            return;
        }
        if (std::optional<RefundResult> applied = appliedRefund(request, status.value())) {
            qCInfo(lcGatewayCmCom).noquote() << "refund" << request.uniqueRequestId << "was applied (its answer was lost)";
            deliver<RefundResult>(context, std::move(done), std::move(*applied));
            return;
        }
        GatewayError error = lost;
        error.outcomeUnknown = false;
        error.message = QStringLiteral("The CM.com refund's answer was lost (%1), and CM.com shows it was not "
                                       "applied: it is safe to send it again.")
                                .arg(lost.message);
        deliver<RefundResult>(context, std::move(done), std::move(error));
    });
}
