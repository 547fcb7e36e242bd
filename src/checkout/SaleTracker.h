#pragma once

#include "checkout/Alert.h"
#include "checkout/PollPolicy.h"
#include "core/Clock.h"
#include "core/PhoneNumber.h"
#include "gateway/PaymentGateway.h"
#include "storage/OrderRecord.h"

#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <functional>
#include <optional>

class Ledger;

// One sale's life after the cashier pressed Pay: persist -> initiate -> awaiting_customer ->
// poll -> final. Every state change is written to the ledger (one transaction with the event
// that explains it) before it is announced. The tracker never starts a second payment on its
// own: after a lost answer it asks for the status instead.
class StatusQueue;

class SaleTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaleTracker)

public:
    // `statusQueue` (optional) spaces this tracker's status queries with everyone else's.
    SaleTracker(OrderRecord order, PaymentGateway &gateway, Ledger &ledger, PollPolicy policy,
                const Clock &clock, QObject *parent = nullptr, StatusQueue *statusQueue = nullptr);
    ~SaleTracker() override;

    const OrderRecord &order() const { return m_order; }

    // What initiate() does with what the gateway may already hold for this order.
    enum class StartMode {
        Pay,   // create the payment only if the gateway has none; otherwise attach to it
        Retry, // as Pay, and also start a new transaction on the same order when the
               // gateway's last one failed, was declined, expired or was cancelled
    };

    // Sends the payment request. An order still in `created` is sent at once. An order that is
    // retryable (PaymentStates::isRetryable) is first looked up at the gateway: it is sent only
    // when the gateway has no payment for it (or, for Retry, only a finished one); otherwise
    // the tracker attaches to what the gateway has. Anything else is watched instead.
    // Transport errors, 5xx and 429 while starting are tried again (Retry-After honoured) for
    // PollPolicy::startRetryMs; a request that may have reached the gateway is looked up
    // before it is sent again. Called while a query is on the wire, it acts after the answer.
    void initiate(const std::optional<PhoneNumber> &mobile, StartMode mode = StartMode::Pay);
    // The gateway of the next transaction, for a retry by another method of the same gateway
    // (a refused Google Pay push retried as a UPI QR on the same Juspay order). The order's
    // provider in the ledger changes when that transaction is claimed, in the same write.
    void useGateway(PaymentGateway &gateway, PollPolicy policy);
    // Status queries only, never a new payment: recovery, `status`, a second Pay.
    void watch();
    // As watch(), with the first check delayed by `delayMs` (recovery spreads its checks).
    void watchAfter(qint64 delayMs);
    // The cashier gave up. Checks continue quietly until the provider's expiry so a late
    // charge is still caught and flagged.
    VoidResult cancel(const QString &reason);
    // Ask now (the customer said "done", or the web view reached the return URL).
    void checkNow();
    // The process stops waiting (the CLI's --timeout, the app quitting) while this sale's
    // payment request has not been accepted yet: record it as unknown, so the next Pay or
    // Retry asks the gateway first instead of finding a stale `submitting`.
    void abandonStart();

signals:
    void sessionStarted(const QString &orderId, const PaymentSession &session);
    void stateChanged(const QString &orderId, PaymentState state, const QString &detail);
    void alertRaised(const Alert &alert);
    void statusChecked(const QString &orderId, const QDateTime &at);
    void gatewayFailed(const QString &orderId, const GatewayError &error);
    void finished(const QString &orderId);

private:
    struct Change
    {
        const char *kind;
        QString providerStatus;
        QString outcome;
        QString detail;
        std::function<void(OrderRecord &)> mutate;
    };

    bool transition(PaymentState next, const Change &change);
    void recordEvent(const Change &change);
    void recordPending(const QString &rawStatus);
    void raise(Alert::Kind kind, const QString &message);
    bool beginStart();
    void probe();
    void onProbe(const GatewayResult<PaymentStatus> &result);
    bool claimAndSend(const QString &why, bool newAttempt = false);
    void send();
    bool retryStartLater(const GatewayError &error);
    void onStarted(const GatewayResult<PaymentSession> &result);
    void onStatus(const GatewayResult<PaymentStatus> &result);
    void handleStatus(const GatewayResult<PaymentStatus> &result);
    void onStatusValue(const PaymentStatus &status);
    void beginWatching();
    void schedule(qint64 retryAfterMs);
    void poll();
    void sendStatusQuery();
    bool keepWatching() const;
    void conclude();
    void finish();
    QDateTime deadline() const;
    QDateTime now() const { return m_clock.nowUtc(); }

    OrderRecord m_order;
    PaymentGateway *m_gateway;
    Ledger &m_ledger;
    PollPolicy m_policy;
    const Clock &m_clock;
    QTimer m_timer;
    QRandomGenerator m_random;
    qint64 m_watchStartMs = 0;
    qint64 m_lastDelayMs = 0;
    int m_checksSinceWatch = 0;
    int m_unansweredChecks = 0;      // consecutive checks the gateway did not answer
    bool m_pendingAfterExpiry = false; // the gateway said "pending" after the expiry
    bool m_inFlight = false;
    QPointer<StatusQueue> m_statusQueue; // may go first when the engine is destroyed
    bool m_holdsStatusSlot = false; // a status query of ours is on the wire through m_statusQueue
    bool m_finished = false;
    // Starting (initiate): the mobile to send, how to treat what the gateway has, until when
    // (monotonic ms) transient errors are tried again, and whether a request may have arrived.
    QTimer m_startTimer;
    std::optional<PhoneNumber> m_mobile;
    StartMode m_startMode = StartMode::Pay;
    qint64 m_startUntilMs = 0;
    int m_startAttempts = 0;
    bool m_startMaybeApplied = false;
    QString m_attemptTxnId; // the id sent with this attempt, where the client names transactions
    bool m_startPending = false; // initiate() arrived while a query was on the wire
    QString m_lastPendingStatus;    // the last "still pending" written to the ledger ...
    qint64 m_lastPendingWriteMs = 0; // ... and when (monotonic)
};
