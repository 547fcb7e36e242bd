#include "core/PaymentStateMachine.h"

#include <QRegularExpression>
#include <QTest>

class tst_PaymentStateMachine : public QObject
{
    Q_OBJECT

private slots:
    void happyPath();
    void illegalTransitionIsRefusedAndLogged();
    void retryAfterDeclineAndLateCharge();
};

void tst_PaymentStateMachine::happyPath()
{
    PaymentStateMachine machine(PaymentState::Created, QStringLiteral("T01ABC"));
    QVERIFY(machine.transitionTo(PaymentState::Submitting, u"pay pressed"));
    QVERIFY(machine.transitionTo(PaymentState::AwaitingCustomer, u"PENDING_VBV"));
    QVERIFY(!machine.isFinal());
    QVERIFY(machine.transitionTo(PaymentState::Charged, u"CHARGED"));
    QVERIFY(machine.isFinal());
    QCOMPARE(machine.state(), PaymentState::Charged);
}

void tst_PaymentStateMachine::illegalTransitionIsRefusedAndLogged()
{
    PaymentStateMachine machine(PaymentState::Charged, QStringLiteral("T01ABC"));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                                 "refused illegal transition charged -> failed for order T01ABC")));
    QVERIFY(!machine.transitionTo(PaymentState::Failed, u"late FAILURE"));
    QCOMPARE(machine.state(), PaymentState::Charged);

    PaymentStateMachine fresh;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("created -> charged")));
    QVERIFY(!fresh.transitionTo(PaymentState::Charged));
    QCOMPARE(fresh.state(), PaymentState::Created);
}

void tst_PaymentStateMachine::retryAfterDeclineAndLateCharge()
{
    PaymentStateMachine machine(PaymentState::AwaitingCustomer);
    QVERIFY(machine.transitionTo(PaymentState::Declined));
    QVERIFY(machine.transitionTo(PaymentState::Submitting, u"retry, same order"));
    QVERIFY(machine.transitionTo(PaymentState::AwaitingCustomer));
    QVERIFY(machine.transitionTo(PaymentState::Cancelled, u"cashier pressed Esc"));
    QVERIFY(machine.transitionTo(PaymentState::Charged, u"late CHARGED from the gateway"));
    QVERIFY(machine.transitionTo(PaymentState::PartiallyRefunded));
    QVERIFY(machine.transitionTo(PaymentState::PartiallyRefunded));
    QVERIFY(machine.transitionTo(PaymentState::Refunded));
}

QTEST_GUILESS_MAIN(tst_PaymentStateMachine)
#include "tst_PaymentStateMachine.moc"
