#pragma once

#include "app/cli/CliArguments.h"
#include "app/cli/CliOutput.h"
#include "app/common/AppServices.h"
#include "checkout/CheckoutRequest.h"
#include "gateway/GatewayError.h"

#include <QObject>
#include <QSet>
#include <QTimer>

// Runs one counterpay-cli command on the event loop and decides the exit code:
// 0 charged / succeeded (status: the gateway answered), 2 bad input, profile or refused
// credentials, 3 failed/declined/expired/cancelled, 4 unknown, 5 gateway unreachable.
class CliRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliRunner)

public:
    enum Exit { Ok = 0, BadInput = 2, NotPaid = 3, Unknown = 4, Unreachable = 5 };

    CliRunner(CliArguments arguments, QObject *parent = nullptr);
    ~CliRunner() override;

    // Starts the command; `done(exitCode)` is emitted once.
    void start();

signals:
    void done(int exitCode);

private:
    // The sale the arguments describe (pay).
    CheckoutRequest saleRequest() const;
    void pay();
    void status();
    void resume();
    void history();
    void checkLedger();
    void refund();
    void statusNotInLedger();
    void printOrder(const QString &orderId, const QString &message);
    int exitCodeFor(const QString &orderId) const;
    static int exitCodeForState(PaymentState state);
    // 5 unreachable / timed out / 5xx / 429, 2 credentials refused, 4 otherwise.
    static int exitCodeForError(const GatewayError &error);
    static QString adviceFor(const GatewayError &error);
    void finish(int code);
    void fail(int code, const QString &message);

    CliArguments m_args;
    CliOutput m_out;
    std::unique_ptr<AppServices> m_services;
    QTimer m_timeout;
    QSet<QString> m_waitingFor;
    QHash<QString, GatewayError> m_lastErrors;
    QHash<QString, QString> m_upiUris; // by order: what this pay's UPI QR encodes
    int m_worstExit = Ok;
    bool m_finished = false;
};
