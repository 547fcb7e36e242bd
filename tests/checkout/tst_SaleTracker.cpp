// One SaleTracker on its own: a real sandbox on 127.0.0.1, the real Juspay client over HTTP
// (counted by CountingGateway), a real SQLite ledger in a temporary folder, and a ManualClock
// for the tracker's notion of time (elapsed time since watching began, expiry, deadline).
// The tracker's QTimer delays are real milliseconds, so the schedule is kept short; waits are
// QSignalSpy::wait / QTRY_* on the tracker's own signals, never sleeps.
#include "CheckoutRig.h"
#include "CountingGateway.h"

#include "checkout/SaleTracker.h"
#include "core/ManualClock.h"
#include "core/OrderId.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(PaymentState)
Q_DECLARE_METATYPE(Alert)

namespace {

// No jitter, so every delay is exactly what the policy says.
PollPolicy trackerPolicy()
{
    PollPolicy policy;
    policy.firstCheckMs = 100;
    policy.phases = { { 1'000, 100 } }; // 100 ms apart while elapsed (manual clock) < 1 s
    policy.backoffFactor = 2.0;         // then 200, 400, ...
    policy.capMs = 400;                 // ... capped at 400
    policy.jitterPercent = 0;
    policy.graceAfterExpiryMs = 60'000;
    policy.defaultExpiryMs = 15 * 60'000;
    return policy;
}

// A quick schedule for the deadline tests (the schedule itself is tested above).
PollPolicy quickPolicy()
{
    PollPolicy policy = trackerPolicy();
    policy.firstCheckMs = 30;
    policy.phases = { { 600'000, 30 } };
    policy.capMs = 30;
    return policy;
}

QStringList eventOutcomes(Ledger &ledger, const QString &orderId, const QString &kind)
{
    QStringList outcomes;
    for (const OrderEvent &event : ledger.events(orderId).value()) {
        if (event.kind == kind)
            outcomes.append(event.outcome);
    }
    return outcomes;
}

QList<Alert::Kind> alertKinds(const QSignalSpy &spy)
{
    QList<Alert::Kind> kinds;
    for (const QList<QVariant> &args : spy)
        kinds.append(args.at(0).value<Alert>().kind);
    return kinds;
}

// The sandbox, gateway and ledger of a Rig, and one tracker on a fresh order in the ledger.
struct TrackerRig
{
    explicit TrackerRig(const QString &scenario, const PollPolicy &policy)
        : rig(scenario), clock(QDateTime::currentDateTimeUtc()), counting(*rig.gateway)
    {
        if (!rig.started)
            return;
        const Result<OrderId> id = OrderId::generate(u"T01");
        if (!id.ok())
            return;
        OrderRecord order;
        order.orderId = id.value().toString();
        order.terminal = QStringLiteral("T01");
        order.cashier = QStringLiteral("asha");
        order.provider = kProvider;
        order.amount = Money::fromMinorUnits(14950, Currency::inr()).value();
        const PhoneNumber mobile = PhoneNumber::parse(u"9876543210").value();
        order.phoneE164 = mobile.e164();
        order.phoneLast4 = mobile.lastFour();
        order.createdAt = clock.nowUtc();
        order.updatedAt = order.createdAt;
        OrderEvent created;
        created.orderId = order.orderId;
        created.at = order.createdAt;
        created.kind = QStringLiteral("created");
        created.toState = PaymentState::Created;
        created.outcome = QStringLiteral("ok");
        if (!rig.ledger->insertOrder(order, created).ok())
            return;
        orderId = order.orderId;
        tracker = std::make_unique<SaleTracker>(order, counting, *rig.ledger, policy, clock);
        ready = true;
    }

    void start() { tracker->initiate(PhoneNumber::parse(u"9876543210").value()); }
    PaymentState ledgerState() const { return rig.stateOf(orderId); }

    Rig rig;
    ManualClock clock;
    CountingGateway counting;
    QString orderId;
    std::unique_ptr<SaleTracker> tracker;
    bool ready = false;
};

} // namespace

class tst_SaleTracker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pollScheduleFollowsThePolicy();
    void expiredSaleEndsExpiredAtTheDeadline();
    void pendingAtTheDeadlineEndsUnknown();
    void unansweredChecksAfterTheDeadlineAreRetriedThreeTimes();
    void paidAfterTheExpiryIsALateSuccess();
    void paidBeforeTheExpiryIsNotLate();
};

void tst_SaleTracker::initTestCase()
{
    qRegisterMetaType<PaymentState>();
    qRegisterMetaType<Alert>();
}

// First check after firstCheckMs, then the phase interval while the (manual) elapsed time is in
// the phase, then x2 growth once it is past, up to the cap. Gaps are measured in real time
// between answers; a QTimer never fires early, so the lower bounds are exact; the upper bounds
// leave a full step of slack and would catch a schedule that did not stop growing at the cap.
void tst_SaleTracker::pollScheduleFollowsThePolicy()
{
    TrackerRig t(QStringLiteral("never"), trackerPolicy());
    QVERIFY(t.ready);
    QSignalSpy sessions(t.tracker.get(), &SaleTracker::sessionStarted);
    QSignalSpy finished(t.tracker.get(), &SaleTracker::finished);

    QElapsedTimer timer;
    QList<qint64> at; // real ms of each answered check since the session started
    connect(t.tracker.get(), &SaleTracker::sessionStarted, this, [&] { timer.start(); });
    connect(t.tracker.get(), &SaleTracker::statusChecked, this, [&] {
        at.append(timer.elapsed());
        // After the 3rd answer, leave the 1 s phase: the delay after the 4th answer is the
        // first one computed outside it.
        if (at.size() == 3)
            t.clock.advanceMs(2'000);
    });

    t.start();
    QVERIFY(sessions.wait(5000));
    QCOMPARE(t.counting.calls(), 0); // the first check waits firstCheckMs
    QTRY_VERIFY_WITH_TIMEOUT(at.size() >= 8, 10'000);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(t.ledgerState(), PaymentState::AwaitingCustomer);

    //                  first, phase x3,          x2,  x2,  cap, cap
    const QList<qint64> expected { 100, 100, 100, 100, 200, 400, 400, 400 };
    const QList<qint64> nextStep { 200, 200, 200, 200, 400, 800, 800, 800 };
    qint64 previous = 0;
    for (int i = 0; i < expected.size(); ++i) {
        const qint64 gap = at.at(i) - previous;
        previous = at.at(i);
        QVERIFY2(gap >= expected.at(i),
                 qPrintable(QStringLiteral("check %1: %2 ms after the previous, expected >= %3")
                                    .arg(i + 1).arg(gap).arg(expected.at(i))));
        QVERIFY2(gap < nextStep.at(i),
                 qPrintable(QStringLiteral("check %1: %2 ms after the previous, expected < %3")
                                    .arg(i + 1).arg(gap).arg(nextStep.at(i))));
    }
    // Each answered check was one status query (never a second payment request).
    QVERIFY(t.counting.calls() >= 8);
    QCOMPARE(t.counting.maxInFlight(), 1);
    QCOMPARE(t.rig.sandboxOrders().size(), 1);
}

// The gateway says expired: the sale is Expired at once but watched through the grace period
// (a late success may still come); the first check at or past expiry + grace ends it, Expired,
// and no further status query is made.
void tst_SaleTracker::expiredSaleEndsExpiredAtTheDeadline()
{
    TrackerRig t(QStringLiteral("never"), quickPolicy());
    QVERIFY(t.ready);
    QSignalSpy sessions(t.tracker.get(), &SaleTracker::sessionStarted);
    QSignalSpy checks(t.tracker.get(), &SaleTracker::statusChecked);
    QSignalSpy alerts(t.tracker.get(), &SaleTracker::alertRaised);
    QSignalSpy finished(t.tracker.get(), &SaleTracker::finished);

    t.start();
    QVERIFY(sessions.wait(5000));
    const QDateTime expiresAt = t.tracker->order().expiresAt;
    QVERIFY(expiresAt.isValid());
    QVERIFY(expiresAt > t.clock.nowUtc());

    QVERIFY(t.rig.sandbox->expire(t.orderId));
    QTRY_COMPARE_WITH_TIMEOUT(t.ledgerState(), PaymentState::Expired, 5000);
    // Still watching inside the grace period.
    const int checksWhenExpired = checks.count();
    QTRY_VERIFY_WITH_TIMEOUT(checks.count() >= checksWhenExpired + 3, 5000);
    QCOMPARE(finished.count(), 0);

    // One millisecond short of the deadline: still watching.
    t.clock.setNowUtc(expiresAt.addMSecs(quickPolicy().graceAfterExpiryMs - 1));
    const int checksBefore = checks.count();
    QTRY_VERIFY_WITH_TIMEOUT(checks.count() >= checksBefore + 2, 5000);
    QCOMPARE(finished.count(), 0);

    // At the deadline: the next answer ends the sale.
    t.clock.setNowUtc(expiresAt.addMSecs(quickPolicy().graceAfterExpiryMs));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().at(0).toString(), t.orderId);
    QCOMPARE(t.tracker->order().state, PaymentState::Expired);
    QCOMPARE(t.ledgerState(), PaymentState::Expired);
    QVERIFY(!alertKinds(alerts).contains(Alert::Kind::UnknownOutcome));

    // Polling stopped: no status query for many poll intervals (30 ms each).
    const int callsAtEnd = t.counting.calls();
    const int checksAtEnd = checks.count();
    QVERIFY(!checks.wait(500));
    QCOMPARE(t.counting.calls(), callsAtEnd);
    QCOMPARE(checks.count(), checksAtEnd);
    QCOMPARE(finished.count(), 1);
}

// Still pending when the deadline passes: the tracker does not guess. The sale is recorded as
// unknown with an UnknownOutcome alert and a "deadline" event, and polling stops.
void tst_SaleTracker::pendingAtTheDeadlineEndsUnknown()
{
    TrackerRig t(QStringLiteral("never"), quickPolicy());
    QVERIFY(t.ready);
    QSignalSpy sessions(t.tracker.get(), &SaleTracker::sessionStarted);
    QSignalSpy checks(t.tracker.get(), &SaleTracker::statusChecked);
    QSignalSpy alerts(t.tracker.get(), &SaleTracker::alertRaised);
    QSignalSpy finished(t.tracker.get(), &SaleTracker::finished);

    t.start();
    QVERIFY(sessions.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(checks.count() >= 2, 5000);
    QCOMPARE(t.ledgerState(), PaymentState::AwaitingCustomer);

    const QDateTime expiresAt = t.tracker->order().expiresAt;
    QVERIFY(expiresAt.isValid());
    const int checksAtDeadline = checks.count();
    t.clock.setNowUtc(expiresAt.addMSecs(quickPolicy().graceAfterExpiryMs));
    QVERIFY(finished.wait(5000));
    // Exactly one more (answered) check after the deadline, then it concluded.
    QCOMPARE(checks.count(), checksAtDeadline + 1);
    QCOMPARE(t.ledgerState(), PaymentState::Unknown);
    QCOMPARE(alertKinds(alerts), QList<Alert::Kind> { Alert::Kind::UnknownOutcome });
    QCOMPARE(eventOutcomes(*t.rig.ledger, t.orderId, QStringLiteral("deadline")),
             QStringList { QStringLiteral("unresolved") });

    const int callsAtEnd = t.counting.calls();
    QVERIFY(!checks.wait(500));
    QCOMPARE(t.counting.calls(), callsAtEnd);
}

// Past the deadline, a check the gateway did not answer says nothing about the order: the
// tracker asks again, but only up to 3 unanswered checks in a row, then records the sale as
// unknown. Here the sandbox goes away just as the deadline passes.
void tst_SaleTracker::unansweredChecksAfterTheDeadlineAreRetriedThreeTimes()
{
    TrackerRig t(QStringLiteral("never"), quickPolicy());
    QVERIFY(t.ready);
    QSignalSpy sessions(t.tracker.get(), &SaleTracker::sessionStarted);
    QSignalSpy alerts(t.tracker.get(), &SaleTracker::alertRaised);
    QSignalSpy failures(t.tracker.get(), &SaleTracker::gatewayFailed);
    QSignalSpy finished(t.tracker.get(), &SaleTracker::finished);

    t.start();
    QVERIFY(sessions.wait(5000));
    const QDateTime expiresAt = t.tracker->order().expiresAt;
    QVERIFY(expiresAt.isValid());

    int callsAtDeadline = -1;
    int checksSeen = 0;
    connect(t.tracker.get(), &SaleTracker::statusChecked, this, [&] {
        // After the 2nd answered check (nothing on the wire; the next one is on a timer):
        // the deadline passes and the gateway stops answering.
        if (++checksSeen == 2) {
            t.clock.setNowUtc(expiresAt.addMSecs(quickPolicy().graceAfterExpiryMs + 1));
            t.rig.sandbox.reset();
            callsAtDeadline = t.counting.calls();
        }
    });

    QVERIFY(finished.wait(20'000));
    QVERIFY(callsAtDeadline > 0);
    QCOMPARE(failures.count(), 3);
    QCOMPARE(t.counting.calls() - callsAtDeadline, 3);
    QCOMPARE(t.ledgerState(), PaymentState::Unknown);
    QCOMPARE(alertKinds(alerts), QList<Alert::Kind> { Alert::Kind::UnknownOutcome });
    QCOMPARE(eventOutcomes(*t.rig.ledger, t.orderId, QStringLiteral("deadline")),
             QStringList { QStringLiteral("unresolved") });
    // The three unanswered checks are in the journal, none as an answer about the order.
    int unanswered = 0;
    for (const OrderEvent &event : t.rig.ledger->events(t.orderId).value()) {
        if (event.kind == QLatin1String("status") && event.providerStatus.isEmpty()
            && event.outcome != QLatin1String("pending"))
            ++unanswered;
    }
    QCOMPARE(unanswered, 3);

    const int callsAtEnd = t.counting.calls();
    QVERIFY(!finished.wait(500));
    QCOMPARE(t.counting.calls(), callsAtEnd);
}

// The tracker saw the payment still pending after the provider's expiry; the customer then
// pays within the grace period: the sale is Charged (verified) and flagged as a late success.
void tst_SaleTracker::paidAfterTheExpiryIsALateSuccess()
{
    TrackerRig t(QStringLiteral("never"), quickPolicy());
    QVERIFY(t.ready);
    QSignalSpy sessions(t.tracker.get(), &SaleTracker::sessionStarted);
    QSignalSpy checks(t.tracker.get(), &SaleTracker::statusChecked);
    QSignalSpy alerts(t.tracker.get(), &SaleTracker::alertRaised);
    QSignalSpy finished(t.tracker.get(), &SaleTracker::finished);

    t.start();
    QVERIFY(sessions.wait(5000));
    const QDateTime expiresAt = t.tracker->order().expiresAt;
    QVERIFY(expiresAt.isValid());

    // Past the expiry, inside the grace period; the sandbox (on the real clock) still pending.
    t.clock.setNowUtc(expiresAt.addMSecs(1'000));
    const int checksAfterExpiry = checks.count();
    QTRY_VERIFY_WITH_TIMEOUT(checks.count() >= checksAfterExpiry + 2, 5000);
    QCOMPARE(t.ledgerState(), PaymentState::AwaitingCustomer);
    QCOMPARE(finished.count(), 0);

    QVERIFY(t.rig.sandbox->approve(t.orderId));
    QVERIFY(finished.wait(5000));
    const OrderRecord order = *t.rig.ledger->findOrder(t.orderId, PhoneAccess::Masked).value();
    QCOMPARE(order.state, PaymentState::Charged);
    QVERIFY(order.verified);
    QCOMPARE(order.amount.minorUnits(), qint64(14950));
    QCOMPARE(alertKinds(alerts), QList<Alert::Kind> { Alert::Kind::LateSuccess });
    QCOMPARE(alerts.first().at(0).value<Alert>().orderId, t.orderId);
    QCOMPARE(eventOutcomes(*t.rig.ledger, t.orderId, QStringLiteral("alert")),
             QStringList { Alert::kindName(Alert::Kind::LateSuccess) });
}

// The control for the test above: the same approval before the expiry raises no alert.
void tst_SaleTracker::paidBeforeTheExpiryIsNotLate()
{
    TrackerRig t(QStringLiteral("never"), quickPolicy());
    QVERIFY(t.ready);
    QSignalSpy sessions(t.tracker.get(), &SaleTracker::sessionStarted);
    QSignalSpy checks(t.tracker.get(), &SaleTracker::statusChecked);
    QSignalSpy alerts(t.tracker.get(), &SaleTracker::alertRaised);
    QSignalSpy finished(t.tracker.get(), &SaleTracker::finished);

    t.start();
    QVERIFY(sessions.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(checks.count() >= 2, 5000);
    QVERIFY(t.clock.nowUtc() < t.tracker->order().expiresAt);

    QVERIFY(t.rig.sandbox->approve(t.orderId));
    QVERIFY(finished.wait(5000));
    QCOMPARE(t.ledgerState(), PaymentState::Charged);
    QCOMPARE(alerts.count(), 0);
    QVERIFY(eventOutcomes(*t.rig.ledger, t.orderId, QStringLiteral("alert")).isEmpty());
}

QTEST_GUILESS_MAIN(tst_SaleTracker)
#include "tst_SaleTracker.moc"
