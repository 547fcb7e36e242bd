#include "app/cli/CliOutput.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>

namespace {

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', QLatin1String("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

CliOutput::CliOutput(CliArguments::Format format) : m_format(format), m_out(stdout)
{
    m_out.setEncoding(QStringConverter::Utf8);
}

QJsonObject CliOutput::toJson(const OrderRecord &order, const QString &message, const QString &error)
{
    return QJsonObject {
        { QStringLiteral("order_id"), order.orderId },
        { QStringLiteral("state"), PaymentStates::name(order.state) },
        { QStringLiteral("provider"), order.provider },
        { QStringLiteral("provider_status"), order.providerStatus },
        { QStringLiteral("amount"), order.amount.toDecimalString() },
        { QStringLiteral("currency"), order.amount.currency().code() },
        { QStringLiteral("auth_url"), order.authUrl },
        { QStringLiteral("verified"), order.verified },
        // Refunded wherever it was (CounterPay or the provider) and the net: the Z report's figures.
        { QStringLiteral("refunded"), Money::fromMinorUnits(order.refundedMinorUnits, order.amount.currency())->toDecimalString() },
        { QStringLiteral("net"), Money::fromMinorUnits(order.netMinorUnits(), order.amount.currency())->toDecimalString() },
        { QStringLiteral("message"), message },
        { QStringLiteral("error"), error },
    };
}

void CliOutput::json(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    m_out.flush();
}

void CliOutput::order(const OrderRecord &order, const QString &message, const QString &error,
                      const QJsonObject &extra)
{
    if (m_format == CliArguments::Format::Json) {
        QJsonObject object = toJson(order, message, error);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            object.insert(it.key(), it.value());
        json(object);
        return;
    }
    QString line = QStringLiteral("%1  %2  %3 %4  %5")
                           .arg(order.orderId, PaymentStates::name(order.state), order.amount.toDecimalString(),
                                order.amount.currency().code(), order.provider);
    if (order.verified)
        line += QStringLiteral("  verified");
    if (!message.isEmpty())
        line += QStringLiteral("  - ") + message;
    if (!error.isEmpty() && error != message)
        line += QStringLiteral("  [") + error + u']';
    text(line);
}

void CliOutput::unverified(const QString &orderId, const QString &provider, const QString &state,
                           const QString &providerStatus, const QString &amount, const QString &currency,
                           const QString &message, const QString &error)
{
    if (m_format == CliArguments::Format::Json) {
        json(QJsonObject { { QStringLiteral("order_id"), orderId }, { QStringLiteral("state"), state },
                           { QStringLiteral("provider"), provider }, { QStringLiteral("provider_status"), providerStatus },
                           { QStringLiteral("amount"), amount }, { QStringLiteral("currency"), currency },
                           { QStringLiteral("auth_url"), QString() }, { QStringLiteral("verified"), false },
                           { QStringLiteral("message"), message }, { QStringLiteral("error"), error } });
        return;
    }
    text(QStringLiteral("%1  %2  %3 %4  %5  UNVERIFIED - %6")
                 .arg(orderId, state, amount, currency, provider, message));
}

void CliOutput::terminal(const QString &line)
{
    if (m_format != CliArguments::Format::Json) {
        text(line);
        return;
    }
    QTextStream err(stderr);
    err.setEncoding(QStringConverter::Utf8);
    err << line << '\n';
    err.flush();
}

void CliOutput::text(const QString &line)
{
    m_out << line << '\n';
    m_out.flush();
}

void CliOutput::csvHeader()
{
    m_out << "order_id,created_at,state,provider,amount,currency,phone_last4,provider_status,txn_id,"
             "provider_reference,upi_rrn,verified,refunded,cashier,note\r\n";
}

void CliOutput::csvRow(const OrderRecord &order)
{
    const Money refunded = Money::fromMinorUnits(order.refundedMinorUnits, order.amount.currency()).value();
    const QStringList fields = {
        order.orderId, order.createdAt.toString(Qt::ISODateWithMs), PaymentStates::name(order.state), order.provider,
        order.amount.toDecimalString(), order.amount.currency().code(), order.phoneLast4, order.providerStatus,
        order.txnId, order.providerReference, order.upiRrn, order.verified ? QStringLiteral("true") : QStringLiteral("false"),
        refunded.toDecimalString(), order.cashier, order.note,
    };
    QStringList quoted;
    for (const QString &field : fields)
        quoted.append(csvField(field));
    m_out << quoted.join(u',') << "\r\n";
}

void CliOutput::error(const QString &message)
{
    QTextStream err(stderr);
    err.setEncoding(QStringConverter::Utf8);
    QString oneLine = message;
    oneLine.replace(u'\n', u' ');
    err << "counterpay-cli: " << oneLine << '\n';
    err.flush();
}
