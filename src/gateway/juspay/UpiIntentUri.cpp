#include "gateway/juspay/UpiIntentUri.h"

#include "gateway/JsonSupport.h"

#include <QJsonValue>

#include <algorithm>

namespace {

struct Member
{
    const char *uriName;
    const char *documentedName; // the sdk_params spelling in Juspay's document; null: same
};

// In the order the document's template lists them, then the other UPI linking parameters.
constexpr Member kMembers[] = {
    { "pa", "merchant_vpa" }, { "pn", "merchant_name" }, { "tr", nullptr }, { "tid", nullptr },
    { "mc", "mcc" },          { "am", "amount" },        { "cu", "currency" }, { "tn", nullptr },
    { "mode", nullptr },      { "purpose", nullptr },    { "orgid", nullptr }, { "mid", nullptr },
    { "msid", nullptr },      { "mtid", nullptr },       { "url", nullptr },   { "sign", nullptr },
};

GatewayError refused(const char *code, const QString &message)
{
    GatewayError error = GatewayError::make(GatewayError::Kind::Refused, message);
    error.providerCode = QLatin1String(code);
    return error;
}

// The member as the answer gave it, under its documented name or else its UPI name.
QJsonValue memberOf(const QJsonObject &sdk, const Member &member)
{
    for (const char *name : { member.documentedName, member.uriName }) {
        if (!name)
            continue;
        const QJsonValue value = sdk.value(QLatin1String(name));
        if (!value.isUndefined() && !value.isNull())
            return value;
    }
    return QJsonValue(QJsonValue::Undefined);
}

// Its text: a string as is (trimmed), a whole number in digits (an MCC may come as 5411).
// Absent: nullopt. Anything else (a fraction, an object, an array, a bool) is not a URI value.
std::optional<QString> textOf(const QJsonValue &value, bool *bad)
{
    if (value.isUndefined())
        return std::nullopt;
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble() && value.toDouble() == double(value.toInteger()))
        return QString::number(value.toInteger());
    *bad = true;
    return std::nullopt;
}

} // namespace

QString UpiIntentUri::encodeValue(const QString &value)
{
    return QString::fromLatin1(value.toUtf8().toPercentEncoding(QByteArrayLiteral("@")));
}

GatewayResult<UpiIntentUri::Built> UpiIntentUri::fromSdkParams(const QJsonObject &sdk, const Money &orderAmount,
                                                                const QString &note)
{
    const QString order = orderAmount.toDecimalString() + u' ' + orderAmount.currency().code();
    Built built;
    for (const Member &member : kMembers) {
        const QLatin1String name(member.uriName);
        const QJsonValue raw = memberOf(sdk, member);
        bool bad = false;
        // The amount is read as money (a JSON number or a decimal string), never as a double.
        std::optional<QString> value = name == QLatin1String("am") ? std::nullopt : textOf(raw, &bad);
        if (bad) {
            return refused("upi_bad_value", QStringLiteral("The UPI QR's %1 is not text or a number; no QR is shown.")
                                                    .arg(member.documentedName ? QLatin1String(member.documentedName) : name));
        }
        if (name == QLatin1String("am")) {
            if (raw.isUndefined() || (raw.isString() && raw.toString().trimmed().isEmpty()))
                return refused("upi_missing_amount", QStringLiteral("The UPI QR carries no amount; no QR is shown."));
            const Result<Money> stated = Money::fromJsonDecimal(raw.isString() ? QJsonValue(raw.toString().trimmed()) : raw,
                                                                orderAmount.currency());
            if (!stated || stated.value() != orderAmount) {
                const QString said = raw.isString() ? raw.toString() : stated ? stated->toDecimalString() : QStringLiteral("?");
                return refused("upi_amount_mismatch",
                               QStringLiteral("The UPI QR is for %1 but the sale is for %2; no QR is shown.")
                                       .arg(JsonSupport::cleanText(said, 24), order));
            }
            value = orderAmount.toDecimalString();
        } else if (name == QLatin1String("cu")) {
            if (value && !value->isEmpty() && value->compare(orderAmount.currency().code(), Qt::CaseInsensitive) != 0) {
                return refused("upi_amount_mismatch",
                               QStringLiteral("The UPI QR is in %1 but the sale is for %2; no QR is shown.")
                                       .arg(JsonSupport::cleanText(*value, 8), order));
            }
            value = orderAmount.currency().code();
        } else if (name == QLatin1String("tn") && (!value || value->isEmpty())) {
            value = note.trimmed();
        }
        if (!value || value->isEmpty())
            continue;
        built.parameters.append({ name, *value });
    }
    const auto has = [&built](QLatin1String name) {
        return std::any_of(built.parameters.cbegin(), built.parameters.cend(),
                           [name](const auto &parameter) { return parameter.first == name; });
    };
    if (!has(QLatin1String("pa")))
        return refused("upi_missing_pa", QStringLiteral("The UPI QR names no payee (merchant_vpa); no QR is shown."));
    if (!has(QLatin1String("tr")))
        return refused("upi_missing_tr", QStringLiteral("The UPI QR has no transaction reference (tr); no QR is shown."));

    QString uri = QStringLiteral("upi://pay?");
    for (qsizetype i = 0; i < built.parameters.size(); ++i) {
        const auto &[name, value] = built.parameters.at(i);
        if (i > 0)
            uri += u'&';
        uri += name + u'=' + encodeValue(value);
        if (name == QLatin1String("pn"))
            built.payeeName = JsonSupport::cleanText(value, 99);
    }
    built.uri = uri;
    return built;
}
