// The cashier's window over a scripted checkout (FakeCheckout): no ledger, no gateway, no
// sandbox, so each rule of the window is tested alone. tst_CashierWindow and its siblings run
// the same window over the real engine and an in-process sandbox.
#include "FakeCheckout.h"

#include "ui/CashierWindow.h"
#include "ui/PaymentView.h"
#include "ui/ResultView.h"
#include "ui/SaleFeedback.h"
#include "ui/StatusIndicator.h"

#include <QLineEdit>
#include <QTest>

class tst_CashierOnFakeCheckout final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void theOrderIdIsChosenBeforePay();
    void eventsForAnotherOrderAreNotShown();
    void aRefusedPayLeavesNoOrderBehind();
    void declinedMayBeRetriedPaidMayNot();
    void aNewSaleGetsANewOrderId();

private:
    void typeAndPay(const QString &amount);
    QLineEdit *edit(const char *name) const { return m_window->findChild<QLineEdit *>(QLatin1String(name)); }

    std::unique_ptr<FakeCheckout> m_checkout;
    std::unique_ptr<CashierWindow> m_window;
};

void tst_CashierOnFakeCheckout::init()
{
    m_checkout = std::make_unique<FakeCheckout>();
    CashierConfig config;
    config.locale = QLocale(QLocale::English, QLocale::India);
    config.sound = false;
    config.speech = SaleFeedback::SpeechMode::Off;
    m_window = std::make_unique<CashierWindow>(*m_checkout, config);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_CashierOnFakeCheckout::cleanup()
{
    m_window.reset();
    m_checkout.reset();
}

void tst_CashierOnFakeCheckout::typeAndPay(const QString &amount)
{
    // The first provider offered is the checkout's first (juspay-gpay, which needs a mobile).
    QTest::keyClicks(edit("amountEdit"), amount);
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("98765 43210"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
}

void tst_CashierOnFakeCheckout::theOrderIdIsChosenBeforePay()
{
    QString idSeenDuringPay;
    m_checkout->duringPay = [this, &idSeenDuringPay](const CheckoutRequest &) {
        idSeenDuringPay = m_window->currentOrderId();
    };
    typeAndPay(QStringLiteral("149.50"));
    QCOMPARE(m_checkout->payments.size(), 1);
    const CheckoutRequest &sent = m_checkout->payments.first();
    QCOMPARE(sent.orderId, QStringLiteral("T01FAKE1"));
    QCOMPARE(idSeenDuringPay, sent.orderId); // known to the window before the engine answers
    QCOMPARE(m_window->currentOrderId(), sent.orderId);
    QCOMPARE(sent.provider, QStringLiteral("juspay-gpay"));
    QCOMPARE(sent.amount.minorUnits(), 14'950);
    QCOMPARE(sent.mobile->e164(), QStringLiteral("+919876543210"));
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
}

void tst_CashierOnFakeCheckout::eventsForAnotherOrderAreNotShown()
{
    // Another sale (a resumed order, a CLI payment) reports while this one is being sent: the
    // window must not take it for its own.
    m_checkout->duringPay = [this](const CheckoutRequest &request) {
        emit m_checkout->stateChanged(QStringLiteral("T01OTHER"), PaymentState::Charged, QString());
        emit m_checkout->stateChanged(request.orderId, PaymentState::AwaitingCustomer, QString());
    };
    typeAndPay(QStringLiteral("20"));
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    QCOMPARE(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer);
    emit m_checkout->stateChanged(QStringLiteral("T01OTHER"), PaymentState::Declined, QStringLiteral("not ours"));
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    emit m_checkout->stateChanged(m_window->currentOrderId(), PaymentState::Charged, QString());
    QCOMPARE(m_window->page(), CashierWindow::Page::Result);
    QCOMPARE(m_window->resultView()->headline(), StatusIndicator::wordsFor(PaymentState::Charged));
}

void tst_CashierOnFakeCheckout::aRefusedPayLeavesNoOrderBehind()
{
    m_checkout->refusePay = Error::make("amount_too_large", QStringLiteral("Too much for this till."));
    typeAndPay(QStringLiteral("20"));
    QCOMPARE(m_checkout->payments.size(), 1);
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    QVERIFY(m_window->currentOrderId().isEmpty()); // nothing was written: the next Pay is a new sale
    m_checkout->refusePay.reset();
    // The refusal stays by the amount until the amount is changed.
    edit("amountEdit")->clear();
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("15"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QCOMPARE(m_checkout->payments.size(), 2);
    QCOMPARE(m_checkout->payments.last().orderId, QStringLiteral("T01FAKE2"));
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
}

void tst_CashierOnFakeCheckout::declinedMayBeRetriedPaidMayNot()
{
    typeAndPay(QStringLiteral("20"));
    const QString orderId = m_window->currentOrderId();
    emit m_checkout->stateChanged(orderId, PaymentState::Declined, QStringLiteral("declined by the customer"));
    QCOMPARE(m_window->page(), CashierWindow::Page::Result);
    QTest::keyClick(m_window.get(), Qt::Key_F6);
    QCOMPARE(m_checkout->retries.size(), 1);
    QCOMPARE(m_checkout->retries.first().first, orderId); // the same order, never a second sale
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    QCOMPARE(m_checkout->payments.size(), 1);
    emit m_checkout->stateChanged(orderId, PaymentState::Charged, QString());
    QCOMPARE(m_window->page(), CashierWindow::Page::Result);
    QTest::keyClick(m_window.get(), Qt::Key_F6);
    QCOMPARE(m_checkout->retries.size(), 1); // a paid sale is never sent again
    QCOMPARE(m_window->page(), CashierWindow::Page::Result);
}

void tst_CashierOnFakeCheckout::aNewSaleGetsANewOrderId()
{
    typeAndPay(QStringLiteral("20"));
    emit m_checkout->stateChanged(QStringLiteral("T01FAKE1"), PaymentState::Charged, QString());
    QCOMPARE(m_window->page(), CashierWindow::Page::Result);
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    QVERIFY(m_window->currentOrderId().isEmpty());
    typeAndPay(QStringLiteral("30"));
    QCOMPARE(m_checkout->payments.size(), 2);
    QCOMPARE(m_checkout->payments.last().orderId, QStringLiteral("T01FAKE2"));
}

QTEST_MAIN(tst_CashierOnFakeCheckout)
#include "tst_CashierOnFakeCheckout.moc"
