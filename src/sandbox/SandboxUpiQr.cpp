#include "sandbox/SandboxUpiQr.h"

#include "sandbox/SandboxContext.h"
#include "sandbox/SandboxStore.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

QString newTr(SandboxContext &context)
{
    QString tr;
    do {
        tr = u"CP"_s + context.randomAlphanumeric(16).toUpper();
    } while (context.store().findByUpiTr(tr));
    return tr;
}

} // namespace

QJsonObject SandboxUpiQr::issue(SandboxContext &context, const SandboxOrder &order, SandboxTxn &txn)
{
    const SandboxUpiProfile &profile = context.upiProfile();
    txn.upiTr = newTr(context);
    txn.upiVpa = profile.merchantVpa;
    // A negative offset that would go below zero reports zero.
    const qint64 reported = qMax<qint64>(0, order.amountMinor + profile.amountOffsetMinor);
    QJsonObject params {
        { u"merchant_vpa"_s, profile.merchantVpa },
        { u"merchant_name"_s, profile.merchantName },
        { u"tr"_s, txn.upiTr },
        { u"mcc"_s, profile.mcc },
        { u"amount"_s, SandboxOrder::decimalFor(reported, order.currency) },
        { u"currency"_s, order.currency },
    };
    if (profile.includeTid)
        params.insert(u"tid"_s, QString(u"CPT"_s + context.randomAlphanumeric(17).toUpper()));
    for (const QString &name : profile.omit)
        params.remove(name);
    txn.upiSdkParams = params;
    return params;
}

QString SandboxUpiQr::uri(const SandboxOrder &order, const SandboxTxn &txn)
{
    static const QList<QPair<QString, QString>> parameters {
        { u"pa"_s, u"merchant_vpa"_s },
        { u"pn"_s, u"merchant_name"_s },
        { u"tr"_s, u"tr"_s },
        { u"tid"_s, u"tid"_s },
        { u"mc"_s, u"mcc"_s },
        { u"am"_s, u"amount"_s },
        { u"cu"_s, u"currency"_s },
    };
    QStringList query;
    auto add = [&query](const QString &name, const QString &value) {
        // '@' stays readable in a VPA; everything else outside the unreserved set is encoded.
        query.append(name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value, "@")));
    };
    for (const auto &[name, member] : parameters) {
        if (txn.upiSdkParams.contains(member))
            add(name, txn.upiSdkParams.value(member).toString());
    }
    add(u"tn"_s, u"Order "_s + order.id);
    return u"upi://pay?"_s + query.join(u'&');
}

void SandboxUpiQr::addStatusFields(QJsonObject &status, const SandboxOrder &order)
{
    if (!order.txns.isEmpty() && order.txns.last().isUpiQr()) {
        status.insert(u"txn_flow_type"_s, u"UPI_QR"_s);
        QJsonObject detail = status.value(u"txn_detail"_s).toObject();
        detail.insert(u"txn_flow_type"_s, u"UPI_QR"_s);
        status.insert(u"txn_detail"_s, detail);
    }
    if (PaymentStates::isPaid(order.state)) {
        const QString txnId = order.txns.isEmpty() ? QString() : order.txns.last().txnId;
        status.insert(u"payment_gateway_response"_s,
            QJsonObject {
                { u"rrn"_s, order.upiRrn },
                { u"epg_txn_id"_s, order.upiRrn },
                { u"txn_id"_s, txnId },
                { u"resp_code"_s, u"00"_s },
                { u"resp_message"_s, u"SUCCESS"_s },
                { u"created"_s, order.updated.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s) },
            });
    }
}
