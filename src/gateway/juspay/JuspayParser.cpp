#include "gateway/juspay/JuspayParser.h"

#include "gateway/GatewayLogging.h"
#include "gateway/JsonSupport.h"
#include "gateway/StatusTable.h"
#include "gateway/juspay/UpiIntentUri.h"

#include <QJsonArray>

using Kind = GatewayError::Kind;
using S = PaymentState;

namespace {

constexpr StatusTable::Entry kStatuses[] = {
    { "NEW", S::AwaitingCustomer, false },
    { "CREATED", S::AwaitingCustomer, false },
    { "STARTED", S::AwaitingCustomer, false },
    { "PENDING_VBV", S::AwaitingCustomer, false },
    { "VBV_SUCCESSFUL", S::AwaitingCustomer, false },
    { "AUTHORIZING", S::AwaitingCustomer, false },
    { "AUTHORIZED", S::AwaitingCustomer, false },
    { "TO_BE_CHARGED", S::AwaitingCustomer, false },
    { "CAPTURE_INITIATED", S::AwaitingCustomer, false },
    { "VOID_INITIATED", S::AwaitingCustomer, false },
    { "CHARGED", S::Charged, true },
    { "AUTHENTICATION_FAILED", S::Declined, false },
    { "JUSPAY_DECLINED", S::Failed, false },
    { "AUTHORIZATION_FAILED", S::Failed, false },
    { "CAPTURE_FAILED", S::Failed, false },
    { "AUTO_REFUNDED", S::Failed, false },
    { "VOIDED", S::Cancelled, false },
    { "PARTIAL_CHARGED", S::Unknown, false },
    { "VOID_FAILED", S::Unknown, false },
    { "COD_INITIATED", S::Unknown, false },
};
constexpr StatusTable kStatusTable(kStatuses);

// order_id must name ours; merchant_id, when the answer has one and a merchant is configured,
// must be ours too.
std::optional<GatewayError> checkIdentity(const QJsonObject &o, const AnswerIdentity &expected, const QString &what)
{
    const QString orderId = JsonSupport::string(o, QLatin1String("order_id"));
    if (orderId.isEmpty())
        return JsonSupport::malformed(QStringLiteral("The %1 has no order_id.").arg(what));
    if (auto wrong = AnswerIdentity::compare(lcGatewayJuspay, what, QLatin1String("order_id"), expected.orderId, orderId))
        return wrong;
    if (o.contains(QLatin1String("merchant_id")) && !expected.merchantId.isEmpty()) {
        return AnswerIdentity::compare(lcGatewayJuspay, what, QLatin1String("merchant_id"), expected.merchantId,
                                       JsonSupport::string(o, QLatin1String("merchant_id")));
    }
    return std::nullopt;
}

// Sum of the refunds[] entries with one of `statuses`; nullopt if none is readable. Capped at
// Money's sanity bound so a hostile list cannot overflow.
std::optional<Money> sumRefunds(const QJsonArray &refunds, std::initializer_list<const char *> statuses,
                                const Currency &currency)
{
    std::optional<qint64> total;
    for (const QJsonValue &value : refunds) {
        const QJsonObject refund = value.toObject();
        const QString status = JsonSupport::string(refund, QLatin1String("status"));
        bool wanted = false;
        for (const char *name : statuses)
            wanted = wanted || status == QLatin1String(name);
        const Result<Money> amount = Money::fromJsonDecimal(refund.value(QLatin1String("amount")), currency);
        if (wanted && amount.ok())
            total = std::min(total.value_or(0) + amount.value().minorUnits(), Money::kAbsoluteMaxMinorUnits);
    }
    if (!total)
        return std::nullopt;
    const Result<Money> sum = Money::fromMinorUnits(*total, currency);
    return sum.ok() ? std::optional<Money>(sum.value()) : std::nullopt;
}

} // namespace

JuspayParser::Mapping JuspayParser::mapStatus(QStringView rawStatus)
{
    return kStatusTable.map(rawStatus);
}

QStringList JuspayParser::knownStatuses()
{
    return kStatusTable.names();
}

GatewayResult<QString> JuspayParser::parseOrderCreate(const QByteArray &body, const AnswerIdentity &expected)
{
    const auto object = JsonSupport::parseObject(body, QStringLiteral("Juspay order answer"));
    if (!object)
        return object.error();
    const QString status = JsonSupport::string(object.value(), QLatin1String("status"));
    if (status.isEmpty())
        return JsonSupport::malformed(QStringLiteral("The Juspay order answer has no order_id or status."));
    if (auto wrong = checkIdentity(object.value(), expected, QStringLiteral("Juspay order answer")))
        return *wrong;
    return status;
}

GatewayResult<PaymentSession> JuspayParser::parseTxn(const QByteArray &body, const AnswerIdentity &expected)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("Juspay transaction answer"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = parsed.value();

    PaymentSession session;
    session.orderId = JsonSupport::string(o, QLatin1String("order_id"));
    session.txnId = JsonSupport::string(o, QLatin1String("txn_id"));
    session.txnUuid = JsonSupport::string(o, QLatin1String("txn_uuid"));
    session.rawStatus = JsonSupport::string(o, QLatin1String("status"));
    if (session.rawStatus.isEmpty() || (session.txnId.isEmpty() && session.orderId.isEmpty()))
        return JsonSupport::malformed(QStringLiteral("The Juspay transaction answer has no status or ids."));
    if (auto wrong = checkIdentity(o, expected, QStringLiteral("Juspay transaction answer")))
        return *wrong;

    const Mapping mapping = mapStatus(session.rawStatus);
    if (!mapping.known) {
        qCWarning(lcGatewayJuspay).noquote() << "unknown Juspay transaction status"
                                             << JsonSupport::cleanText(session.rawStatus, 40);
    }
    // A just-created transaction is never "charged" on its own word: only the status API,
    // with the amount check, can say that.
    session.state = mapping.known && !mapping.paid ? mapping.state : S::Unknown;
    if (mapping.paid)
        session.state = S::AwaitingCustomer;

    const QJsonObject payment = o.value(QLatin1String("payment")).toObject();
    const QJsonObject auth = payment.value(QLatin1String("authentication")).toObject();
    const QString method = JsonSupport::string(auth, QLatin1String("method")).toUpper();
    const QString url = JsonSupport::string(auth, QLatin1String("url"));
    if (url.isEmpty())
        return JsonSupport::malformed(QStringLiteral("The Juspay transaction answer has no authentication URL."));
    session.authUrl = JsonSupport::httpUrl(url);
    if (!session.authUrl.isValid())
        return JsonSupport::malformed(QStringLiteral("The Juspay authentication URL is not an http(s) URL."));
    if (method == QLatin1String("GET") || method.isEmpty()) {
        session.method = PaymentSession::Method::Get;
    } else if (method == QLatin1String("POST")) {
        session.method = PaymentSession::Method::Post;
        const QJsonObject params = auth.value(QLatin1String("params")).toObject();
        for (auto it = params.begin(); it != params.end(); ++it) {
            // Form fields are text; a number or bool is sent as its JSON rendering.
            session.params.insert(it.key(), it.value().toVariant().toString());
        }
    } else {
        return JsonSupport::malformed(QStringLiteral("The Juspay authentication method '%1' is neither GET nor POST.")
                                              .arg(JsonSupport::cleanText(method, 20)));
    }

    const QJsonObject sdk = payment.value(QLatin1String("sdk_params")).toObject();
    if (!sdk.isEmpty()) {
        const QString sdkStatus = JsonSupport::string(sdk, QLatin1String("status"));
        if (!sdkStatus.isEmpty() && sdkStatus != QLatin1String("OK")) {
            qCWarning(lcGatewayJuspay).noquote()
                    << "CRED sdk_params status" << JsonSupport::cleanText(sdkStatus, 40)
                    << JsonSupport::cleanText(JsonSupport::string(sdk, QLatin1String("error_code")), 60);
        }
        const QJsonObject response = sdk.value(QLatin1String("response")).toObject();
        session.checkoutMode = JsonSupport::string(response, QLatin1String("checkout_mode"));
        const QString intent = JsonSupport::string(response, QLatin1String("intent_url"));
        if (!intent.isEmpty()) {
            const QUrl intentUrl(intent, QUrl::StrictMode);
            if (!intentUrl.isValid() || intentUrl.scheme().isEmpty())
                return JsonSupport::malformed(QStringLiteral("The CRED intent_url is not a URL."));
            session.intentUrl = intentUrl;
        }
        if (session.checkoutMode == QLatin1String("intent") && session.intentUrl.isEmpty())
            return JsonSupport::malformed(QStringLiteral("CRED answered checkout_mode intent without an intent_url."));
        const QJsonObject layout = response.value(QLatin1String("layout")).toObject();
        session.credLayout.title = JsonSupport::cleanText(JsonSupport::string(layout, QLatin1String("title")));
        session.credLayout.subText = JsonSupport::cleanText(JsonSupport::string(layout, QLatin1String("sub_text")));
        session.credLayout.bannerText = JsonSupport::cleanText(JsonSupport::string(layout, QLatin1String("banner_text")));
        session.credLayout.ctaText = JsonSupport::cleanText(JsonSupport::string(layout, QLatin1String("cta_text")));
        session.credLayout.icon = JsonSupport::httpUrl(JsonSupport::string(layout, QLatin1String("icon")).trimmed());
    }
    return session;
}

GatewayResult<PaymentSession> JuspayParser::parseUpiQrTxn(const QByteArray &body, const AnswerIdentity &expected,
                                                          const Money &orderAmount, const QString &note)
{
    GatewayResult<PaymentSession> session = parseTxn(body, expected);
    if (!session)
        return session;
    const QJsonObject sdk = JsonSupport::parseObject(body, QStringLiteral("Juspay transaction answer"))
                                    .value()
                                    .value(QLatin1String("payment")).toObject()
                                    .value(QLatin1String("sdk_params")).toObject();
    if (sdk.isEmpty()) {
        GatewayError error = GatewayError::make(Kind::Refused,
                                                QStringLiteral("The Juspay UPI QR answer has no sdk_params; no QR is shown."));
        error.providerCode = QStringLiteral("upi_missing_sdk_params");
        return error;
    }
    const GatewayResult<UpiIntentUri::Built> built = UpiIntentUri::fromSdkParams(sdk, orderAmount, note);
    if (!built) {
        qCWarning(lcGatewayJuspay).noquote() << "UPI QR refused for order" << expected.orderId << built.error().toString();
        return built.error();
    }
    session.value().upiUri = built->uri;
    session.value().payeeName = built->payeeName;
    return session;
}

GatewayResult<PaymentStatus> JuspayParser::parseOrderStatus(const QByteArray &body, const AnswerIdentity &identity,
                                                            const Money &expected, bool verifyAmount)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("Juspay order status"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = parsed.value();

    PaymentStatus status;
    status.orderId = JsonSupport::string(o, QLatin1String("order_id"));
    status.rawStatus = JsonSupport::string(o, QLatin1String("status"));
    if (status.rawStatus.isEmpty() || status.orderId.isEmpty())
        return JsonSupport::malformed(QStringLiteral("The Juspay order status has no order_id or status."));
    if (auto wrong = checkIdentity(o, identity, QStringLiteral("Juspay order status")))
        return *wrong;
    status.txnId = JsonSupport::string(o, QLatin1String("txn_id"));
    status.txnUuid = JsonSupport::string(o, QLatin1String("txn_uuid"));
    const QJsonObject pgr = o.value(QLatin1String("payment_gateway_response")).toObject();
    status.upiRrn = JsonSupport::string(pgr, QLatin1String("rrn"));
    status.failureCode = JsonSupport::cleanText(JsonSupport::string(o, QLatin1String("bank_error_code")), 80);
    status.failureMessage = JsonSupport::cleanText(JsonSupport::string(o, QLatin1String("bank_error_message")));

    const QString currencyCode = JsonSupport::string(o, QLatin1String("currency"));
    const std::optional<Currency> currency = Currency::fromCode(currencyCode);
    if (currency) {
        const Result<Money> amount = Money::fromJsonDecimal(o.value(QLatin1String("amount")), *currency);
        if (amount.ok())
            status.reportedAmount = amount.value();
        // Refunds, wherever they were made. amount_refunded is Juspay's own total and wins;
        // refunded:true without it means all of it; without either, the SUCCESS entries of
        // refunds[] are what went back (a PENDING one may still fail).
        const QJsonArray refunds = o.value(QLatin1String("refunds")).toArray();
        const QJsonValue refundedFlag = o.value(QLatin1String("refunded"));
        if (o.contains(QLatin1String("amount_refunded"))) {
            const Result<Money> refunded = Money::fromJsonDecimal(o.value(QLatin1String("amount_refunded")), *currency);
            if (refunded.ok())
                status.refundedAmount = refunded.value();
        }
        if (!status.refundedAmount) {
            status.refundedAmount = sumRefunds(refunds, { "SUCCESS" }, *currency);
        }
        // refunded:true and no figure above it (or a zero one, which contradicts it): Juspay
        // says the money went back, so all of it; never read as "still charged".
        const bool saysRefunded = refundedFlag.isBool() && refundedFlag.toBool();
        if (saysRefunded && (!status.refundedAmount || status.refundedAmount->minorUnits() == 0) && status.reportedAmount)
            status.refundedAmount = status.reportedAmount;
        status.refundPendingAmount = sumRefunds(refunds, { "PENDING", "MANUAL_REVIEW" }, *currency);
    }
    status.amountVerified = status.reportedAmount && *status.reportedAmount == expected;

    const Mapping mapping = mapStatus(status.rawStatus);
    status.knownStatus = mapping.known;
    status.state = mapping.state;
    // An order created but never sent to the customer: no /txns reached Juspay.
    status.noTransaction = status.txnId.isEmpty()
            && (status.rawStatus == QLatin1String("NEW") || status.rawStatus == QLatin1String("CREATED"));
    // Juspay has no "expired" status: a UPI collect or push the payer let lapse ends as
    // AUTHENTICATION_FAILED with NPCI's U69 ("collect request expired").
    if (status.rawStatus == QLatin1String("AUTHENTICATION_FAILED") && status.failureCode == QLatin1String("U69"))
        status.state = PaymentState::Expired;
    if (!mapping.known) {
        qCWarning(lcGatewayJuspay).noquote() << "unknown Juspay order status"
                                             << JsonSupport::cleanText(status.rawStatus, 40)
                                             << "for order" << JsonSupport::cleanText(status.orderId, 40)
                                             << "-> unknown";
    } else if (mapping.paid && !status.amountVerified && !verifyAmount) {
        // Not an order of this ledger: the provider's word, reported unverified by the caller.
    } else if (mapping.paid && !status.amountVerified) {
        status.state = S::Unknown;
        status.amountMismatch = true;
        qCWarning(lcGatewayJuspay).noquote()
                << "order" << JsonSupport::cleanText(status.orderId, 40) << "is CHARGED for"
                << JsonSupport::cleanText(o.value(QLatin1String("amount")).toVariant().toString(), 30)
                << JsonSupport::cleanText(currencyCode, 8) << "but the order asked"
                << expected.toDecimalString() << expected.currency().code() << "-> not charged";
    }
    // A charged order whose money (some or all) went back. refunded:true with an amount that
    // could not be read (no currency) still is not merely "charged": all of it, as Juspay says.
    const bool refundedFlag = o.value(QLatin1String("refunded")).toBool(false);
    if (status.state == S::Charged && status.refundedAmount && status.refundedAmount->minorUnits() > 0) {
        status.state = status.refundedAmount->minorUnits() >= (status.reportedAmount ? status.reportedAmount->minorUnits()
                                                                                     : expected.minorUnits())
                ? S::Refunded
                : S::PartiallyRefunded;
    } else if (status.state == S::Charged && refundedFlag
               && (!status.refundedAmount || status.refundedAmount->minorUnits() == 0)) {
        status.state = S::Refunded;
    }
    return status;
}

GatewayResult<RefundResult> JuspayParser::parseRefund(const QByteArray &body, const AnswerIdentity &expected,
                                                      const QString &uniqueRequestId, const Currency &currency)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("Juspay refund answer"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = parsed.value();
    if (o.contains(QLatin1String("order_id"))) {
        if (auto wrong = checkIdentity(o, expected, QStringLiteral("Juspay refund answer")))
            return *wrong;
    }

    RefundResult result;
    result.orderId = JsonSupport::string(o, QLatin1String("order_id"));
    result.uniqueRequestId = uniqueRequestId;
    const QJsonArray refunds = o.value(QLatin1String("refunds")).toArray();
    QJsonObject mine;
    for (const QJsonValue &value : refunds) {
        const QJsonObject refund = value.toObject();
        if (JsonSupport::string(refund, QLatin1String("unique_request_id")) == uniqueRequestId)
            mine = refund;
    }
    // A single refund object answered directly (some API versions do) is accepted too.
    if (mine.isEmpty() && JsonSupport::string(o, QLatin1String("unique_request_id")) == uniqueRequestId)
        mine = o;
    if (mine.isEmpty())
        return JsonSupport::malformed(QStringLiteral("The Juspay refund answer does not list refund %1.")
                                              .arg(JsonSupport::cleanText(uniqueRequestId, 40)));

    result.refundId = JsonSupport::string(mine, QLatin1String("id"));
    result.rawStatus = JsonSupport::string(mine, QLatin1String("status"));
    const Result<Money> amount = Money::fromJsonDecimal(mine.value(QLatin1String("amount")), currency);
    if (amount.ok())
        result.amount = amount.value();
    if (result.rawStatus == QLatin1String("SUCCESS"))
        result.state = RefundResult::State::Succeeded;
    else if (result.rawStatus == QLatin1String("PENDING") || result.rawStatus == QLatin1String("MANUAL_REVIEW"))
        result.state = RefundResult::State::Pending;
    else if (result.rawStatus == QLatin1String("FAILURE"))
        result.state = RefundResult::State::Failed;
    else {
        result.state = RefundResult::State::Unknown;
        qCWarning(lcGatewayJuspay).noquote() << "unknown Juspay refund status"
                                             << JsonSupport::cleanText(result.rawStatus, 40);
    }
    return result;
}

GatewayError JuspayParser::parseError(const QByteArray &body, GatewayError base)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("Juspay error body"));
    if (!parsed)
        return base;
    const QJsonObject &o = parsed.value();
    const QJsonObject info = o.value(QLatin1String("error_info")).toObject();
    QString code = JsonSupport::string(o, QLatin1String("error_code"));
    if (code.isEmpty())
        code = JsonSupport::string(info, QLatin1String("code"));
    QString message = JsonSupport::string(o, QLatin1String("error_message"));
    if (message.isEmpty())
        message = JsonSupport::string(info, QLatin1String("developer_message"));
    if (message.isEmpty())
        message = JsonSupport::string(info, QLatin1String("user_message"));
    if (!code.isEmpty())
        base.providerCode = JsonSupport::cleanText(code, 80);
    if (!message.isEmpty())
        base.message = QStringLiteral("Juspay: ") + JsonSupport::cleanText(message);
    return base;
}
