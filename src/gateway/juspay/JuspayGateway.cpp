#include "gateway/juspay/JuspayGateway.h"

#include "gateway/GatewayLogging.h"
#include "gateway/HttpClient.h"
#include "gateway/ResponseInterpreter.h"
#include "gateway/juspay/JuspayParser.h"
#include "gateway/juspay/JuspayRequestBuilder.h"

#include <QRegularExpression>

using Kind = GatewayError::Kind;
using Effect = HttpRequest::Effect;

namespace {

bool isValidOrderId(const QString &orderId)
{
    static const QRegularExpression kPattern(QStringLiteral("^[A-Za-z0-9_-]{1,20}$"));
    return kPattern.match(orderId).hasMatch();
}

} // namespace

JuspayGateway::JuspayGateway(HttpClient *http, JuspayConfig config, Flow flow, QString walletMethod,
                             const Clock &clock, QObject *parent)
    : PaymentGateway(parent), m_http(http), m_config(std::move(config)), m_flow(flow),
      m_walletMethod(std::move(walletMethod).toUpper()), m_clock(clock)
{
}

QString JuspayGateway::providerName() const
{
    switch (m_flow) {
    case Flow::GooglePayPush: return QStringLiteral("juspay-gpay");
    case Flow::Cred: return QStringLiteral("juspay-cred");
    case Flow::UpiQr: return QStringLiteral("juspay-upi-qr");
    case Flow::Wallet: break;
    }
    return QStringLiteral("juspay-wallet:") + m_walletMethod;
}

std::optional<GatewayError> JuspayGateway::validate(const PaymentRequest &request) const
{
    if (!isValidOrderId(request.orderId))
        return GatewayError::make(Kind::Config, QStringLiteral("The order id must be 1 to 20 letters, digits, '-' or '_' for Juspay."));
    if (const auto bad = request.amount.checkPaymentBounds())
        return GatewayError::make(Kind::Config, bad->message);
    if ((m_flow == Flow::GooglePayPush || m_flow == Flow::Cred) && !request.mobile)
        return GatewayError::make(Kind::Config, QStringLiteral("%1 needs the customer's mobile number.").arg(providerName()));
    if (m_flow == Flow::Wallet && m_walletMethod.isEmpty())
        return GatewayError::make(Kind::Config, QStringLiteral("No wallet named for juspay-wallet (e.g. juspay-wallet:GOPAY)."));
    if (m_flow == Flow::UpiQr && request.amount.currency().code() != QLatin1String("INR"))
        return GatewayError::make(Kind::Config, QStringLiteral("A UPI QR is in rupees only."));
    if (m_flow == Flow::UpiQr && (m_config.upiQrLifetimeMinutes < 1 || m_config.upiQrLifetimeMinutes > 525600))
        return GatewayError::make(Kind::Config, QStringLiteral("The UPI QR's lifetime must be 1 to 525600 minutes."));
    if (m_flow == Flow::Cred && m_config.credPublicKey.isNull())
        return GatewayError::make(Kind::Config, QStringLiteral("CRED needs Juspay's public key: set cred_public_key_file in [juspay]."));
    return std::nullopt;
}

void JuspayGateway::start(const PaymentRequest &request, QObject *context, Callback<PaymentSession> done)
{
    if (auto bad = validate(request)) {
        deliver<PaymentSession>(context, std::move(done), *bad);
        return;
    }
    qCInfo(lcGatewayJuspay).noquote() << providerName() << "start order" << request.orderId
                                      << request.amount.toDecimalString() << request.amount.currency().code()
                                      << (request.mobile ? request.mobile->masked() : QString());
    if (m_flow == Flow::Wallet) {
        sendTxn(request, context, std::move(done));
        return;
    }

    HttpRequest http = JuspayRequestBuilder::baseRequest(
            m_config, QStringLiteral("/orders"),
            JuspayRequestBuilder::routingId(m_config, request.orderId, request.customerId));
    http.method = HttpRequest::Method::Post;
    http.effect = Effect::IdempotentWrite;
    http.body = JuspayRequestBuilder::encodeForm(JuspayRequestBuilder::createOrderForm(
            m_config, request, m_flow == Flow::UpiQr ? m_config.upiQrLifetimeMinutes : 0));
    http.purpose = QStringLiteral("juspay.orders");

    QPointer<QObject> guard(context);
    m_http->send(http, this, [this, request, guard, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        const AnswerIdentity identity { request.orderId, m_config.merchantId, {} };
        GatewayResult<QString> created = ResponseInterpreter::interpret<QString>(
                reply, Effect::IdempotentWrite, m_clock.nowUtc(),
                [&identity](const QByteArray &body) { return JuspayParser::parseOrderCreate(body, identity); },
                &JuspayParser::parseError);
        if (!created.ok()) {
            // No transaction exists without /txns: nothing can have been charged.
            GatewayError error = created.error();
            error.outcomeUnknown = false;
            error.message = QStringLiteral("Creating the Juspay order failed: ") + error.message;
            deliver<PaymentSession>(guard, std::move(done), std::move(error));
            return;
        }
        if (!guard)
            return;
        sendTxn(request, guard, std::move(done));
    });
}

void JuspayGateway::sendTxn(const PaymentRequest &request, QObject *context, Callback<PaymentSession> done)
{
    HttpRequest http = JuspayRequestBuilder::baseRequest(
            m_config, QStringLiteral("/txns"),
            JuspayRequestBuilder::routingId(m_config, request.orderId, request.customerId));
    http.method = HttpRequest::Method::Post;
    http.effect = Effect::Write;
    http.purpose = QStringLiteral("juspay.txns");
    switch (m_flow) {
    case Flow::GooglePayPush:
        http.body = JuspayRequestBuilder::encodeForm(
                JuspayRequestBuilder::pushTxnForm(m_config, request.orderId, *request.mobile));
        break;
    case Flow::Cred: {
        const auto form = JuspayRequestBuilder::credTxnForm(m_config, request.orderId, *request.mobile);
        if (!form.ok()) {
            deliver<PaymentSession>(context, std::move(done),
                                    GatewayError::make(Kind::Config, QStringLiteral("CRED phone encryption failed: ")
                                                       + form.errorMessage()));
            return;
        }
        http.body = JuspayRequestBuilder::encodeForm(form.value());
        break;
    }
    case Flow::UpiQr:
        http.body = JuspayRequestBuilder::encodeForm(JuspayRequestBuilder::upiQrTxnForm(m_config, request.orderId));
        break;
    case Flow::Wallet:
        http.body = JuspayRequestBuilder::encodeForm(
                JuspayRequestBuilder::walletTxnForm(m_config, request, m_walletMethod));
        break;
    }

    QPointer<QObject> guard(context);
    const QString orderId = request.orderId;
    const Money amount = request.amount;
    m_http->send(http, this, [this, orderId, amount, guard, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        // An answer naming another order is an IdentityMismatch with outcomeUnknown (it is a
        // write's answer: we do not know what became of ours), never a session.
        const AnswerIdentity identity { orderId, m_config.merchantId, {} };
        const QDateTime sentAt = m_clock.nowUtc();
        GatewayResult<PaymentSession> session = ResponseInterpreter::interpret<PaymentSession>(
                reply, Effect::Write, sentAt,
                [this, &identity, &orderId, &amount](const QByteArray &body) {
                    if (m_flow == Flow::UpiQr)
                        return JuspayParser::parseUpiQrTxn(body, identity, amount, QStringLiteral("Order %1").arg(orderId));
                    return JuspayParser::parseTxn(body, identity);
                },
                &JuspayParser::parseError);
        // A UPI QR we refused was never shown: the customer cannot know its tr, so nothing can
        // be paid on it. The sale failed (and may be tried again); its outcome is not open.
        if (!session.ok() && session.error().kind == Kind::Refused)
            session.error().outcomeUnknown = false;
        if (session.ok()) {
            if (session.value().orderId.isEmpty())
                session.value().orderId = orderId;
            if (m_flow == Flow::UpiQr && !session.value().expiresAt.isValid())
                session.value().expiresAt = sentAt.addSecs(qint64(m_config.upiQrLifetimeMinutes) * 60);
            qCInfo(lcGatewayJuspay).noquote() << providerName() << "order" << orderId << "txn"
                                              << session->txnId << session->rawStatus
                                              << PaymentSession::methodName(session->method)
                                              << session->checkoutMode;
        } else {
            qCWarning(lcGatewayJuspay).noquote() << providerName() << "txns for order" << orderId
                                                 << "failed:" << session.error().toString();
        }
        deliver<PaymentSession>(guard, std::move(done), std::move(session));
    });
}

void JuspayGateway::status(const OrderRef &order, QObject *context, Callback<PaymentStatus> done)
{
    if (!isValidOrderId(order.orderId)) {
        deliver<PaymentStatus>(context, std::move(done), GatewayError::make(Kind::Config, QStringLiteral("Invalid order id.")));
        return;
    }
    HttpRequest http = JuspayRequestBuilder::baseRequest(
            m_config, QStringLiteral("/orders/") + order.orderId,
            JuspayRequestBuilder::routingId(m_config, order.orderId, order.customerId));
    http.method = HttpRequest::Method::Get;
    http.effect = Effect::Read;
    http.contentType.clear();
    http.purpose = QStringLiteral("juspay.status");

    QPointer<QObject> guard(context);
    const Money expected = order.amount;
    const bool verifyAmount = order.verifyAmount;
    const AnswerIdentity identity { order.orderId, m_config.merchantId, {} };
    m_http->send(http, this, [this, expected, verifyAmount, identity, guard, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        GatewayResult<PaymentStatus> status = ResponseInterpreter::interpret<PaymentStatus>(
                reply, Effect::Read, m_clock.nowUtc(),
                [&expected, &identity, verifyAmount](const QByteArray &body) {
                    return JuspayParser::parseOrderStatus(body, identity, expected, verifyAmount);
                },
                &JuspayParser::parseError);
        deliver<PaymentStatus>(guard, std::move(done), std::move(status));
    });
}

void JuspayGateway::refund(const RefundRequest &request, QObject *context, Callback<RefundResult> done)
{
    if (!isValidOrderId(request.order.orderId) || request.uniqueRequestId.isEmpty()) {
        deliver<RefundResult>(context, std::move(done),
                              GatewayError::make(Kind::Config, QStringLiteral("A refund needs a valid order id and a unique_request_id.")));
        return;
    }
    if (const auto bad = request.amount.checkPaymentBounds()) {
        deliver<RefundResult>(context, std::move(done), GatewayError::make(Kind::Config, bad->message));
        return;
    }
    HttpRequest http = JuspayRequestBuilder::baseRequest(
            m_config, QStringLiteral("/orders/") + request.order.orderId + QStringLiteral("/refunds"),
            JuspayRequestBuilder::routingId(m_config, request.order.orderId, request.order.customerId));
    http.method = HttpRequest::Method::Post;
    http.effect = Effect::IdempotentWrite;
    http.body = JuspayRequestBuilder::encodeForm(JuspayRequestBuilder::refundForm(request));
    http.purpose = QStringLiteral("juspay.refund");

    QPointer<QObject> guard(context);
    const QString uniqueId = request.uniqueRequestId;
    const Currency currency = request.amount.currency();
    const AnswerIdentity identity { request.order.orderId, m_config.merchantId, {} };
    m_http->send(http, this, [this, uniqueId, currency, identity, guard, done = std::move(done)](const GatewayResult<HttpResponse> &reply) mutable {
        GatewayResult<RefundResult> result = ResponseInterpreter::interpret<RefundResult>(
                reply, Effect::IdempotentWrite, m_clock.nowUtc(),
                [&](const QByteArray &body) { return JuspayParser::parseRefund(body, identity, uniqueId, currency); },
                &JuspayParser::parseError);
        deliver<RefundResult>(guard, std::move(done), std::move(result));
    });
}
