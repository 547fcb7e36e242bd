#include "gateway/googlepay/GooglePayParser.h"

#include "gateway/GatewayLogging.h"
#include "gateway/JsonSupport.h"
#include "gateway/StatusTable.h"

using S = PaymentState;

namespace {

constexpr StatusTable::Entry kStatuses[] = {
    { "SUCCESS", S::Charged, true },
    { "IN_PROGRESS", S::AwaitingCustomer, false },
    { "PAYMENT_NOT_INITIATED", S::AwaitingCustomer, false },
    { "DECLINED", S::Declined, false },
    { "FAILURE", S::Failed, false },
    { "EXPIRED", S::Expired, false },
};
constexpr StatusTable kStatusTable(kStatuses);

// Every identity the answer carries must be ours. requireTransactionId: the get answer always
// names its transaction; the initiate answer is undocumented and may name none.
std::optional<GatewayError> checkIdentity(const QJsonObject &o, const AnswerIdentity &expected, const QString &what,
                                          bool requireTransactionId)
{
    const QLatin1String transactionId("transactionId");
    if (requireTransactionId && JsonSupport::string(o, transactionId).isEmpty())
        return JsonSupport::malformed(QStringLiteral("The %1 has no transactionId.").arg(what));
    const QJsonObject details = o.value(QLatin1String("merchantTransactionDetails")).toObject();
    const QLatin1String merchantTransactionId("merchantTransactionId");
    struct Named
    {
        bool present;
        QLatin1String field;
        QString value;
    };
    const Named ids[] = {
        { o.contains(transactionId), transactionId, JsonSupport::string(o, transactionId) },
        { o.contains(merchantTransactionId), merchantTransactionId, JsonSupport::string(o, merchantTransactionId) },
        { details.contains(transactionId), QLatin1String("merchantTransactionDetails.transactionId"),
          JsonSupport::string(details, transactionId) },
    };
    for (const Named &id : ids) {
        if (!id.present)
            continue;
        if (auto wrong = AnswerIdentity::compare(lcGatewayGooglePay, what, id.field, expected.orderId, id.value))
            return wrong;
    }
    const QJsonObject merchantInfo = o.value(QLatin1String("merchantInfo")).toObject();
    if (merchantInfo.contains(QLatin1String("googleMerchantId")) && !expected.merchantId.isEmpty()) {
        return AnswerIdentity::compare(lcGatewayGooglePay, what, QLatin1String("merchantInfo.googleMerchantId"),
                                       expected.merchantId,
                                       JsonSupport::string(merchantInfo, QLatin1String("googleMerchantId")));
    }
    return std::nullopt;
}

} // namespace

GooglePayParser::Mapping GooglePayParser::mapStatus(QStringView rawStatus)
{
    return kStatusTable.map(rawStatus);
}

QStringList GooglePayParser::knownStatuses()
{
    return kStatusTable.names();
}

GatewayResult<PaymentStatus> GooglePayParser::parseTransaction(const QByteArray &body, const AnswerIdentity &identity,
                                                               const Money &expected)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("Google transaction"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = parsed.value();
    if (auto wrong = checkIdentity(o, identity, QStringLiteral("Google transaction"), true))
        return *wrong;
    PaymentStatus status;
    status.orderId = JsonSupport::string(o, QLatin1String("transactionId"));
    const QJsonObject txStatus = o.value(QLatin1String("transactionStatus")).toObject();
    status.rawStatus = JsonSupport::string(txStatus, QLatin1String("status"));
    if (status.orderId.isEmpty() || status.rawStatus.isEmpty())
        return JsonSupport::malformed(
                QStringLiteral("The Google transaction has no transactionId or transactionStatus.status."));
    status.txnId = status.orderId;
    status.googleTransactionId = JsonSupport::string(o, QLatin1String("googleTransactionId"));
    status.upiRrn = JsonSupport::string(o.value(QLatin1String("upiTransactionDetails")).toObject(),
                                        QLatin1String("upiRrn"));
    status.failureCode = JsonSupport::cleanText(JsonSupport::string(txStatus, QLatin1String("failureErrorCode")), 80);
    const QJsonValue paid = o.value(QLatin1String("amountPaid"));
    if (paid.isObject()) {
        const Result<Money> amount = Money::fromGoogleJson(paid.toObject());
        if (amount.ok())
            status.reportedAmount = amount.value();
    }
    status.amountVerified = status.reportedAmount && *status.reportedAmount == expected;

    const Mapping mapping = mapStatus(status.rawStatus);
    status.knownStatus = mapping.known;
    status.state = mapping.state;
    if (!mapping.known) {
        qCWarning(lcGatewayGooglePay).noquote() << "unknown Google transaction status"
                                                << JsonSupport::cleanText(status.rawStatus, 40)
                                                << "for" << JsonSupport::cleanText(status.orderId, 64) << "-> unknown";
    } else if (mapping.paid && !status.amountVerified) {
        status.state = S::Unknown;
        status.amountMismatch = true;
        qCWarning(lcGatewayGooglePay).noquote()
                << "transaction" << JsonSupport::cleanText(status.orderId, 64)
                << "is SUCCESS but amountPaid"
                << (status.reportedAmount ? status.reportedAmount->toDecimalString() + u' '
                                                    + status.reportedAmount->currency().code()
                                          : QStringLiteral("is missing or unreadable"))
                << "differs from" << expected.toDecimalString() << expected.currency().code() << "-> not charged";
    }
    return status;
}

GatewayResult<PaymentSession> GooglePayParser::parseInitiate(const QByteArray &body, const AnswerIdentity &expected)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("Google initiate answer"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = parsed.value();
    if (auto wrong = checkIdentity(o, expected, QStringLiteral("Google initiate answer"), false))
        return *wrong;
    PaymentSession session;
    session.orderId = expected.orderId;
    session.txnId = expected.orderId;
    session.txnUuid = JsonSupport::string(o, QLatin1String("googleTransactionId"));
    session.rawStatus = JsonSupport::string(o.value(QLatin1String("transactionStatus")).toObject(),
                                            QLatin1String("status"));
    const Mapping mapping = mapStatus(session.rawStatus);
    // Only the status API (with its amount check) can say "charged".
    session.state = (mapping.known && !mapping.paid) || session.rawStatus.isEmpty()
            ? (mapping.known ? mapping.state : S::AwaitingCustomer)
            : S::AwaitingCustomer;
    if (!session.rawStatus.isEmpty() && !mapping.known) {
        qCWarning(lcGatewayGooglePay).noquote() << "unknown Google initiate status"
                                                << JsonSupport::cleanText(session.rawStatus, 40);
        session.state = S::Unknown;
    }
    return session;
}

GatewayError GooglePayParser::parseError(const QByteArray &body, GatewayError base)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("Google error"));
    if (!parsed)
        return base;
    const QJsonObject error = parsed.value().value(QLatin1String("error")).toObject();
    const QString status = JsonSupport::string(error, QLatin1String("status"));
    const QString message = JsonSupport::string(error, QLatin1String("message"));
    if (!status.isEmpty())
        base.providerCode = JsonSupport::cleanText(status, 80);
    if (!message.isEmpty())
        base.message = QStringLiteral("Google Pay: ") + JsonSupport::cleanText(message);
    return base;
}
