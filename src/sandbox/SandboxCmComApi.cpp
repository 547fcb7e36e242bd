#include "sandbox/SandboxCmComApi.h"

#include "core/Money.h"
#include "crypto/ConstantTime.h"
#include "sandbox/SandboxContext.h"
#include "sandbox/SandboxCustomer.h"
#include "sandbox/SandboxLogging.h"
#include "sandbox/SandboxStore.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QString kTransactionsPath = u"/api/v1/paymentmethods/google-pay/v1/transactions/"_s;
constexpr qint64 kTokenLifetimeSeconds = 3600;

QString rfc3339(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s) : QString();
}

bool isLoopbackUrl(const QUrl &url)
{
    if (url.host() == u"localhost")
        return true;
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

} // namespace

SandboxCmComApi::SandboxCmComApi(
    SandboxContext &context, SandboxCustomer &customer, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_customer(customer)
    , m_network(new QNetworkAccessManager(this))
{
    connect(&m_context.store(), &SandboxStore::orderChanged, this, &SandboxCmComApi::sendWebhooks);
}

bool SandboxCmComApi::isTokenEndpoint(const SandboxHttpRequest &request)
{
    return request.path == u"/api/v1/authorization/oauth2/token";
}

bool SandboxCmComApi::handles(const SandboxHttpRequest &request)
{
    return request.path.startsWith(u"/api/v1/");
}

QString SandboxCmComApi::orderIdOf(const SandboxHttpRequest &request)
{
    if (request.path.startsWith(kTransactionsPath) && request.method == "GET")
        return request.path.mid(kTransactionsPath.size());
    if (request.path.startsWith(kTransactionsPath) && request.path.endsWith(u"/refunds"))
        return request.path.mid(kTransactionsPath.size()).section(u'/', 0, 0);
    if (const auto body = request.jsonObject())
        return body->value(u"reference"_s).toString();
    return {};
}

SandboxHttpResponse SandboxCmComApi::handle(const SandboxHttpRequest &request)
{
    if (isTokenEndpoint(request) && request.method == "POST")
        return token(request);
    if (request.path == kTransactionsPath + u"initialize"_s && request.method == "POST")
        return initialize(request);
    if (request.path.startsWith(kTransactionsPath) && request.path.endsWith(u"/refunds")
        && request.method == "POST") {
        const QString id = request.path.mid(kTransactionsPath.size()).section(u'/', 0, 0);
        if (request.path != kTransactionsPath + id + u"/refunds"_s)
            return error(404, u"Not found: %1"_s.arg(request.path.left(100)));
        return refund(request, id);
    }
    if (request.path.startsWith(kTransactionsPath) && request.method == "GET") {
        if (auto denied = checkBearer(request))
            return *denied;
        return get(request.path.mid(kTransactionsPath.size()));
    }
    return error(404,
        u"Not found: %1 %2"_s.arg(QString::fromLatin1(request.method), request.path.left(100)));
}

QString SandboxCmComApi::statusName(const SandboxOrder &order)
{
    switch (order.state) {
    case PaymentState::Created:
    case PaymentState::AwaitingCustomer:
        return u"OPEN"_s;
    case PaymentState::Charged:
    case PaymentState::Refunded:
    case PaymentState::PartiallyRefunded:
        return u"SUCCESS"_s;
    case PaymentState::Declined:
        return u"CANCELLED"_s;
    case PaymentState::Expired:
        return u"EXPIRED"_s;
    default:
        return u"FAILURE"_s;
    }
}

SandboxHttpResponse SandboxCmComApi::error(int status, const QString &message, const QString &field)
{
    QJsonObject body { { u"status"_s, status }, { u"message"_s, message } };
    if (!field.isEmpty())
        body.insert(u"errors"_s,
            QJsonArray { QJsonObject { { u"field"_s, field }, { u"message"_s, message } } });
    return SandboxHttpResponse::json(status, body);
}

SandboxHttpResponse SandboxCmComApi::token(const SandboxHttpRequest &request)
{
    QHash<QString, QString> fields = request.formFields();
    if (request.mediaType() == "application/json") {
        fields.clear();
        const QJsonObject body = request.jsonObject().value_or(QJsonObject());
        for (auto it = body.begin(); it != body.end(); ++it)
            fields.insert(it.key(), it.value().toString());
    }
    QString clientId = fields.value(u"client_id"_s);
    QString clientSecret = fields.value(u"client_secret"_s);
    const QByteArray authorization = request.header("authorization");
    if (authorization.toLower().startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon > 0) {
            clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.left(colon)));
            clientSecret
                = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.mid(colon + 1)));
        }
    }
    if (fields.value(u"grant_type"_s) != u"client_credentials") {
        return SandboxHttpResponse::json(400,
            QJsonObject { { u"error"_s, u"unsupported_grant_type"_s },
                { u"error_description"_s, u"Use grant_type=client_credentials."_s } });
    }
    if (clientId != m_context.options().cmClientId
        || !ConstantTime::equal(
            clientSecret.toUtf8(), m_context.options().cmClientSecret.toUtf8())) {
        return SandboxHttpResponse::json(401,
            QJsonObject { { u"error"_s, u"invalid_client"_s },
                { u"error_description"_s, u"Unknown client or wrong secret."_s } });
    }
    const QString accessToken = u"cm-sandbox-"_s + m_context.randomAlphanumeric(40);
    m_context.store().addToken(
        accessToken, u"cm"_s, m_context.now().addSecs(kTokenLifetimeSeconds));
    return SandboxHttpResponse::json(200,
        QJsonObject { { u"access_token"_s, accessToken }, { u"token_type"_s, u"Bearer"_s },
            { u"expires_in"_s, kTokenLifetimeSeconds } });
}

std::optional<SandboxHttpResponse> SandboxCmComApi::checkBearer(
    const SandboxHttpRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    const QString token = authorization.toLower().startsWith("bearer ")
        ? QString::fromLatin1(authorization.mid(7).trimmed())
        : QString();
    if (token.isEmpty() || !m_context.store().isTokenValid(token, u"cm"_s, m_context.now()))
        return error(401, u"Unauthorized: a valid Bearer access_token is required."_s);
    return std::nullopt;
}

SandboxHttpResponse SandboxCmComApi::initialize(const SandboxHttpRequest &request)
{
    if (auto denied = checkBearer(request))
        return *denied;
    const std::optional<QJsonObject> parsed = request.jsonObject();
    if (!parsed)
        return error(400, u"The request body is not a JSON object."_s);
    const QJsonObject &body = *parsed;
    for (const QString &name : { u"reference"_s, u"description"_s }) {
        const QJsonValue value = body.value(name);
        if (!value.isString() || value.toString().isEmpty() || value.toString().size() > 255)
            return error(400, u"%1 must be a string of 1 to 255 characters."_s.arg(name), name);
    }
    const QString currencyCode = body.value(u"currency"_s).toString(u"EUR"_s);
    const std::optional<Currency> currency = Currency::fromCode(currencyCode);
    if (!currency)
        return error(400, u"currency must be an ISO 4217 code the sandbox knows."_s, u"currency"_s);
    const Result<Money> amount = Money::fromJsonMinorUnits(body.value(u"amount"_s), *currency);
    if (!amount || amount->minorUnits() < 1 || amount->minorUnits() > Money::kCmComMaxMinorUnits)
        return error(400, u"amount must be an integer from 1 to 99999999."_s, u"amount"_s);
    const bool hasReturnUrl = body.contains(u"returnUrl"_s);
    const bool hasReturnUrls = body.contains(u"returnUrls"_s);
    if (hasReturnUrl == hasReturnUrls)
        return error(400, u"Either returnUrl or returnUrls must be specified, but not both."_s,
            u"returnUrl"_s);
    if (hasReturnUrl) {
        const QString url = body.value(u"returnUrl"_s).toString();
        if (url.isEmpty() || url.size() > 2000)
            return error(
                400, u"returnUrl must be a URL of at most 2000 characters."_s, u"returnUrl"_s);
    } else if (!body.value(u"returnUrls"_s).isObject()
        || body.value(u"returnUrls"_s).toObject().isEmpty()) {
        return error(400, u"returnUrls must be an object of URLs per status."_s, u"returnUrls"_s);
    }
    QDateTime expiresAt;
    if (body.contains(u"expiresAt"_s)) {
        expiresAt = QDateTime::fromString(body.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
        if (!expiresAt.isValid())
            return error(400, u"expiresAt must be an RFC 3339 date and time."_s, u"expiresAt"_s);
    }
    if (body.contains(u"language"_s)) {
        static const QRegularExpression language(u"^[a-z]{2}$"_s);
        if (!language.match(body.value(u"language"_s).toString()).hasMatch())
            return error(400, u"language must be an ISO 639-1 code such as nl."_s, u"language"_s);
    }
    if (body.contains(u"consumer"_s) && !body.value(u"consumer"_s).isNull()) {
        const QJsonObject consumer = body.value(u"consumer"_s).toObject();
        const QJsonObject name = consumer.value(u"name"_s).toObject();
        const QJsonObject address = consumer.value(u"address"_s).toObject();
        const QList<QPair<QString, QString>> mandatory {
            { u"consumer.name.firstName"_s, name.value(u"firstName"_s).toString() },
            { u"consumer.name.lastName"_s, name.value(u"lastName"_s).toString() },
            { u"consumer.address.street"_s, address.value(u"street"_s).toString() },
            { u"consumer.address.houseNumber"_s, address.value(u"houseNumber"_s).toString() },
            { u"consumer.address.postalCode"_s, address.value(u"postalCode"_s).toString() },
            { u"consumer.address.city"_s, address.value(u"city"_s).toString() },
            { u"consumer.address.countryCode"_s, address.value(u"countryCode"_s).toString() },
            { u"consumer.email"_s, consumer.value(u"email"_s).toString() },
        };
        for (const auto &field : mandatory) {
            if (field.second.trimmed().isEmpty())
                return error(400, u"%1 is mandatory when consumer is given."_s.arg(field.first),
                    field.first);
        }
    }
    if (body.contains(u"webhooks"_s) && !body.value(u"webhooks"_s).isArray())
        return error(400, u"webhooks must be an array."_s, u"webhooks"_s);

    SandboxOrder order;
    order.provider = SandboxOrder::Provider::CmCom;
    do {
        order.id = m_context.randomUuid();
    } while (m_context.store().contains(order.key()));
    order.providerRef = m_context.randomUuid();
    order.amountMinor = amount->minorUnits();
    order.currency = currency->code();
    order.state = PaymentState::AwaitingCustomer;
    order.created = order.updated = m_context.now();
    order.expiresAt = expiresAt;
    order.reference = body.value(u"reference"_s).toString();
    order.description = body.value(u"description"_s).toString();
    order.returnUrl = body.value(u"returnUrl"_s).toString();
    for (const QString &name : { u"returnUrls"_s, u"webhooks"_s, u"language"_s, u"expiresAt"_s }) {
        if (body.contains(name))
            order.details.insert(name, body.value(name));
    }
    order.details.insert(u"country"_s,
        body.value(u"consumer"_s)
            .toObject()
            .value(u"address"_s)
            .toObject()
            .value(u"countryCode"_s)
            .toString(u"NL"_s));
    m_context.store().put(order);
    qCInfo(lcSandbox) << "cm.com initialize" << order.id << order.amountMinor << order.currency;
    if (m_context.paymentStarted)
        m_context.paymentStarted(order.key());
    SandboxHttpResponse response = SandboxHttpResponse::json(201, transactionObject(order));
    response.committed = true;
    return response;
}

SandboxHttpResponse SandboxCmComApi::get(const QString &id)
{
    const QString key = SandboxOrder::keyFor(SandboxOrder::Provider::CmCom, id);
    m_customer.expireIfDue(key);
    const auto order = m_context.store().find(key);
    if (!order)
        return error(404, u"Transaction %1 not found."_s.arg(id.left(60)));
    return SandboxHttpResponse::json(200, transactionObject(*order));
}

SandboxHttpResponse SandboxCmComApi::refund(const SandboxHttpRequest &request, const QString &id)
{
    if (auto denied = checkBearer(request))
        return *denied;
    auto order = m_context.store().find(SandboxOrder::keyFor(SandboxOrder::Provider::CmCom, id));
    if (!order)
        return error(404, u"Transaction %1 not found."_s.arg(id.left(60)));
    // Both fields are optional, so an empty body is a refund of all that is left.
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        const std::optional<QJsonObject> parsed = request.jsonObject();
        if (!parsed)
            return error(400, u"The request body is not a JSON object."_s);
        body = *parsed;
    }
    if (body.contains(u"reason"_s)) {
        const QJsonValue reason = body.value(u"reason"_s);
        if (!reason.isString() || reason.toString().size() > 255)
            return error(400, u"reason must be a string of at most 255 characters."_s, u"reason"_s);
    }
    if (order->state != PaymentState::Charged)
        return error(400,
            u"Transaction %1 is %2; only a SUCCESS transaction can be refunded."_s.arg(
                order->id, statusName(*order)));
    const qint64 left = order->amountMinor - order->refundedMinor();
    qint64 amountMinor = left;
    if (body.contains(u"amount"_s)) {
        const Currency currency = Currency::fromCode(order->currency).value_or(Currency::inr());
        const Result<Money> amount = Money::fromJsonMinorUnits(body.value(u"amount"_s), currency);
        if (!amount || amount->minorUnits() < 1 || amount->minorUnits() > Money::kCmComMaxMinorUnits)
            return error(400, u"amount must be an integer from 1 to 99999999."_s, u"amount"_s);
        amountMinor = amount->minorUnits();
    }
    if (left <= 0)
        return error(400, u"Transaction %1 is refunded in full already."_s.arg(order->id));
    if (amountMinor > left)
        return error(400,
            u"amount %1 exceeds the %2 left to refund on transaction %3."_s.arg(amountMinor).arg(left).arg(
                order->id),
            u"amount"_s);

    SandboxRefund refund;
    refund.id = m_context.randomUuid();
    refund.amountMinor = amountMinor;
    refund.created = m_context.now();
    order->refunds.append(refund);
    order->updated = refund.created;
    m_context.store().put(*order);
    qCInfo(lcSandbox) << "cm.com refund" << order->id << amountMinor << order->currency;
    SandboxHttpResponse response = SandboxHttpResponse::json(200, transactionObject(*order));
    response.committed = true;
    return response;
}

QJsonObject SandboxCmComApi::transactionObject(const SandboxOrder &order) const
{
    QJsonObject object {
        { u"id"_s, order.id },
        { u"orderId"_s, order.providerRef },
        { u"reference"_s, order.reference },
        { u"amount"_s, order.amountMinor },
        { u"currency"_s, order.currency },
        { u"description"_s, order.description },
        { u"country"_s, order.details.value(u"country"_s).toString() },
        { u"status"_s, statusName(order) },
        { u"createdAt"_s, rfc3339(order.created) },
        { u"details"_s,
            QJsonObject {
                { u"merchantCountry"_s, u"NL"_s },
                { u"gatewayId"_s, u"counterpay-sandbox"_s },
                { u"environment"_s, u"TEST"_s },
                { u"merchantId"_s, m_context.options().cmClientId },
                { u"merchantName"_s, u"CounterPay sandbox"_s },
                { u"merchantKey"_s, order.providerRef },
                { u"allowedCardNetworks"_s, QJsonArray { u"MASTERCARD"_s, u"VISA"_s } },
                { u"serverUrl"_s, m_context.url(u"/api/"_s) },
            } },
        { u"action"_s,
            QJsonObject { { u"redirect"_s,
                QJsonObject { { u"url"_s, m_context.url(u"/__sandbox/pay/"_s + order.id) } } } } },
        { u"refunds"_s,
            QJsonObject { { u"refundedAmount"_s, order.refundedMinor() },
                { u"refundedPendingAmount"_s, 0 } } },
    };
    if (order.details.contains(u"expiresAt"_s))
        object.insert(u"expiresAt"_s, order.details.value(u"expiresAt"_s));
    for (const QString &name : { u"language"_s, u"webhooks"_s, u"returnUrls"_s }) {
        if (order.details.contains(name))
            object.insert(name, order.details.value(name));
    }
    if (!order.returnUrl.isEmpty())
        object.insert(u"returnUrl"_s, order.returnUrl);
    return object;
}

void SandboxCmComApi::sendWebhooks(const QString &orderKey, PaymentState previousState)
{
    const auto order = m_context.store().find(orderKey);
    if (!order || order->provider != SandboxOrder::Provider::CmCom || order->state == previousState)
        return;
    const bool final = PaymentStates::isFinal(order->state);
    const QJsonArray webhooks = order->details.value(u"webhooks"_s).toArray();
    for (const QJsonValue &value : webhooks) {
        const QJsonObject webhook = value.toObject();
        const QJsonArray events = webhook.value(u"events"_s).toArray();
        QString event;
        if (final && events.contains(u"FINALSTATUS"_s))
            event = u"FINALSTATUS"_s;
        else if (events.contains(u"STATUS_CHANGE"_s))
            event = u"STATUS_CHANGE"_s;
        if (event.isEmpty())
            continue;
        const QUrl url(webhook.value(u"url"_s).toString());
        if (!url.isValid() || !isLoopbackUrl(url)) {
            // The sandbox never reaches past this machine.
            qCInfo(lcSandbox) << "webhook skipped, not a loopback URL:" << url.host();
            continue;
        }
        const QJsonObject payload {
            { u"createdAt"_s, rfc3339(m_context.now()) },
            { u"event"_s, event },
            { u"transaction"_s, order->id },
            { u"reference"_s, order->reference },
            { u"payment"_s, order->providerRef },
        };
        QNetworkRequest request(url);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(5000);
        QNetworkReply *reply
            = m_network->post(request, QJsonDocument(payload).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, reply, [reply] {
            if (reply->error() != QNetworkReply::NoError)
                qCInfo(lcSandbox) << "webhook delivery failed (best effort):"
                                  << reply->errorString();
            reply->deleteLater();
        });
    }
}
