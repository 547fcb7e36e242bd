#include "sandbox/SandboxUpiApp.h"

#include "sandbox/SandboxContext.h"
#include "sandbox/SandboxCustomer.h"
#include "sandbox/SandboxLogging.h"
#include "sandbox/SandboxStore.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

SandboxUpiApp::Outcome refusal(int status, const QString &code, const QString &message,
    std::optional<SandboxOrder> order = std::nullopt)
{
    return SandboxUpiApp::Outcome { status, code, message, std::move(order) };
}

} // namespace

SandboxUpiApp::SandboxUpiApp(SandboxContext &context, SandboxCustomer &customer)
    : m_context(context)
    , m_customer(customer)
{ }

std::optional<QString> SandboxUpiApp::uriOf(const SandboxHttpRequest &request)
{
    if (const auto object = request.jsonObject()) {
        const QJsonValue uri = object->value(u"uri"_s);
        return uri.isString() ? std::optional<QString>(uri.toString()) : std::nullopt;
    }
    const QHash<QString, QString> fields = request.formFields();
    if (!fields.contains(u"uri"_s))
        return std::nullopt;
    return fields.value(u"uri"_s);
}

std::optional<QHash<QString, QString>> SandboxUpiApp::parsePayUri(const QString &uri)
{
    const QString text = uri.trimmed();
    static const QString prefix = u"upi://pay?"_s;
    if (!text.startsWith(prefix, Qt::CaseInsensitive))
        return std::nullopt;
    static const QRegularExpression badEscape(u"%(?![0-9A-Fa-f]{2})"_s);
    QHash<QString, QString> values;
    const QStringList pairs = text.mid(prefix.size()).split(u'&', Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString name = equals < 0 ? pair : pair.left(equals);
        const QString raw = equals < 0 ? QString() : pair.mid(equals + 1);
        if (name.isEmpty() || values.contains(name) || badEscape.match(raw).hasMatch())
            return std::nullopt;
        // Only %XX is decoded: a '+' in a upi:// URI is a plus, a space arrives as %20.
        values.insert(name, QUrl::fromPercentEncoding(raw.toUtf8()));
    }
    return values;
}

SandboxUpiApp::Outcome SandboxUpiApp::pay(const QString &uri)
{
    const auto values = parsePayUri(uri);
    if (!values) {
        return refusal(400, u"not_upi_pay_uri"_s,
            u"Not a upi://pay URI (or a parameter is repeated or badly %-encoded)."_s);
    }
    const QString tr = values->value(u"tr"_s);
    if (tr.isEmpty())
        return refusal(400, u"missing_tr"_s, u"The URI has no tr (transaction reference)."_s);
    std::optional<SandboxOrder> order = m_context.store().findByUpiTr(tr);
    if (!order) {
        return refusal(
            404, u"unknown_tr"_s, u"No UPI QR transaction has tr %1."_s.arg(tr.left(40)));
    }
    m_customer.expireIfDue(order->key());
    order = m_context.store().find(order->key());
    const SandboxTxn &txn = order->txns.last();

    if (PaymentStates::isPaid(order->state))
        return refusal(
            409, u"already_paid"_s, u"Order %1 is already paid."_s.arg(order->id), order);
    if (order->state == PaymentState::Expired
        || (order->expiresAt.isValid() && order->expiresAt <= m_context.now()))
        return refusal(
            410, u"expired"_s, u"The payment for order %1 expired."_s.arg(order->id), order);
    if (txn.upiTr != tr) {
        return refusal(409, u"superseded"_s,
            u"This QR was replaced by a newer transaction on order %1."_s.arg(order->id), order);
    }
    if (order->state != PaymentState::AwaitingCustomer) {
        return refusal(409, u"not_payable"_s,
            u"Order %1 is %2 and takes no payment."_s.arg(
                order->id, PaymentStates::name(order->state)),
            order);
    }
    if (values->value(u"cu"_s) != u"INR") {
        return refusal(422, u"wrong_currency"_s,
            u"cu is '%1'; UPI pays INR."_s.arg(values->value(u"cu"_s).left(10)), order);
    }
    if (values->value(u"pa"_s) != txn.upiVpa) {
        return refusal(422, u"wrong_payee"_s,
            u"pa '%1' is not the payee this QR was issued for."_s.arg(
                values->value(u"pa"_s).left(80)),
            order);
    }
    const QString expected = order->amountDecimal();
    if (values->value(u"am"_s) != expected) {
        return refusal(422, u"amount_mismatch"_s,
            u"am is '%1' but order %2 is for %3."_s.arg(
                values->value(u"am"_s).left(20), order->id, expected),
            order);
    }

    const bool bankDeclines = m_customer.scenario().kind() == SandboxScenario::Kind::DeclineAfter;
    const Result<SandboxOrder> done = m_customer.actOnKey(order->key(),
        bankDeclines ? SandboxCustomer::Action::Decline : SandboxCustomer::Action::Approve);
    if (!done)
        return refusal(409, u"not_payable"_s, done.errorMessage(), order);
    qCInfo(lcSandbox) << "upi app" << (bankDeclines ? "declined" : "paid") << order->id << "tr"
                      << tr;
    if (bankDeclines) {
        return refusal(402, u"declined"_s,
            u"The payer's bank declined the payment (scenario decline-after)."_s, done.value());
    }
    return Outcome { 200, QString(), QString(), done.value() };
}
