#include "sandbox/SandboxJuspayApi.h"

#include "core/Currency.h"
#include "core/Money.h"
#include "crypto/ConstantTime.h"
#include "sandbox/SandboxContext.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxLogging.h"
#include "sandbox/SandboxStore.h"
#include "sandbox/SandboxUpiQr.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString juspayTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

QJsonValue rawAmount(qint64 minor, const QString &currency)
{
    return SandboxJson::rawNumber(SandboxOrder::decimalFor(minor, currency));
}

} // namespace

SandboxJuspayApi::SandboxJuspayApi(SandboxContext &context)
    : m_context(context)
{ }

bool SandboxJuspayApi::handles(const SandboxHttpRequest &request)
{
    const QStringList segments = request.pathSegments();
    return !segments.isEmpty() && (segments.first() == u"orders" || segments.first() == u"txns");
}

QString SandboxJuspayApi::orderIdOf(const SandboxHttpRequest &request)
{
    const QStringList segments = request.pathSegments();
    if (segments.size() >= 2 && segments.first() == u"orders")
        return segments.at(1);
    const QHash<QString, QString> fields = fieldsOf(request);
    return fields.value(u"order_id"_s, fields.value(u"order.order_id"_s));
}

SandboxHttpResponse SandboxJuspayApi::handle(const SandboxHttpRequest &request)
{
    const QStringList segments = request.pathSegments();
    if (segments == QStringList { u"orders"_s } && request.method == "POST")
        return createOrder(request);
    if (segments.size() == 2 && segments.first() == u"orders" && request.method == "GET")
        return getOrder(request, segments.at(1));
    if (segments.size() == 3 && segments.first() == u"orders" && segments.at(2) == u"refunds"
        && request.method == "POST")
        return refund(request, segments.at(1));
    return error(404, u"invalid_request"_s, u"RESOURCE_NOT_FOUND"_s,
        u"No such Juspay endpoint: %1 %2"_s.arg(QString::fromLatin1(request.method), request.path));
}

SandboxHttpResponse SandboxJuspayApi::error(int status, const QString &errorCode,
    const QString &infoCode, const QString &message, const QStringList &fields)
{
    QJsonArray fieldArray;
    for (const QString &field : fields)
        fieldArray.append(QJsonObject { { u"field_name"_s, field }, { u"reason"_s, message } });
    QJsonObject info {
        { u"category"_s, u"USER_ERROR"_s },
        { u"code"_s, infoCode },
        { u"developer_message"_s, message },
        { u"user_message"_s, message },
    };
    if (!fields.isEmpty())
        info.insert(u"fields"_s, fieldArray);
    return SandboxHttpResponse::json(status,
        QJsonObject {
            { u"status"_s, u"error"_s },
            { u"error_code"_s, errorCode },
            { u"error_message"_s, message },
            { u"error_info"_s, info },
        });
}

SandboxHttpResponse SandboxJuspayApi::badRequest(
    const QString &infoCode, const QString &message, const QStringList &fields)
{
    return error(400, u"invalid_request"_s, infoCode, message, fields);
}

QHash<QString, QString> SandboxJuspayApi::fieldsOf(const SandboxHttpRequest &request)
{
    if (request.mediaType() == "application/json") {
        if (const auto object = request.jsonObject())
            return SandboxJson::flatten(*object);
        return {};
    }
    return request.formFields();
}

std::optional<SandboxHttpResponse> SandboxJuspayApi::checkAuth(const SandboxHttpRequest &request,
    const QHash<QString, QString> &fields, bool merchantIdMayAuthenticate) const
{
    const SandboxOptions &options = m_context.options();
    auto denied = [](const QString &message) {
        return error(401, u"access_denied"_s, u"UNAUTHENTICATED"_s, message);
    };
    const QByteArray merchantHeader = request.header("x-merchantid");
    if (!merchantHeader.isEmpty() && QString::fromUtf8(merchantHeader) != options.juspayMerchantId)
        return denied(u"x-merchantid does not match the API key's merchant."_s);

    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty()) {
        if (merchantIdMayAuthenticate && fields.value(u"merchant_id"_s) == options.juspayMerchantId)
            return std::nullopt;
        return denied(
            u"Authorization header missing: use HTTP Basic with the API key as user name."_s);
    }
    if (!authorization.toLower().startsWith("basic "))
        return denied(u"Authorization must be HTTP Basic with the API key as user name."_s);
    const auto decoded = QByteArray::fromBase64Encoding(
        authorization.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return denied(u"Authorization is not valid base64."_s);
    QByteArray key = *decoded;
    // Clients send both base64("key:") and base64("key"); the password is empty either way.
    if (key.endsWith(':'))
        key.chop(1);
    if (!ConstantTime::equal(key, options.juspayApiKey.toUtf8()))
        return denied(u"Invalid API key."_s);
    return std::nullopt;
}

Result<SandboxOrder> SandboxJuspayApi::buildOrder(
    const QHash<QString, QString> &fields, const QString &prefix) const
{
    auto fail = [](const QString &code, const QString &message) {
        return Result<SandboxOrder>::failure(code, message);
    };
    const QString orderId = fields.value(prefix + u"order_id"_s).trimmed();
    if (orderId.isEmpty())
        return fail(u"MISSING_MANDATORY_PARAMETER"_s, u"%1order_id is mandatory."_s.arg(prefix));
    static const QRegularExpression idPattern(u"^[A-Za-z0-9_-]{1,20}$"_s);
    if (!idPattern.match(orderId).hasMatch()) {
        return fail(u"INVALID_INPUT"_s,
            u"%1order_id must be 1 to 20 letters, digits, '_' or '-'."_s.arg(prefix));
    }
    const QString amountText = fields.value(prefix + u"amount"_s).trimmed();
    if (amountText.isEmpty())
        return fail(u"MISSING_MANDATORY_PARAMETER"_s, u"%1amount is mandatory."_s.arg(prefix));
    const QString currencyCode = fields.value(prefix + u"currency"_s, u"INR"_s).trimmed().toUpper();
    const std::optional<Currency> currency = Currency::fromCode(currencyCode);
    if (!currency)
        return fail(u"INVALID_INPUT"_s, u"Unsupported currency '%1'."_s.arg(currencyCode.left(10)));
    const Result<Money> money = Money::fromDecimalString(amountText, *currency);
    if (!money)
        return fail(u"INVALID_INPUT"_s, u"Invalid amount: %1"_s.arg(money.errorMessage()));
    if (const auto bounds = money->checkPaymentBounds())
        return fail(u"INVALID_INPUT"_s, u"Invalid amount: %1"_s.arg(bounds->message));

    SandboxOrder order;
    order.provider = SandboxOrder::Provider::Juspay;
    order.id = orderId;
    order.amountMinor = money->minorUnits();
    order.currency = currency->code();
    order.created = order.updated = m_context.now();
    order.customerId = fields.value(prefix + u"customer_id"_s);
    order.customerPhone = fields.value(prefix + u"customer_phone"_s);
    order.description = fields.value(prefix + u"description"_s);
    order.returnUrl = fields.value(prefix + u"return_url"_s);
    for (int i = 1; i <= 10; ++i)
        order.udfs.append(fields.value(prefix + u"udf"_s + QString::number(i)));
    // Juspay's order expiry: metadata.expiryInMins, whole minutes from creation (the sandbox
    // takes 1 to 525600, a year). A still-pending order expires when it comes due.
    const QString expiryName = prefix + u"metadata.expiryInMins"_s;
    if (fields.contains(expiryName)) {
        bool ok = false;
        const int minutes = fields.value(expiryName).trimmed().toInt(&ok);
        if (!ok || minutes < 1 || minutes > 525600) {
            return fail(u"INVALID_INPUT"_s,
                u"%1 must be a whole number of minutes from 1 to 525600."_s.arg(expiryName));
        }
        order.expiresAt = order.created.addSecs(qint64(minutes) * 60);
    }
    const QString email = fields.value(prefix + u"customer_email"_s);
    if (!email.isEmpty())
        order.details.insert(u"customer_email"_s, email);
    return order;
}

SandboxHttpResponse SandboxJuspayApi::orderError(const Error &error)
{
    return badRequest(error.code, error.message);
}

SandboxHttpResponse SandboxJuspayApi::createOrder(const SandboxHttpRequest &request)
{
    const QHash<QString, QString> fields = fieldsOf(request);
    if (auto denied = checkAuth(request, fields, false))
        return *denied;
    Result<SandboxOrder> built = buildOrder(fields, QString());
    if (!built)
        return orderError(built.error());
    SandboxOrder order = built.value();
    // A duplicate order_id returns the order that exists; never a second one.
    if (const auto existing = m_context.store().find(order.key()))
        return SandboxHttpResponse::rawJson(
            200, SandboxJson::serialize(createdResponse(*existing)));

    order.providerRef = u"ordeh_"_s + m_context.randomAlphanumeric(20).toLower();
    m_context.store().put(order);
    qCInfo(lcSandbox) << "juspay order created" << order.id << order.amountDecimal()
                      << order.currency;
    SandboxHttpResponse response
        = SandboxHttpResponse::rawJson(200, SandboxJson::serialize(createdResponse(order)));
    response.committed = true;
    return response;
}

QJsonObject SandboxJuspayApi::paymentLinks(const SandboxOrder &order) const
{
    const QString link = m_context.url(u"/__sandbox/pay/"_s + order.id);
    return QJsonObject { { u"web"_s, link }, { u"mobile"_s, link }, { u"iframe"_s, link } };
}

QJsonObject SandboxJuspayApi::createdResponse(const SandboxOrder &order) const
{
    const QString status = order.state == PaymentState::Created ? u"CREATED"_s : statusName(order);
    return QJsonObject {
        { u"status"_s, status },
        { u"status_id"_s, order.state == PaymentState::Created ? 1 : statusId(status) },
        { u"id"_s, order.providerRef },
        { u"order_id"_s, order.id },
        { u"payment_links"_s, paymentLinks(order) },
    };
}

SandboxHttpResponse SandboxJuspayApi::getOrder(
    const SandboxHttpRequest &request, const QString &orderId)
{
    if (auto denied = checkAuth(request, {}, false))
        return *denied;
    const QString key = SandboxOrder::keyFor(SandboxOrder::Provider::Juspay, orderId);
    if (m_context.expireIfDue)
        m_context.expireIfDue(key);
    const auto order = m_context.store().find(key);
    if (!order) {
        return error(404, u"object_not_found"_s, u"RESOURCE_NOT_FOUND"_s,
            u"Order with id = \"%1\" does not exist."_s.arg(orderId.left(40)));
    }
    return SandboxHttpResponse::rawJson(200, SandboxJson::serialize(orderStatus(*order)));
}

SandboxHttpResponse SandboxJuspayApi::refund(
    const SandboxHttpRequest &request, const QString &orderId)
{
    const QHash<QString, QString> fields = fieldsOf(request);
    if (auto denied = checkAuth(request, fields, false))
        return *denied;
    auto order
        = m_context.store().find(SandboxOrder::keyFor(SandboxOrder::Provider::Juspay, orderId));
    if (!order) {
        return error(404, u"object_not_found"_s, u"RESOURCE_NOT_FOUND"_s,
            u"Order with id = \"%1\" does not exist."_s.arg(orderId.left(40)));
    }
    const QString requestId = fields.value(u"unique_request_id"_s).trimmed();
    if (requestId.isEmpty() || requestId.size() > 255) {
        return badRequest(u"MISSING_MANDATORY_PARAMETER"_s,
            u"unique_request_id (1 to 255 characters) is mandatory."_s, { u"unique_request_id"_s });
    }
    const QString amountText = fields.value(u"amount"_s).trimmed();
    if (amountText.isEmpty())
        return badRequest(
            u"MISSING_MANDATORY_PARAMETER"_s, u"amount is mandatory."_s, { u"amount"_s });
    const Currency currency = Currency::fromCode(order->currency).value_or(Currency::inr());
    const Result<Money> amount = Money::fromDecimalString(amountText, currency);
    if (!amount)
        return badRequest(u"INVALID_INPUT"_s, u"Invalid amount: %1"_s.arg(amount.errorMessage()),
            { u"amount"_s });

    // The same unique_request_id is applied once; a replay gets the order as it is.
    for (const SandboxRefund &existing : std::as_const(order->refunds)) {
        if (existing.uniqueRequestId != requestId)
            continue;
        if (existing.amountMinor != amount->minorUnits()) {
            return badRequest(u"DUPLICATE_REQUEST"_s,
                u"unique_request_id %1 was already used for another amount."_s.arg(requestId));
        }
        return SandboxHttpResponse::rawJson(200, SandboxJson::serialize(orderStatus(*order)));
    }
    if (order->state != PaymentState::Charged) {
        return badRequest(u"INVALID_ACTION"_s,
            u"Order %1 is %2; only a charged order can be refunded."_s.arg(
                order->id, statusName(*order)));
    }
    if (amount->minorUnits() <= 0)
        return badRequest(
            u"INVALID_INPUT"_s, u"The refund amount must be greater than zero."_s, { u"amount"_s });
    if (amount->minorUnits() > order->amountMinor - order->refundedMinor()) {
        return badRequest(u"INVALID_ACTION"_s,
            u"The refund amount exceeds what is left to refund on order %1."_s.arg(order->id),
            { u"amount"_s });
    }
    SandboxRefund refund;
    refund.id = u"rfnd_"_s + m_context.randomAlphanumeric(16).toLower();
    refund.uniqueRequestId = requestId;
    refund.amountMinor = amount->minorUnits();
    refund.created = m_context.now();
    order->refunds.append(refund);
    order->updated = refund.created;
    m_context.store().put(*order);
    qCInfo(lcSandbox) << "juspay refund" << order->id
                      << SandboxOrder::decimalFor(refund.amountMinor, order->currency);
    SandboxHttpResponse response
        = SandboxHttpResponse::rawJson(200, SandboxJson::serialize(orderStatus(*order)));
    response.committed = true;
    return response;
}

QString SandboxJuspayApi::statusName(const SandboxOrder &order)
{
    switch (order.state) {
    case PaymentState::Created:
        return u"NEW"_s;
    case PaymentState::AwaitingCustomer:
        return u"PENDING_VBV"_s;
    case PaymentState::Charged:
    case PaymentState::Refunded:
    case PaymentState::PartiallyRefunded:
        return u"CHARGED"_s;
    case PaymentState::Declined:
    case PaymentState::Expired:
        // The payer did not authenticate: declined (ZA) or let the request lapse (U69).
        return u"AUTHENTICATION_FAILED"_s;
    default:
        return u"JUSPAY_DECLINED"_s;
    }
}

int SandboxJuspayApi::statusId(const QString &statusName)
{
    static const QHash<QString, int> ids {
        { u"NEW"_s, 10 },
        { u"PENDING_VBV"_s, 23 },
        { u"CHARGED"_s, 21 },
        { u"JUSPAY_DECLINED"_s, 22 },
        { u"AUTHENTICATION_FAILED"_s, 26 },
        { u"AUTHORIZATION_FAILED"_s, 27 },
    };
    return ids.value(statusName, 0);
}

QJsonObject SandboxJuspayApi::orderStatus(const SandboxOrder &order) const
{
    const QString status = statusName(order);
    QJsonArray refunds;
    for (const SandboxRefund &refund : order.refunds) {
        refunds.append(QJsonObject {
            { u"id"_s, refund.id },
            { u"unique_request_id"_s, refund.uniqueRequestId },
            { u"ref"_s, refund.id },
            { u"amount"_s, rawAmount(refund.amountMinor, order.currency) },
            { u"status"_s, u"SUCCESS"_s },
            { u"created"_s, juspayTime(refund.created) },
            { u"sent_to_gateway"_s, true },
            { u"initiated_by"_s, u"API"_s },
            { u"refund_type"_s, u"STANDARD"_s },
        });
    }
    const qint64 refunded = order.refundedMinor();
    QJsonObject object {
        { u"id"_s, order.providerRef },
        { u"merchant_id"_s, m_context.options().juspayMerchantId },
        { u"order_id"_s, order.id },
        { u"customer_id"_s, order.customerId },
        { u"customer_email"_s, order.details.value(u"customer_email"_s).toString() },
        { u"customer_phone"_s, order.customerPhone },
        { u"status"_s, status },
        { u"status_id"_s, statusId(status) },
        { u"amount"_s, rawAmount(order.amountMinor, order.currency) },
        { u"effective_amount"_s, rawAmount(order.amountMinor, order.currency) },
        { u"currency"_s, order.currency },
        { u"refunded"_s, order.amountMinor > 0 && refunded >= order.amountMinor },
        { u"amount_refunded"_s, rawAmount(refunded, order.currency) },
        { u"refunds"_s, refunds },
        { u"date_created"_s, juspayTime(order.created) },
        { u"return_url"_s, order.returnUrl },
        { u"product_id"_s, QString() },
        { u"payment_links"_s, paymentLinks(order) },
    };
    for (int i = 0; i < 10; ++i)
        object.insert(u"udf"_s + QString::number(i + 1), order.udfs.value(i));
    if (!order.txns.isEmpty()) {
        const SandboxTxn &txn = order.txns.last();
        object.insert(u"txn_id"_s, txn.txnId);
        object.insert(u"txn_uuid"_s, txn.txnUuid);
        object.insert(u"payment_method_type"_s, txn.paymentMethodType);
        object.insert(u"payment_method"_s, txn.paymentMethod);
        object.insert(u"gateway_id"_s, 0);
        object.insert(u"bank_error_code"_s, order.failureCode);
        object.insert(
            u"bank_error_message"_s, order.details.value(u"failure_message"_s).toString());
        object.insert(u"txn_detail"_s,
            QJsonObject {
                { u"txn_id"_s, txn.txnId },
                { u"txn_uuid"_s, txn.txnUuid },
                { u"order_id"_s, order.id },
                { u"status"_s, status },
                { u"txn_amount"_s, rawAmount(order.amountMinor, order.currency) },
                { u"currency"_s, order.currency },
                { u"gateway"_s, txn.paymentMethod },
                { u"error_code"_s, order.failureCode },
                { u"error_message"_s, order.details.value(u"failure_message"_s).toString() },
                { u"created"_s, juspayTime(txn.created) },
            });
    }
    SandboxUpiQr::addStatusFields(object, order);
    return object;
}
