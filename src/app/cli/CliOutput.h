#pragma once

#include "app/cli/CliArguments.h"
#include "storage/OrderRecord.h"

#include <QJsonObject>
#include <QTextStream>

// How counterpay-cli prints an order: a line of text, one JSON object per line, or CSV
// (RFC 4180, UTF-8, amounts as decimal strings).
class CliOutput
{
public:
    explicit CliOutput(CliArguments::Format format);

    // `error`: what went wrong on the way to this answer (GatewayError::toString()), or empty.
    // `extra`: more members for the JSON line (pay's upi_uri); text output leaves them out.
    void order(const OrderRecord &order, const QString &message, const QString &error = {},
               const QJsonObject &extra = {});
    // A line for the person at the terminal: stdout in text and CSV, stderr under --json so
    // that stdout stays one JSON object per line (pay --qr --json draws its QR there).
    void terminal(const QString &line);
    // For an order known only to the gateway (status of an id not in the ledger).
    void unverified(const QString &orderId, const QString &provider, const QString &state,
                    const QString &providerStatus, const QString &amount, const QString &currency,
                    const QString &message, const QString &error = {});
    void text(const QString &line);
    void csvHeader();
    void csvRow(const OrderRecord &order);
    static void error(const QString &message);

    static QJsonObject toJson(const OrderRecord &order, const QString &message, const QString &error = {});

private:
    void json(const QJsonObject &object);

    CliArguments::Format m_format;
    QTextStream m_out;
};
