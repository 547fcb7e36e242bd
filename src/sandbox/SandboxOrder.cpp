#include "sandbox/SandboxOrder.h"

#include "core/Currency.h"
#include "core/Money.h"

#include <QJsonArray>

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

QJsonObject SandboxTxn::toJson() const
{
    QJsonObject object {
        { QStringLiteral("txn_id"), txnId },
        { QStringLiteral("txn_uuid"), txnUuid },
        { QStringLiteral("payment_method_type"), paymentMethodType },
        { QStringLiteral("payment_method"), paymentMethod },
        { QStringLiteral("txn_type"), txnType },
        { QStringLiteral("auth_method"), authMethod },
        { QStringLiteral("created"), isoTime(created) },
    };
    if (!upiTr.isEmpty()) {
        object.insert(QStringLiteral("upi_tr"), upiTr);
        object.insert(QStringLiteral("upi_vpa"), upiVpa);
        object.insert(QStringLiteral("upi_sdk_params"), upiSdkParams);
    }
    return object;
}

SandboxTxn SandboxTxn::fromJson(const QJsonObject &object)
{
    SandboxTxn txn;
    txn.txnId = object.value(QStringLiteral("txn_id")).toString();
    txn.txnUuid = object.value(QStringLiteral("txn_uuid")).toString();
    txn.paymentMethodType = object.value(QStringLiteral("payment_method_type")).toString();
    txn.paymentMethod = object.value(QStringLiteral("payment_method")).toString();
    txn.txnType = object.value(QStringLiteral("txn_type")).toString();
    txn.authMethod = object.value(QStringLiteral("auth_method")).toString();
    txn.created = parseTime(object.value(QStringLiteral("created")));
    txn.upiTr = object.value(QStringLiteral("upi_tr")).toString();
    txn.upiVpa = object.value(QStringLiteral("upi_vpa")).toString();
    txn.upiSdkParams = object.value(QStringLiteral("upi_sdk_params")).toObject();
    return txn;
}

QJsonObject SandboxRefund::toJson() const
{
    return QJsonObject {
        { QStringLiteral("id"), id },
        { QStringLiteral("unique_request_id"), uniqueRequestId },
        { QStringLiteral("amount_minor"), amountMinor },
        { QStringLiteral("created"), isoTime(created) },
    };
}

SandboxRefund SandboxRefund::fromJson(const QJsonObject &object)
{
    SandboxRefund refund;
    refund.id = object.value(QStringLiteral("id")).toString();
    refund.uniqueRequestId = object.value(QStringLiteral("unique_request_id")).toString();
    refund.amountMinor = object.value(QStringLiteral("amount_minor")).toInteger();
    refund.created = parseTime(object.value(QStringLiteral("created")));
    return refund;
}

QString SandboxOrder::providerName(Provider provider)
{
    switch (provider) {
    case Provider::Juspay:
        return QStringLiteral("juspay");
    case Provider::GooglePay:
        return QStringLiteral("googlepay");
    case Provider::CmCom:
        return QStringLiteral("cmcom");
    }
    return {};
}

std::optional<SandboxOrder::Provider> SandboxOrder::providerFromName(QStringView name)
{
    for (Provider provider : { Provider::Juspay, Provider::GooglePay, Provider::CmCom }) {
        if (name == providerName(provider))
            return provider;
    }
    return std::nullopt;
}

QString SandboxOrder::keyFor(Provider provider, const QString &id)
{
    return providerName(provider) + u'/' + id;
}

bool SandboxOrder::isPending() const
{
    return state == PaymentState::AwaitingCustomer;
}

qint64 SandboxOrder::refundedMinor() const
{
    qint64 total = 0;
    for (const SandboxRefund &refund : refunds)
        total += refund.amountMinor;
    return total;
}

QString SandboxOrder::amountDecimal() const
{
    return decimalFor(amountMinor, currency);
}

QString SandboxOrder::decimalFor(qint64 minor, const QString &currency)
{
    const Currency cur = Currency::fromCode(currency).value_or(Currency::inr());
    const Result<Money> money = Money::fromMinorUnits(minor, cur);
    return money ? money->toDecimalString() : QString::number(minor);
}

QJsonObject SandboxOrder::toJson() const
{
    QJsonArray txnArray;
    for (const SandboxTxn &txn : txns)
        txnArray.append(txn.toJson());
    QJsonArray refundArray;
    for (const SandboxRefund &refund : refunds)
        refundArray.append(refund.toJson());
    return QJsonObject {
        { QStringLiteral("provider"), providerName(provider) },
        { QStringLiteral("id"), id },
        { QStringLiteral("provider_ref"), providerRef },
        { QStringLiteral("amount_minor"), amountMinor },
        { QStringLiteral("currency"), currency },
        { QStringLiteral("state"), PaymentStates::name(state) },
        { QStringLiteral("charges"), charges },
        { QStringLiteral("created"), isoTime(created) },
        { QStringLiteral("updated"), isoTime(updated) },
        { QStringLiteral("expires_at"), isoTime(expiresAt) },
        { QStringLiteral("customer_id"), customerId },
        { QStringLiteral("customer_phone"), customerPhone },
        { QStringLiteral("description"), description },
        { QStringLiteral("reference"), reference },
        { QStringLiteral("return_url"), returnUrl },
        { QStringLiteral("udfs"), QJsonArray::fromStringList(udfs) },
        { QStringLiteral("upi_rrn"), upiRrn },
        { QStringLiteral("failure_code"), failureCode },
        { QStringLiteral("details"), details },
        { QStringLiteral("txns"), txnArray },
        { QStringLiteral("refunds"), refundArray },
    };
}

Result<SandboxOrder> SandboxOrder::fromJson(const QJsonObject &object)
{
    auto corrupt = [](const QString &why) {
        return Result<SandboxOrder>::failure(QStringLiteral("sandbox_state_corrupt"), why);
    };
    SandboxOrder order;
    const auto provider = providerFromName(object.value(QStringLiteral("provider")).toString());
    if (!provider)
        return corrupt(QStringLiteral("an order has an unknown provider"));
    order.provider = *provider;
    order.id = object.value(QStringLiteral("id")).toString();
    if (order.id.isEmpty())
        return corrupt(QStringLiteral("an order has no id"));
    const QJsonValue amount = object.value(QStringLiteral("amount_minor"));
    if (!amount.isDouble() || amount.toInteger(-1) < 0)
        return corrupt(QStringLiteral("order %1 has no valid amount").arg(order.id));
    order.amountMinor = amount.toInteger();
    order.currency = object.value(QStringLiteral("currency")).toString();
    if (!Currency::fromCode(order.currency))
        return corrupt(QStringLiteral("order %1 has an unknown currency").arg(order.id));
    const auto state = PaymentStates::fromName(object.value(QStringLiteral("state")).toString());
    if (!state)
        return corrupt(QStringLiteral("order %1 has an unknown state").arg(order.id));
    order.state = *state;
    order.providerRef = object.value(QStringLiteral("provider_ref")).toString();
    order.charges = object.value(QStringLiteral("charges")).toInt();
    order.created = parseTime(object.value(QStringLiteral("created")));
    order.updated = parseTime(object.value(QStringLiteral("updated")));
    order.expiresAt = parseTime(object.value(QStringLiteral("expires_at")));
    order.customerId = object.value(QStringLiteral("customer_id")).toString();
    order.customerPhone = object.value(QStringLiteral("customer_phone")).toString();
    order.description = object.value(QStringLiteral("description")).toString();
    order.reference = object.value(QStringLiteral("reference")).toString();
    order.returnUrl = object.value(QStringLiteral("return_url")).toString();
    const QJsonArray udfArray = object.value(QStringLiteral("udfs")).toArray();
    for (const QJsonValue &udf : udfArray)
        order.udfs.append(udf.toString());
    while (order.udfs.size() < 10)
        order.udfs.append(QString());
    order.upiRrn = object.value(QStringLiteral("upi_rrn")).toString();
    order.failureCode = object.value(QStringLiteral("failure_code")).toString();
    order.details = object.value(QStringLiteral("details")).toObject();
    const QJsonArray txnArray = object.value(QStringLiteral("txns")).toArray();
    for (const QJsonValue &txn : txnArray)
        order.txns.append(SandboxTxn::fromJson(txn.toObject()));
    const QJsonArray refundArray = object.value(QStringLiteral("refunds")).toArray();
    for (const QJsonValue &refund : refundArray)
        order.refunds.append(SandboxRefund::fromJson(refund.toObject()));
    return order;
}
