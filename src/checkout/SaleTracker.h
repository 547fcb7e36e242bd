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

    // Sends the payment request, once: only an order still in `created` (or one being
    // retried from failed/declined/expired) is sent; anything else is watched instead.
    void initiate(const std::optional<PhoneNumber> &mobile);
    // Status queries only, never a new payment: recovery, `status`, a second Pay.
    void watch();
    // As watch(), with the first check delayed by `delayMs` (recovery spreads its checks).
    void watchAfter(qint64 delayMs);
    // The cashier gave up. Checks continue quietly until the provider's expiry so a late
    // charge is still caught and flagged.
    VoidResult cancel(const QString &reason);
    // Ask now (the customer said "done", or the web view reached the return URL).
    void checkNow();

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
    void raise(Alert::Kind kind, const QString &message);
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
    PaymentGateway &m_gateway;
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
};
