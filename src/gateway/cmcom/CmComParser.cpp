#include "gateway/cmcom/CmComParser.h"

#include "gateway/GatewayLogging.h"
#include "gateway/JsonSupport.h"
#include "gateway/StatusTable.h"

#include <QJsonArray>

using S = PaymentState;

namespace {

constexpr StatusTable::Entry kStatuses[] = {
    { "OPEN", S::AwaitingCustomer, false },
    { "AUTHORIZED", S::AwaitingCustomer, false },
    { "SUCCESS", S::Charged, true },
    { "CANCELLED", S::Declined, false },
    { "EXPIRED", S::Expired, false },
    { "FAILURE", S::Failed, false },
};
constexpr StatusTable kStatusTable(kStatuses);

std::optional<GatewayError> checkIdentity(const QJsonObject &o, const AnswerIdentity &expected, const QString &what,
                                          bool requireReference)
{
    const bool hasReference = o.contains(QLatin1String("reference"));
    if (requireReference && !hasReference)
        return JsonSupport::malformed(QStringLiteral("The %1 has no reference.").arg(what));
    if (!expected.providerTxnId.isEmpty()) {
        if (auto wrong = AnswerIdentity::compare(lcGatewayCmCom, what, QLatin1String("id"), expected.providerTxnId,
                                                 JsonSupport::string(o, QLatin1String("id"))))
            return wrong;
    } else if (!hasReference) {
        return JsonSupport::malformed(
                QStringLiteral("The %1 names neither the transaction asked for nor a reference.").arg(what));
    }
    if (hasReference) {
        if (auto wrong = AnswerIdentity::compare(lcGatewayCmCom, what, QLatin1String("reference"), expected.orderId,
                                                 JsonSupport::string(o, QLatin1String("reference"))))
            return wrong;
    }
    const QJsonObject details = o.value(QLatin1String("details")).toObject();
    if (details.contains(QLatin1String("merchantId")) && !expected.merchantId.isEmpty()) {
        return AnswerIdentity::compare(lcGatewayCmCom, what, QLatin1String("details.merchantId"), expected.merchantId,
                                       JsonSupport::string(details, QLatin1String("merchantId")));
    }
    return std::nullopt;
}

// refunds.<key> as minor units, when it is a readable non-negative integer.
std::optional<Money> refundFigure(const QJsonObject &refunds, QLatin1String key, const Currency &currency)
{
    const QJsonValue value = refunds.value(key);
    if (!value.isDouble())
        return std::nullopt;
    const Result<Money> money = Money::fromJsonMinorUnits(value, currency);
    return money.ok() ? std::optional<Money>(money.value()) : std::nullopt;
}

} // namespace

CmComParser::Mapping CmComParser::mapStatus(QStringView rawStatus)
{
    return kStatusTable.map(rawStatus);
}

QStringList CmComParser::knownStatuses()
{
    return kStatusTable.names();
}

GatewayResult<PaymentSession> CmComParser::parseInitialize(const QByteArray &body, const AnswerIdentity &expected)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("CM.com initialize answer"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = parsed.value();
    PaymentSession session;
    session.orderId = expected.orderId;
    session.txnId = JsonSupport::string(o, QLatin1String("id"));
    session.txnUuid = JsonSupport::string(o, QLatin1String("orderId"));
    session.rawStatus = JsonSupport::string(o, QLatin1String("status"));
    if (session.txnId.isEmpty() || session.txnId.size() > 64)
        return JsonSupport::malformed(QStringLiteral("The CM.com answer has no transaction id."));
    // The new transaction's id is not known before this answer: only the reference ties it to
    // our order.
    AnswerIdentity byReference = expected;
    byReference.providerTxnId.clear();
    if (auto wrong = checkIdentity(o, byReference, QStringLiteral("CM.com initialize answer"), true))
        return *wrong;
    const QString url = JsonSupport::string(
            o.value(QLatin1String("action")).toObject().value(QLatin1String("redirect")).toObject(),
            QLatin1String("url"));
    session.authUrl = JsonSupport::httpUrl(url);
    if (!session.authUrl.isValid())
        return JsonSupport::malformed(QStringLiteral("The CM.com answer has no http(s) action.redirect.url."));
    session.method = PaymentSession::Method::Get;
    const QString expires = JsonSupport::string(o, QLatin1String("expiresAt"));
    if (!expires.isEmpty()) {
        session.expiresAt = QDateTime::fromString(expires, Qt::ISODateWithMs).toUTC();
    }
    const Mapping mapping = mapStatus(session.rawStatus);
    session.state = mapping.known && !mapping.paid ? mapping.state : S::AwaitingCustomer;
    if (!session.rawStatus.isEmpty() && !mapping.known) {
        qCWarning(lcGatewayCmCom).noquote() << "unknown CM.com status at initialize"
                                            << JsonSupport::cleanText(session.rawStatus, 40);
        session.state = S::Unknown;
    }
    return session;
}

GatewayResult<PaymentStatus> CmComParser::parseTransaction(const QByteArray &body, const AnswerIdentity &identity,
                                                           const Money &expected)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("CM.com transaction"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = parsed.value();
    PaymentStatus status;
    status.txnId = JsonSupport::string(o, QLatin1String("id"));
    status.txnUuid = JsonSupport::string(o, QLatin1String("orderId"));
    status.orderId = JsonSupport::string(o, QLatin1String("reference"));
    status.rawStatus = JsonSupport::string(o, QLatin1String("status"));
    if (status.txnId.isEmpty() || status.rawStatus.isEmpty())
        return JsonSupport::malformed(QStringLiteral("The CM.com transaction has no id or status."));
    if (auto wrong = checkIdentity(o, identity, QStringLiteral("CM.com transaction"), false))
        return *wrong;
    if (status.orderId.isEmpty())
        status.orderId = identity.orderId; // asked by id, and the id is ours
    const std::optional<Currency> currency = Currency::fromCode(JsonSupport::string(o, QLatin1String("currency")));
    if (currency) {
        const Result<Money> amount = Money::fromJsonMinorUnits(o.value(QLatin1String("amount")), *currency);
        if (amount.ok())
            status.reportedAmount = amount.value();
        const QJsonObject refunds = o.value(QLatin1String("refunds")).toObject();
        status.refundedAmount = refundFigure(refunds, QLatin1String("refundedAmount"), *currency);
        status.refundPendingAmount = refundFigure(refunds, QLatin1String("refundedPendingAmount"), *currency);
    }
    status.amountVerified = status.reportedAmount && *status.reportedAmount == expected;
    const Mapping mapping = mapStatus(status.rawStatus);
    status.knownStatus = mapping.known;
    status.state = mapping.state;
    if (!mapping.known) {
        qCWarning(lcGatewayCmCom).noquote() << "unknown CM.com status" << JsonSupport::cleanText(status.rawStatus, 40)
                                            << "for" << JsonSupport::cleanText(status.txnId, 64) << "-> unknown";
    } else if (mapping.paid && !status.amountVerified) {
        status.state = S::Unknown;
        status.amountMismatch = true;
        qCWarning(lcGatewayCmCom).noquote() << "transaction" << JsonSupport::cleanText(status.txnId, 64)
                                            << "is SUCCESS for another amount or currency than"
                                            << expected.toDecimalString() << expected.currency().code()
                                            << "-> not charged";
    }
    // Money that went back, wherever the refund was made (CounterPay or CM.com's portal).
    if (status.state == S::Charged && status.refundedAmount && status.refundedAmount->minorUnits() > 0) {
        status.state = status.refundedAmount->minorUnits() >= status.reportedAmount->minorUnits() ? S::Refunded
                                                                                                  : S::PartiallyRefunded;
    }
    return status;
}

GatewayError CmComParser::parseError(const QByteArray &body, GatewayError base)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("CM.com error"));
    if (!parsed)
        return base;
    const QJsonObject &o = parsed.value();
    QString message = JsonSupport::string(o, QLatin1String("message"));
    const QJsonObject first = o.value(QLatin1String("errors")).toArray().at(0).toObject();
    QString code = JsonSupport::string(first, QLatin1String("code"));
    if (code.isEmpty())
        code = JsonSupport::string(first, QLatin1String("field"));
    if (message.isEmpty())
        message = JsonSupport::string(first, QLatin1String("message"));
    if (!code.isEmpty())
        base.providerCode = JsonSupport::cleanText(code, 80);
    if (!message.isEmpty())
        base.message = QStringLiteral("CM.com: ") + JsonSupport::cleanText(message);
    return base;
}
