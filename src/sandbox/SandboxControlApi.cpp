#include "sandbox/SandboxControlApi.h"

#include "core/Money.h"
#include "sandbox/SandboxCmComApi.h"
#include "sandbox/SandboxContext.h"
#include "sandbox/SandboxCustomer.h"
#include "sandbox/SandboxGooglePayApi.h"
#include "sandbox/SandboxJuspayApi.h"
#include "sandbox/SandboxStore.h"
#include "sandbox/SandboxUpiApp.h"
#include "sandbox/SandboxUpiQr.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QJsonObject errorBody(const QString &code, const QString &message)
{
    return QJsonObject { { u"error"_s, code }, { u"message"_s, message } };
}

QLocale displayLocale(const QString &currency)
{
    if (currency == u"INR")
        return QLocale(QLocale::English, QLocale::India);
    if (currency == u"EUR")
        return QLocale(QLocale::German, QLocale::Germany);
    if (currency == u"IDR")
        return QLocale(QLocale::Indonesian, QLocale::Indonesia);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

} // namespace

SandboxControlApi::SandboxControlApi(SandboxContext &context, SandboxCustomer &customer)
    : m_context(context)
    , m_customer(customer)
    , m_upiApp(std::make_unique<SandboxUpiApp>(context, customer))
{ }

SandboxControlApi::~SandboxControlApi() = default;

bool SandboxControlApi::handles(const SandboxHttpRequest &request)
{
    return request.path.startsWith(u"/__sandbox/") || request.path.startsWith(u"/v2/pay/start/");
}

QString SandboxControlApi::providerStatus(const SandboxOrder &order)
{
    switch (order.provider) {
    case SandboxOrder::Provider::Juspay:
        return SandboxJuspayApi::statusName(order);
    case SandboxOrder::Provider::GooglePay:
        return SandboxGooglePayApi::statusName(order);
    case SandboxOrder::Provider::CmCom:
        return SandboxCmComApi::statusName(order);
    }
    return {};
}

QJsonObject SandboxControlApi::summary(const SandboxOrder &order) const
{
    return QJsonObject {
        { u"provider"_s, SandboxOrder::providerName(order.provider) },
        { u"order_id"_s, order.id },
        { u"provider_ref"_s, order.providerRef },
        { u"reference"_s, order.reference },
        { u"state"_s, PaymentStates::name(order.state) },
        { u"status"_s, providerStatus(order) },
        { u"amount"_s, order.amountMinor },
        { u"amount_decimal"_s, order.amountDecimal() },
        { u"currency"_s, order.currency },
        { u"charges"_s, order.charges },
        { u"txns"_s, int(order.txns.size()) },
        { u"amount_refunded"_s, order.refundedMinor() },
        { u"created"_s, order.created.toString(Qt::ISODateWithMs) },
        { u"updated"_s, order.updated.toString(Qt::ISODateWithMs) },
        { u"customer_page"_s, m_context.url(u"/__sandbox/pay/"_s + order.id) },
    };
}

SandboxHttpResponse SandboxControlApi::handle(const SandboxHttpRequest &request)
{
    const QStringList segments = request.pathSegments();
    const QString provider = request.query.queryItemValue(u"provider"_s);
    if (segments.size() == 5 && segments.at(0) == u"v2" && segments.at(2) == u"start") {
        auto order = m_context.store().findByTxnUuid(segments.at(4));
        if (!order || segments.at(3) != m_context.options().juspayMerchantId)
            return SandboxHttpResponse::html(
                404, QByteArrayLiteral("<!DOCTYPE html><p>No such payment.</p>"));
        m_customer.expireIfDue(order->key());
        return customerPage(m_context.store().find(order->key()).value_or(*order));
    }
    const QString section = segments.value(1);
    if (section == u"orders" && segments.size() == 2 && request.method == "GET") {
        QJsonArray list;
        const QList<SandboxOrder> orders = m_context.store().orders();
        for (const SandboxOrder &order : orders)
            list.append(summary(order));
        return SandboxHttpResponse::json(200, list);
    }
    if (section == u"orders" && segments.size() == 3 && request.method == "GET") {
        const auto order = m_customer.findOrder(segments.at(2), provider);
        if (!order)
            return SandboxHttpResponse::json(
                404, errorBody(u"sandbox_not_found"_s, u"No such order."_s));
        return SandboxHttpResponse::json(200, summary(*order));
    }
    if (section == u"orders" && segments.size() == 4 && request.method == "POST")
        return orderAction(request, segments.at(2), segments.at(3));
    if (section == u"pay" && segments.size() == 3) {
        const auto order = m_customer.findOrder(segments.at(2), provider);
        if (!order)
            return SandboxHttpResponse::html(
                404, QByteArrayLiteral("<!DOCTYPE html><p>No such payment.</p>"));
        m_customer.expireIfDue(order->key());
        return customerPage(m_context.store().find(order->key()).value_or(*order));
    }
    if (section == u"upi" && segments.size() == 3 && segments.at(2) == u"profile")
        return upiProfile(request);
    if (section == u"upi" && segments.size() == 3 && segments.at(2) == u"pay"
        && request.method == "POST")
        return upiPay(request);
    if (section == u"keys" && segments.value(2) == u"cred.pem" && request.method == "GET") {
        SandboxHttpResponse response
            = SandboxHttpResponse::text(200, m_context.keys().credKey().publicKeyPem());
        response.contentType = QByteArrayLiteral("application/x-pem-file");
        return response;
    }
    if (section == u"keys" && segments.value(2) == u"google-service-account.json"
        && request.method == "GET")
        return SandboxHttpResponse::json(
            200, m_context.keys().googleServiceAccount(m_context.url(u"/token"_s)));
    if (section == u"ca.pem" && request.method == "GET") {
        if (m_caPem.isEmpty())
            return SandboxHttpResponse::text(
                404, QByteArrayLiteral("Not serving TLS: there is no CA."));
        SandboxHttpResponse response = SandboxHttpResponse::text(200, m_caPem);
        response.contentType = QByteArrayLiteral("application/x-pem-file");
        return response;
    }
    if (section == u"scenario")
        return scenario(request);
    return SandboxHttpResponse::json(
        404, errorBody(u"sandbox_not_found"_s, u"No such sandbox endpoint."_s));
}

SandboxHttpResponse SandboxControlApi::orderAction(
    const SandboxHttpRequest &request, const QString &id, const QString &actionName)
{
    const std::optional<SandboxCustomer::Action> action
        = SandboxCustomer::actionFromName(actionName);
    if (!action) {
        return SandboxHttpResponse::json(404,
            errorBody(u"sandbox_not_found"_s, u"Actions are approve, decline, expire and fail."_s));
    }
    const QString provider = request.query.queryItemValue(u"provider"_s);
    const Result<SandboxOrder> result = m_customer.act(id, *action, provider);
    const bool fromPage = request.query.hasQueryItem(u"page"_s);
    if (fromPage) {
        // The customer page's form: answer with the page, showing the outcome.
        const auto order = m_customer.findOrder(id, provider);
        if (!order)
            return SandboxHttpResponse::html(
                404, QByteArrayLiteral("<!DOCTYPE html><p>No such payment.</p>"));
        return customerPage(*order, result ? QString() : result.errorMessage());
    }
    if (!result) {
        const int status = result.errorCode() == u"sandbox_not_found" ? 404 : 409;
        return SandboxHttpResponse::json(
            status, errorBody(result.errorCode(), result.errorMessage()));
    }
    return SandboxHttpResponse::json(200, summary(result.value()));
}

SandboxHttpResponse SandboxControlApi::scenario(const SandboxHttpRequest &request)
{
    if (request.method == "POST") {
        QString text = QString::fromUtf8(request.body).trimmed();
        if (const auto object = request.jsonObject())
            text = object->value(u"scenario"_s).toString();
        const Result<SandboxScenario> parsed = SandboxScenario::parse(text);
        if (!parsed)
            return SandboxHttpResponse::json(
                400, errorBody(parsed.errorCode(), parsed.errorMessage()));
        m_customer.setScenario(parsed.value());
    }
    return SandboxHttpResponse::json(
        200, QJsonObject { { u"scenario"_s, m_customer.scenario().toString() } });
}

SandboxHttpResponse SandboxControlApi::upiProfile(const SandboxHttpRequest &request)
{
    if (request.method == "POST") {
        const auto object = request.jsonObject();
        if (!object) {
            return SandboxHttpResponse::json(
                400, errorBody(u"sandbox_bad_profile"_s, u"The body must be a JSON object."_s));
        }
        const Result<SandboxUpiProfile> profile
            = SandboxUpiProfile::fromJson(*object, m_context.options().upi);
        if (!profile)
            return SandboxHttpResponse::json(
                400, errorBody(profile.errorCode(), profile.errorMessage()));
        m_context.setUpiProfile(profile.value());
    } else if (request.method != "GET") {
        return SandboxHttpResponse::json(
            405, errorBody(u"sandbox_bad_method"_s, u"Use GET or POST."_s));
    }
    return SandboxHttpResponse::json(200, m_context.upiProfile().toJson());
}

SandboxHttpResponse SandboxControlApi::upiPay(const SandboxHttpRequest &request)
{
    const std::optional<QString> uri = SandboxUpiApp::uriOf(request);
    const SandboxUpiApp::Outcome outcome = uri ? m_upiApp->pay(*uri)
                                               : SandboxUpiApp::Outcome { 400, u"missing_uri"_s,
                                                     u"Send uri=<the scanned upi:// text> as a "
                                                     "form field or JSON {\"uri\": ...}."_s,
                                                     std::nullopt };
    if (request.query.hasQueryItem(u"page"_s)) {
        // The customer page's form: answer with the page, showing the outcome.
        if (!outcome.order) {
            return SandboxHttpResponse::html(outcome.status,
                u"<!DOCTYPE html><p>Payment refused: %1</p>"_s.arg(outcome.message.toHtmlEscaped())
                    .toUtf8());
        }
        return customerPage(*outcome.order, outcome.message);
    }
    if (!outcome.code.isEmpty())
        return SandboxHttpResponse::json(outcome.status, errorBody(outcome.code, outcome.message));
    return SandboxHttpResponse::json(200, summary(*outcome.order));
}

SandboxHttpResponse SandboxControlApi::customerPage(
    const SandboxOrder &order, const QString &notice) const
{
    QFile file(u":/sandbox/customer.html"_s);
    if (!file.open(QIODevice::ReadOnly))
        return SandboxHttpResponse::text(
            500, QByteArrayLiteral("The customer page resource is missing."));
    QString page = QString::fromUtf8(file.readAll());

    QString merchant;
    QString providerLabel;
    switch (order.provider) {
    case SandboxOrder::Provider::Juspay:
        merchant = m_context.options().juspayMerchantId;
        providerLabel = u"Juspay"_s;
        break;
    case SandboxOrder::Provider::GooglePay:
        merchant = m_context.options().googleMerchantId;
        providerLabel = u"Google Pay"_s;
        break;
    case SandboxOrder::Provider::CmCom:
        merchant = m_context.options().cmClientId;
        providerLabel = u"CM.com"_s;
        break;
    }
    const Currency currency = Currency::fromCode(order.currency).value_or(Currency::inr());
    const Result<Money> money = Money::fromMinorUnits(order.amountMinor, currency);
    const QString amount = money ? money->toDisplayString(displayLocale(order.currency))
                                 : order.amountDecimal() + u' ' + order.currency;
    const bool pending
        = order.state == PaymentState::Created || order.state == PaymentState::AwaitingCustomer;
    QString stateText
        = pending ? u"Waiting for you to approve"_s : PaymentStates::name(order.state);
    if (!notice.isEmpty())
        stateText += u" (%1)"_s.arg(notice);
    const QString providerName = SandboxOrder::providerName(order.provider);
    const QString actionBase
        = u"/__sandbox/orders/"_s + QString::fromUtf8(QUrl::toPercentEncoding(order.id));
    const QString query = u"?provider="_s + providerName + u"&page=1"_s;

    page.replace(u"{{TITLE}}"_s, QString(amount + u" to "_s + merchant).toHtmlEscaped());
    page.replace(u"{{MERCHANT}}"_s, merchant.toHtmlEscaped());
    page.replace(u"{{AMOUNT}}"_s, amount.toHtmlEscaped());
    page.replace(u"{{PROVIDER}}"_s, providerLabel);
    page.replace(u"{{ORDER_ID}}"_s, order.id.toHtmlEscaped());
    page.replace(u"{{STATE}}"_s, PaymentStates::name(order.state).toHtmlEscaped());
    page.replace(u"{{STATE_TEXT}}"_s, stateText.toHtmlEscaped());
    page.replace(u"{{ACTIONS_HIDDEN}}"_s, pending ? QString() : u"hidden"_s);
    page.replace(u"{{APPROVE_URL}}"_s, QString(actionBase + u"/approve"_s + query).toHtmlEscaped());
    page.replace(u"{{DECLINE_URL}}"_s, QString(actionBase + u"/decline"_s + query).toHtmlEscaped());
    // A pending UPI QR: "scan" shows the URI the QR carries, "pay" hands it to the simulated app.
    const bool upiQr = pending && !order.txns.isEmpty() && order.txns.last().isUpiQr();
    page.replace(u"{{UPI_HIDDEN}}"_s, upiQr ? QString() : u"hidden"_s);
    page.replace(u"{{UPI_URI}}"_s,
        upiQr ? SandboxUpiQr::uri(order, order.txns.last()).toHtmlEscaped() : QString());
    page.replace(u"{{UPI_PAY_URL}}"_s, u"/__sandbox/upi/pay?page=1"_s);
    return SandboxHttpResponse::html(200, page.toUtf8());
}
