#include "core/PaymentState.h"

#include <QTest>

Q_DECLARE_METATYPE(PaymentState)

class tst_PaymentState : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void unknownNames_data();
    void unknownNames();
    void transitions_data();
    void transitions();
    void retryable();
    void paidOutcomesAndUnpaidEnds();
    void noStateTransitionsToItselfButPartialRefund();
};

void tst_PaymentState::names_data()
{
    QTest::addColumn<PaymentState>("state");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("final");

    QTest::newRow("created") << PaymentState::Created << "created" << false;
    QTest::newRow("submitting") << PaymentState::Submitting << "submitting" << false;
    QTest::newRow("awaiting_customer") << PaymentState::AwaitingCustomer << "awaiting_customer" << false;
    QTest::newRow("charged") << PaymentState::Charged << "charged" << true;
    QTest::newRow("failed") << PaymentState::Failed << "failed" << true;
    QTest::newRow("declined") << PaymentState::Declined << "declined" << true;
    QTest::newRow("expired") << PaymentState::Expired << "expired" << true;
    QTest::newRow("cancelled") << PaymentState::Cancelled << "cancelled" << true;
    QTest::newRow("unknown") << PaymentState::Unknown << "unknown" << false;
    QTest::newRow("refunded") << PaymentState::Refunded << "refunded" << true;
    QTest::newRow("partially_refunded") << PaymentState::PartiallyRefunded << "partially_refunded" << true;
}

void tst_PaymentState::names()
{
    QFETCH(PaymentState, state);
    QFETCH(QString, name);
    QFETCH(bool, final);

    QCOMPARE(PaymentStates::name(state), name);
    QCOMPARE(PaymentStates::fromName(name), std::optional<PaymentState>(state));
    QCOMPARE(PaymentStates::isFinal(state), final);
    QVERIFY(PaymentStates::all().contains(state));
}

void tst_PaymentState::unknownNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("provider status") << "CHARGED";
    QTest::newRow("upper case") << "Charged";
    QTest::newRow("empty") << "";
    QTest::newRow("synonym") << "paid";
}

void tst_PaymentState::unknownNames()
{
    QFETCH(QString, name);
    QVERIFY(!PaymentStates::fromName(name).has_value());
}

void tst_PaymentState::transitions_data()
{
    QTest::addColumn<PaymentState>("from");
    QTest::addColumn<PaymentState>("to");
    QTest::addColumn<bool>("legal");

    using S = PaymentState;
    QTest::newRow("created -> submitting") << S::Created << S::Submitting << true;
    QTest::newRow("submitting -> awaiting") << S::Submitting << S::AwaitingCustomer << true;
    QTest::newRow("submitting -> unknown (lost response)") << S::Submitting << S::Unknown << true;
    QTest::newRow("awaiting -> charged") << S::AwaitingCustomer << S::Charged << true;
    QTest::newRow("awaiting -> declined") << S::AwaitingCustomer << S::Declined << true;
    QTest::newRow("awaiting -> expired") << S::AwaitingCustomer << S::Expired << true;
    QTest::newRow("awaiting -> cancelled") << S::AwaitingCustomer << S::Cancelled << true;
    QTest::newRow("unknown -> charged") << S::Unknown << S::Charged << true;
    QTest::newRow("unknown -> awaiting") << S::Unknown << S::AwaitingCustomer << true;
    QTest::newRow("expired -> charged (late success)") << S::Expired << S::Charged << true;
    QTest::newRow("cancelled -> charged (late charge)") << S::Cancelled << S::Charged << true;
    QTest::newRow("declined -> submitting (retry)") << S::Declined << S::Submitting << true;
    QTest::newRow("charged -> refunded") << S::Charged << S::Refunded << true;
    QTest::newRow("charged -> partially refunded") << S::Charged << S::PartiallyRefunded << true;
    QTest::newRow("partial -> refunded") << S::PartiallyRefunded << S::Refunded << true;
    // Only after the gateway said it has no payment for the order (tst_CheckoutEngine proves
    // the engine looks first and attaches when it has one).
    QTest::newRow("unknown -> submitting (retry after a look-up)") << S::Unknown << S::Submitting << true;
    QTest::newRow("unknown -> refunded (refund seen at recovery)") << S::Unknown << S::Refunded << true;
    QTest::newRow("unknown -> partially refunded") << S::Unknown << S::PartiallyRefunded << true;

    QTest::newRow("created -> charged skips the gateway") << S::Created << S::Charged << false;
    QTest::newRow("created -> awaiting") << S::Created << S::AwaitingCustomer << false;
    QTest::newRow("charged -> failed") << S::Charged << S::Failed << false;
    QTest::newRow("charged -> awaiting") << S::Charged << S::AwaitingCustomer << false;
    QTest::newRow("charged -> cancelled") << S::Charged << S::Cancelled << false;
    QTest::newRow("charged -> unknown") << S::Charged << S::Unknown << false;
    QTest::newRow("refunded -> charged") << S::Refunded << S::Charged << false;
    QTest::newRow("refunded -> partially refunded") << S::Refunded << S::PartiallyRefunded << false;
    QTest::newRow("cancelled -> failed") << S::Cancelled << S::Failed << false;
    QTest::newRow("expired -> failed") << S::Expired << S::Failed << false;
    QTest::newRow("failed -> refunded") << S::Failed << S::Refunded << false;
    QTest::newRow("awaiting -> created") << S::AwaitingCustomer << S::Created << false;
}

void tst_PaymentState::retryable()
{
    using S = PaymentState;
    QList<S> retryable;
    for (S state : PaymentStates::all()) {
        if (PaymentStates::isRetryable(state))
            retryable.append(state);
    }
    // Never a sale that is paid, refunded, still waiting or cancelled by the cashier.
    QCOMPARE(retryable, (QList<S> { S::Failed, S::Declined, S::Expired, S::Unknown }));
}

void tst_PaymentState::paidOutcomesAndUnpaidEnds()
{
    using S = PaymentState;
    QList<S> paid, refundable, outcomes, unpaid;
    for (S state : PaymentStates::all()) {
        if (PaymentStates::isPaid(state))
            paid.append(state);
        if (PaymentStates::isRefundable(state))
            refundable.append(state);
        if (PaymentStates::countsAsOutcome(state))
            outcomes.append(state);
        if (PaymentStates::endedUnpaid(state))
            unpaid.append(state);
    }
    // A refunded sale was still paid (the Z report counts it, then its refund).
    QCOMPARE(paid, (QList<S> { S::Charged, S::Refunded, S::PartiallyRefunded }));
    // Only money still held can be given back.
    QCOMPARE(refundable, (QList<S> { S::Charged, S::PartiallyRefunded }));
    // Still open (created, submitting, awaiting, unknown) is not an outcome yet.
    QCOMPARE(outcomes, (QList<S> { S::Charged, S::Failed, S::Declined, S::Expired, S::Cancelled, S::Refunded,
                                   S::PartiallyRefunded }));
    QCOMPARE(unpaid, (QList<S> { S::Failed, S::Declined, S::Expired, S::Cancelled }));
}

void tst_PaymentState::transitions()
{
    QFETCH(PaymentState, from);
    QFETCH(PaymentState, to);
    QFETCH(bool, legal);
    QCOMPARE(PaymentStates::isLegalTransition(from, to), legal);
}

void tst_PaymentState::noStateTransitionsToItselfButPartialRefund()
{
    const QList<PaymentState> states = PaymentStates::all();
    QCOMPARE(states.size(), 11);
    for (PaymentState state : states) {
        const bool selfLegal = PaymentStates::isLegalTransition(state, state);
        QCOMPARE(selfLegal, state == PaymentState::PartiallyRefunded);
    }
    // Nothing leaves Refunded: it is the end of a sale's life.
    for (PaymentState to : states)
        QVERIFY(!PaymentStates::isLegalTransition(PaymentState::Refunded, to));
}

QTEST_GUILESS_MAIN(tst_PaymentState)
#include "tst_PaymentState.moc"
