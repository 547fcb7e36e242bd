#pragma once

#include "app/common/AppOptions.h"
#include "core/Money.h"
#include "core/PaymentState.h"
#include "core/PhoneNumber.h"
#include "core/Result.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

// counterpay-cli's command line, parsed and validated before anything is opened: a bad amount,
// mobile, provider, date or order id is refused here, so nothing reaches the ledger.
struct CliArguments
{
    enum class Format { Text, Json, Csv };

    QString command; // pay, status, resume, history, refund; "help" and "version" too
    AppOptions app;
    Format format = Format::Text;

    // pay / status / refund
    QString provider;
    std::optional<Money> amount;
    std::optional<PhoneNumber> mobile;
    QString orderId;
    QString note;
    bool wait = false;
    bool qr = false;
    int timeoutSeconds = 0; // 0 = until every order is final

    // history
    QDateTime since;
    QDateTime until;
    QList<PaymentState> states;
    QString phoneLast4;
    int limit = 100'000;

    static Result<CliArguments> parse(const QStringList &arguments);
    static QString usage();
    // Whether a provider spec is one the CLI knows: juspay-gpay, juspay-cred,
    // juspay-wallet:METHOD, googlepay, cmcom.
    static bool isProviderSpec(const QString &spec);
};
