#include "sandbox/SandboxGooglePayApi.h"

#include "core/Money.h"
#include "core/PhoneNumber.h"
#include "crypto/Jwt.h"
#include "sandbox/SandboxContext.h"
#include "sandbox/SandboxCustomer.h"
#include "sandbox/SandboxLogging.h"
#include "sandbox/SandboxStore.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kTokenLifetimeSeconds = 3600;
constexpr qint64 kClockSkewSeconds = 300;

SandboxHttpResponse oauthError(int status, const QString &error, const QString &description)
{
    return SandboxHttpResponse::json(
        status, QJsonObject { { u"error"_s, error }, { u"error_description"_s, description } });
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

} // namespace

SandboxGooglePayApi::SandboxGooglePayApi(SandboxContext &context, SandboxCustomer &customer)
    : m_context(context)
    , m_customer(customer)
{ }

bool SandboxGooglePayApi::isTokenEndpoint(const SandboxHttpRequest &request)
{
    return request.path == u"/token";
}

bool SandboxGooglePayApi::handles(const SandboxHttpRequest &request)
{
    return isTokenEndpoint(request) || request.path.startsWith(u"/v1/merchant");
}

QString SandboxGooglePayApi::transactionIdOf(const SandboxHttpRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonObject();
    if (!body)
        return {};
    const QString initiated = body->value(u"merchantTransactionDetails"_s)
                                  .toObject()
                                  .value(u"transactionId"_s)
                                  .toString();
    if (!initiated.isEmpty())
        return initiated;
    return body->value(u"transactionIdentifier"_s)
        .toObject()
        .value(u"merchantTransactionId"_s)
        .toString();
}

SandboxHttpResponse SandboxGooglePayApi::handle(const SandboxHttpRequest &request)
{
    if (request.method != "POST")
        return error(404, u"NOT_FOUND"_s, u"Use POST."_s);
    if (isTokenEndpoint(request))
        return token(request);
    if (request.path == u"/v1/merchantPayments:initiate")
        return initiate(request);
    if (request.path == u"/v1/merchantTransactions:get")
        return get(request);
    return error(404, u"NOT_FOUND"_s, u"No such method: %1"_s.arg(request.path.left(80)));
}

SandboxHttpResponse SandboxGooglePayApi::error(
    int code, const QString &status, const QString &message)
{
    return SandboxHttpResponse::json(code,
        QJsonObject { { u"error"_s,
            QJsonObject {
                { u"code"_s, code },
                { u"status"_s, status },
                { u"message"_s, message },
            } } });
}

QString SandboxGooglePayApi::statusName(const SandboxOrder &order)
{
    switch (order.state) {
    case PaymentState::Created:
        return u"PAYMENT_NOT_INITIATED"_s;
    case PaymentState::AwaitingCustomer:
        return u"IN_PROGRESS"_s;
    case PaymentState::Charged:
    case PaymentState::Refunded:
    case PaymentState::PartiallyRefunded:
        return u"SUCCESS"_s;
    case PaymentState::Declined:
        return u"DECLINED"_s;
    case PaymentState::Expired:
        return u"EXPIRED"_s;
    default:
        return u"FAILURE"_s;
    }
}

SandboxHttpResponse SandboxGooglePayApi::token(const SandboxHttpRequest &request)
{
    const QHash<QString, QString> fields = request.formFields();
    if (fields.value(u"grant_type"_s) != u"urn:ietf:params:oauth:grant-type:jwt-bearer")
        return oauthError(
            400, u"unsupported_grant_type"_s, u"Invalid grant_type: use the JWT-bearer grant."_s);
    const QByteArray assertion = fields.value(u"assertion"_s).toLatin1();
    if (assertion.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"Missing required parameter: assertion"_s);
    const Result<QJsonObject> claims = Jwt::verifyRs256(assertion, m_context.keys().googleKey());
    if (!claims) {
        qCInfo(lcSandbox) << "google token refused:" << claims.errorCode();
        return oauthError(400, u"invalid_grant"_s, u"Invalid JWT Signature."_s);
    }
    const QString tokenUri = m_context.url(u"/token"_s);
    if (claims->value(u"iss"_s).toString() != m_context.keys().googleClientEmail())
        return oauthError(
            400, u"invalid_grant"_s, u"Invalid issuer: not the sandbox's service account."_s);
    if (claims->value(u"aud"_s).toString() != tokenUri)
        return oauthError(400, u"invalid_grant"_s, u"Invalid JWT: aud must be %1."_s.arg(tokenUri));
    const QStringList scopes = claims->value(u"scope"_s).toString().split(u' ', Qt::SkipEmptyParts);
    if (!scopes.contains(QLatin1String(kScope)))
        return oauthError(
            400, u"invalid_scope"_s, u"The scope must include %1."_s.arg(QLatin1String(kScope)));
    const QJsonValue iatValue = claims->value(u"iat"_s);
    const QJsonValue expValue = claims->value(u"exp"_s);
    if (!iatValue.isDouble() || !expValue.isDouble())
        return oauthError(400, u"invalid_grant"_s, u"Invalid JWT: iat and exp must be numbers."_s);
    const qint64 iat = iatValue.toInteger();
    const qint64 exp = expValue.toInteger();
    const qint64 now = m_context.now().toSecsSinceEpoch();
    if (exp <= now || iat > now + kClockSkewSeconds || exp <= iat
        || exp - iat > kTokenLifetimeSeconds) {
        return oauthError(400, u"invalid_grant"_s,
            u"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe."_s);
    }
    const QString accessToken = u"ya29.sandbox-"_s + m_context.randomAlphanumeric(40);
    m_context.store().addToken(
        accessToken, u"google"_s, m_context.now().addSecs(kTokenLifetimeSeconds));
    return SandboxHttpResponse::json(200,
        QJsonObject {
            { u"access_token"_s, accessToken },
            { u"expires_in"_s, kTokenLifetimeSeconds },
            { u"token_type"_s, u"Bearer"_s },
        });
}

std::optional<SandboxHttpResponse> SandboxGooglePayApi::checkBearer(
    const SandboxHttpRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    const QString token = authorization.toLower().startsWith("bearer ")
        ? QString::fromLatin1(authorization.mid(7).trimmed())
        : QString();
    if (token.isEmpty() || !m_context.store().isTokenValid(token, u"google"_s, m_context.now())) {
        return error(401, u"UNAUTHENTICATED"_s,
            u"Request had invalid authentication credentials. Expected OAuth 2 access token."_s);
    }
    return std::nullopt;
}

std::optional<SandboxHttpResponse> SandboxGooglePayApi::checkMerchant(const QJsonObject &body) const
{
    const QJsonValue merchantInfo = body.value(u"merchantInfo"_s);
    if (!merchantInfo.isObject())
        return error(400, u"INVALID_ARGUMENT"_s, u"MerchantInfo not present"_s);
    const QString merchantId = merchantInfo.toObject().value(u"googleMerchantId"_s).toString();
    if (merchantId.isEmpty())
        return error(400, u"INVALID_ARGUMENT"_s, u"googleMerchantId not present"_s);
    if (merchantId != m_context.options().googleMerchantId)
        return error(403, u"PERMISSION_DENIED"_s, u"The merchant is not authorized."_s);
    return std::nullopt;
}

SandboxHttpResponse SandboxGooglePayApi::initiate(const SandboxHttpRequest &request)
{
    if (auto denied = checkBearer(request))
        return *denied;
    const std::optional<QJsonObject> body = request.jsonObject();
    if (!body)
        return error(400, u"INVALID_ARGUMENT"_s, u"The request body is not a JSON object."_s);
    if (auto refused = checkMerchant(*body))
        return *refused;
    const QString phoneText
        = body->value(u"userInfo"_s).toObject().value(u"phoneNumber"_s).toString();
    if (phoneText.isEmpty())
        return error(400, u"INVALID_ARGUMENT"_s, u"userInfo.phoneNumber not present"_s);
    const Result<PhoneNumber> phone = PhoneNumber::parse(phoneText, u"IN");
    if (!phoneText.startsWith(u'+') || !phone)
        return error(
            400, u"INVALID_ARGUMENT"_s, u"userInfo.phoneNumber must be a valid E.164 number."_s);
    const QJsonObject details = body->value(u"merchantTransactionDetails"_s).toObject();
    const QString transactionId = details.value(u"transactionId"_s).toString();
    static const QRegularExpression idPattern(u"^[A-Za-z0-9._-]{1,64}$"_s);
    if (!idPattern.match(transactionId).hasMatch()) {
        return error(400, u"INVALID_ARGUMENT"_s,
            u"merchantTransactionDetails.transactionId must be 1 to 64 letters, digits, '.', '_' or '-'."_s);
    }
    const Result<Money> amount
        = Money::fromGoogleJson(details.value(u"amountPayable"_s).toObject());
    if (!amount)
        return error(
            400, u"INVALID_ARGUMENT"_s, u"Invalid amountPayable: %1"_s.arg(amount.errorMessage()));
    if (const auto bounds = amount->checkPaymentBounds())
        return error(
            400, u"INVALID_ARGUMENT"_s, u"Invalid amountPayable: %1"_s.arg(bounds->message));
    QDateTime expiry;
    if (body->contains(u"expiryTime"_s)) {
        expiry = QDateTime::fromString(body->value(u"expiryTime"_s).toString(), Qt::ISODateWithMs);
        if (!expiry.isValid())
            return error(
                400, u"INVALID_ARGUMENT"_s, u"expiryTime must be an RFC 3339 timestamp."_s);
        if (expiry <= m_context.now())
            return error(400, u"INVALID_ARGUMENT"_s, u"expiryTime is in the past."_s);
    }

    const QString key = SandboxOrder::keyFor(SandboxOrder::Provider::GooglePay, transactionId);
    if (const auto existing = m_context.store().find(key)) {
        // A retried initiate for the same transaction is answered, not applied twice.
        if (existing->amountMinor != amount->minorUnits()
            || existing->currency != amount->currency().code()
            || existing->customerPhone != phone->e164()) {
            return error(400, u"INVALID_ARGUMENT"_s,
                u"transactionId %1 was already used for another payment."_s.arg(transactionId));
        }
        return SandboxHttpResponse::json(200, transactionObject(*existing));
    }
    SandboxOrder order;
    order.provider = SandboxOrder::Provider::GooglePay;
    order.id = transactionId;
    order.providerRef = u"GPAY"_s + m_context.randomDigits(16);
    order.amountMinor = amount->minorUnits();
    order.currency = amount->currency().code();
    order.state = PaymentState::AwaitingCustomer;
    order.created = order.updated = m_context.now();
    order.expiresAt = expiry;
    order.customerPhone = phone->e164();
    order.description = details.value(u"description"_s).toString();
    order.details.insert(
        u"vpa"_s, details.value(u"upiPaymentDetails"_s).toObject().value(u"vpa"_s).toString());
    order.details.insert(
        u"originatingPlatform"_s, body->value(u"originatingPlatform"_s).toString());
    m_context.store().put(order);
    qCInfo(lcSandbox) << "google initiate" << transactionId << "to" << phone->masked();
    if (m_context.paymentStarted)
        m_context.paymentStarted(order.key());
    SandboxHttpResponse response = SandboxHttpResponse::json(200, transactionObject(order));
    response.committed = true;
    return response;
}

SandboxHttpResponse SandboxGooglePayApi::get(const SandboxHttpRequest &request)
{
    if (auto denied = checkBearer(request))
        return *denied;
    const std::optional<QJsonObject> body = request.jsonObject();
    if (!body)
        return error(400, u"INVALID_ARGUMENT"_s, u"The request body is not a JSON object."_s);
    if (auto refused = checkMerchant(*body))
        return *refused;
    const QString transactionId = body->value(u"transactionIdentifier"_s)
                                      .toObject()
                                      .value(u"merchantTransactionId"_s)
                                      .toString();
    if (transactionId.isEmpty())
        return error(400, u"INVALID_ARGUMENT"_s,
            u"transactionIdentifier.merchantTransactionId not present"_s);
    const QString key = SandboxOrder::keyFor(SandboxOrder::Provider::GooglePay, transactionId);
    m_customer.expireIfDue(key);
    const auto order = m_context.store().find(key);
    if (!order)
        return error(404, u"NOT_FOUND"_s, u"Transaction not found."_s);
    return SandboxHttpResponse::json(200, transactionObject(*order));
}

QJsonObject SandboxGooglePayApi::transactionObject(const SandboxOrder &order) const
{
    const QString status = statusName(order);
    QJsonObject transactionStatus { { u"status"_s, status } };
    if (status == u"FAILURE")
        transactionStatus.insert(u"failureErrorCode"_s, order.failureCode);
    QJsonObject object {
        { u"transactionId"_s, order.id },
        { u"googleTransactionId"_s, order.providerRef },
        { u"paymentMode"_s, u"UPI"_s },
        { u"transactionStatus"_s, transactionStatus },
        { u"lastUpdatedTime"_s, rfc3339(order.updated) },
        { u"payerAccountType"_s, u"UPI_DEBIT"_s },
        { u"payeeVpa"_s, u"counterpay-sandbox@okaxis"_s },
    };
    if (!order.upiRrn.isEmpty() || status == u"FAILURE" || status == u"DECLINED")
        object.insert(u"upiTransactionDetails"_s, QJsonObject { { u"upiRrn"_s, order.upiRrn } });
    if (status == u"SUCCESS") {
        const Result<Money> paid = Money::fromMinorUnits(
            order.amountMinor, Currency::fromCode(order.currency).value_or(Currency::inr()));
        if (paid)
            object.insert(u"amountPaid"_s, paid->toGoogleJson());
    }
    return object;
}
