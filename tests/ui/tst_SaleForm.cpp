#include "ui/SaleForm.h"

#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class tst_SaleForm final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void validSaleEnablesPay();
    void invalidAmountShowsMessage_data();
    void invalidAmountShowsMessage();
    void invalidMobileShowsMessage();
    void payShowsTheAmountUnderstood();
    void mobileOptionalForCmCom();
    void keypadTypesIntoAmount();
    void enterEmitsOnlyWhenValid();
    void busyKeepsPayDisabled();
    void ceilingRefusesWithTheLimitInMoney();
    void providerMaximumBelowTheCeilingIsNamed();
    void aboveThresholdConfirmsInWordsFirst();
    void theEnterThatOpensTheConfirmationDoesNotConfirm();
    void escapeOrNGoesBackToTheAmount_data();
    void escapeOrNGoesBackToTheAmount();
    void editingTheAmountWithdrawsTheConfirmation();
    void atOrBelowThresholdPaysAtOnce_data();
    void atOrBelowThresholdPaysAtOnce();
    void tabGoesAmountMobilePay();
    void countryPickerIsOutOfTheTabChainAndKeepsDigits();
    void sameCustomerKeyRefillsMaskedNumber();
    void typingReplacesTheSameCustomer();
    void sameCustomerIsForgottenAfterTwoMinutesAndOnLock();

private:
    QLineEdit *edit(const char *name) const { return m_form->findChild<QLineEdit *>(QLatin1String(name)); }
    QPushButton *payButton() const { return m_form->findChild<QPushButton *>(QStringLiteral("payButton")); }
    QLabel *label(const char *name) const { return m_form->findChild<QLabel *>(QLatin1String(name)); }
    QPushButton *button(const char *name) const { return m_form->findChild<QPushButton *>(QLatin1String(name)); }
    QWidget *confirmPanel() const { return m_form->findChild<QWidget *>(QStringLiteral("confirmPanel")); }
    void activate();
    // Types a sale and presses Enter in the mobile field, as the cashier does.
    void typeAndEnter(const QString &amount, const QString &mobile = QStringLiteral("98765 43210"));
    // Sends a key to whatever has the focus, as a keyboard would.
    void press(int key, bool autoRepeat = false);

    SaleForm *m_form = nullptr;
};

void tst_SaleForm::init()
{
    m_form = new SaleForm;
    m_form->configure({ QStringLiteral("juspay-gpay"), QStringLiteral("cmcom") }, Currency::inr(),
                      QLocale(QLocale::English, QLocale::India));
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form));
}

void tst_SaleForm::activate()
{
    m_form->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_form));
}

void tst_SaleForm::typeAndEnter(const QString &amount, const QString &mobile)
{
    QTest::keyClicks(edit("amountEdit"), amount);
    QTest::keyClicks(edit("mobileEdit"), mobile);
    edit("mobileEdit")->setFocus();
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
}

void tst_SaleForm::press(int key, bool autoRepeat)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    if (!autoRepeat) {
        QTest::keyClick(target, Qt::Key(key));
        return;
    }
    QKeyEvent repeat(QEvent::KeyPress, key, Qt::NoModifier, QString(), true);
    QApplication::sendEvent(target, &repeat);
}

void tst_SaleForm::cleanup()
{
    delete m_form;
    m_form = nullptr;
}

void tst_SaleForm::validSaleEnablesPay()
{
    QVERIFY(!payButton()->isEnabled());
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("1,49,999.50"));
    QVERIFY(!payButton()->isEnabled()); // Google Pay push needs the mobile
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("98765 43210"));
    QVERIFY(payButton()->isEnabled());
    const std::optional<CheckoutRequest> request = m_form->request();
    QVERIFY(request);
    QCOMPARE(request->amount.minorUnits(), 14'999'950);
    QCOMPARE(request->mobile->e164(), QStringLiteral("+919876543210"));
    QCOMPARE(request->provider, QStringLiteral("juspay-gpay"));
}

void tst_SaleForm::invalidAmountShowsMessage_data()
{
    QTest::addColumn<QString>("amount");
    QTest::newRow("three decimals") << QStringLiteral("12.345");
    QTest::newRow("letters") << QStringLiteral("12abc");
    QTest::newRow("zero") << QStringLiteral("0");
}

void tst_SaleForm::invalidAmountShowsMessage()
{
    QFETCH(QString, amount);
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("9876543210"));
    QTest::keyClicks(edit("amountEdit"), amount);
    QVERIFY(label("amountError")->isVisible());
    QVERIFY(!label("amountError")->text().isEmpty());
    QVERIFY(!payButton()->isEnabled());
    edit("amountEdit")->clear();
    QVERIFY(!label("amountError")->isVisible());
}

void tst_SaleForm::invalidMobileShowsMessage()
{
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("100"));
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("12345"));
    QVERIFY(label("mobileError")->isVisible());
    QVERIFY(!m_form->mobileError().isEmpty());
    QVERIFY(!payButton()->isEnabled());
}

void tst_SaleForm::payShowsTheAmountUnderstood()
{
    // Typed on a Hindi keyboard: Devanagari digits. Pay says the amount it will ask for.
    edit("amountEdit")->setText(QStringLiteral("\u0967\u096a\u096f.\u096b\u0966")); // QTest types ASCII only
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("98765 43210"));
    QVERIFY(payButton()->isEnabled());
    QCOMPARE(payButton()->text(), QStringLiteral("Pay \u20b9149.50 (Enter)"));
    QCOMPARE(m_form->request()->amount.minorUnits(), 14'950);
    edit("amountEdit")->setText(QStringLiteral("abc"));
    QVERIFY(!payButton()->isEnabled());
    QCOMPARE(payButton()->text(), QStringLiteral("Pay (Enter)"));
}

void tst_SaleForm::mobileOptionalForCmCom()
{
    auto *provider = m_form->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    provider->setCurrentIndex(provider->findData(QStringLiteral("cmcom")));
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("100"));
    QVERIFY(payButton()->isEnabled());
    // CM.com (Google Pay in Europe) takes euros: the symbol and the sale say so, in a till
    // that sells in rupees otherwise.
    QCOMPARE(label("currencyLabel")->text(), QStringLiteral("€"));
    QVERIFY(m_form->request());
    QCOMPARE(m_form->request()->amount.currency().code(), QStringLiteral("EUR"));
    QCOMPARE(m_form->request()->amount.minorUnits(), 10'000);
    provider->setCurrentIndex(provider->findData(QStringLiteral("juspay-gpay")));
    QCOMPARE(label("currencyLabel")->text(), QStringLiteral("₹"));
    provider->setCurrentIndex(provider->findData(QStringLiteral("cmcom")));
    // CM.com's documented maximum is 99,999,999 minor units.
    edit("amountEdit")->setText(QStringLiteral("1000000"));
    QVERIFY(!payButton()->isEnabled());
    QVERIFY(label("amountError")->isVisible());
}

void tst_SaleForm::keypadTypesIntoAmount()
{
    edit("amountEdit")->setFocus();
    for (const QString &key : { QStringLiteral("1"), QStringLiteral("4"), QStringLiteral("9"), QStringLiteral("."),
                                QStringLiteral("5"), QStringLiteral("⌫"), QStringLiteral("9") }) {
        const QList<QPushButton *> buttons = m_form->findChildren<QPushButton *>();
        const auto it = std::find_if(buttons.begin(), buttons.end(), [&key](QPushButton *b) { return b->text() == key; });
        QVERIFY2(it != buttons.end(), qPrintable(key));
        QTest::mouseClick(*it, Qt::LeftButton);
    }
    QCOMPARE(edit("amountEdit")->text(), QStringLiteral("149.9"));
}

void tst_SaleForm::enterEmitsOnlyWhenValid()
{
    QSignalSpy pay(m_form, &SaleForm::payRequested);
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("100"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    QCOMPARE(pay.count(), 0);
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("9876543210"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QCOMPARE(pay.count(), 1);
}

void tst_SaleForm::busyKeepsPayDisabled()
{
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("100"));
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("9876543210"));
    m_form->setBusy(true);
    QVERIFY(!payButton()->isEnabled());
    QSignalSpy pay(m_form, &SaleForm::payRequested);
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Enter);
    QCOMPARE(pay.count(), 0);
}

void tst_SaleForm::ceilingRefusesWithTheLimitInMoney()
{
    m_form->setLimits(20'000'000, 0); // the default: ₹2,00,000.00
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("9876543210"));
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("2,00,000.01"));
    QVERIFY(label("amountError")->isVisible());
    QCOMPARE(m_form->amountError(), QStringLiteral("⚠ The most one sale can be is ₹2,00,000.00."));
    QVERIFY(!payButton()->isEnabled());
    QVERIFY(!m_form->request());
    QSignalSpy pay(m_form, &SaleForm::payRequested);
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    QCOMPARE(pay.count(), 0);
    // The issue's ₹99,99,99,99,999.00 is refused the same way.
    edit("amountEdit")->setText(QStringLiteral("99,99,99,99,999.00"));
    QCOMPARE(m_form->amountError(), QStringLiteral("⚠ The most one sale can be is ₹2,00,000.00."));
    QVERIFY(!payButton()->isEnabled());
    // The ceiling itself is a sale.
    edit("amountEdit")->setText(QStringLiteral("2,00,000"));
    QVERIFY(!label("amountError")->isVisible());
    QVERIFY(payButton()->isEnabled());
}

void tst_SaleForm::providerMaximumBelowTheCeilingIsNamed()
{
    m_form->setLimits(2'000'000'000, 0); // a ceiling above CM.com's maximum
    auto *provider = m_form->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    provider->setCurrentIndex(provider->findData(QStringLiteral("cmcom")));
    QCOMPARE(m_form->maxMinorUnits(), Money::kCmComMaxMinorUnits);
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("10,00,000"));
    QVERIFY(!payButton()->isEnabled());
    // CM.com sells in euros: its maximum is said in euros.
    QVERIFY2(m_form->amountError().contains(QStringLiteral("can be is €9,99,999.99.")), qPrintable(m_form->amountError()));
    QVERIFY(m_form->amountError().contains(provider->currentText()));
}

void tst_SaleForm::aboveThresholdConfirmsInWordsFirst()
{
    m_form->setLimits(20'000'000, 1'000'000); // confirm above ₹10,000.00
    activate();
    QSignalSpy pay(m_form, &SaleForm::payRequested);
    typeAndEnter(QStringLiteral("14950"));
    QCOMPARE(pay.count(), 0);
    QVERIFY(m_form->isConfirming());
    QVERIFY(confirmPanel()->isVisible());
    QVERIFY(!payButton()->isVisible());
    QCOMPARE(label("confirmWords")->text(), QStringLiteral("Fourteen thousand nine hundred fifty rupees?"));
    QCOMPARE(label("confirmFigures")->text(), QStringLiteral("₹14,950.00"));
    QPushButton *yes = button("confirmYesButton");
    QCOMPARE(yes->text(), QStringLiteral("&Yes, send ₹14,950.00"));
    QTRY_VERIFY(yes->hasFocus());
    QVERIFY(yes->isEnabled());
    press(Qt::Key_Return);
    QCOMPARE(pay.count(), 1);
    QVERIFY(!m_form->isConfirming());
    QCOMPARE(m_form->request()->amount.minorUnits(), 1'495'000);

    // Y on the focused button confirms as well; a click on it too.
    edit("mobileEdit")->setFocus(); // the same sale again
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QVERIFY(m_form->isConfirming());
    QTRY_VERIFY(yes->hasFocus());
    press(Qt::Key_Y);
    QCOMPARE(pay.count(), 2);
    m_form->findChild<QPushButton *>(QStringLiteral("payButton"))->click();
    QVERIFY(m_form->isConfirming());
    QTRY_VERIFY(yes->isEnabled());
    QTest::mouseClick(yes, Qt::LeftButton);
    QCOMPARE(pay.count(), 3);
}

void tst_SaleForm::theEnterThatOpensTheConfirmationDoesNotConfirm()
{
    m_form->setLimits(20'000'000, 2'000'000);
    activate();
    QSignalSpy pay(m_form, &SaleForm::payRequested);
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("25000"));
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("9876543210"));
    edit("mobileEdit")->setFocus();
    QTest::keyPress(edit("mobileEdit"), Qt::Key_Return); // opens it
    QVERIFY(m_form->isConfirming());
    QPushButton *yes = button("confirmYesButton");
    QVERIFY(!yes->hasFocus());
    QVERIFY(!yes->isEnabled());
    // The held key repeating, the release and a habitual second Enter: none confirms.
    press(Qt::Key_Return, true);
    QTest::keyRelease(QApplication::focusWidget(), Qt::Key_Return);
    press(Qt::Key_Return);
    press(Qt::Key_Enter);
    QCOMPARE(pay.count(), 0);
    QVERIFY(m_form->isConfirming());
    // Once the button has the focus: autorepeat still does not count, a fresh press does.
    QTRY_VERIFY(yes->hasFocus());
    press(Qt::Key_Return, true);
    QCOMPARE(pay.count(), 0);
    press(Qt::Key_Return);
    QCOMPARE(pay.count(), 1);
}

void tst_SaleForm::escapeOrNGoesBackToTheAmount_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("armed");
    QTest::newRow("Esc at once") << int(Qt::Key_Escape) << false;
    QTest::newRow("Esc on Yes") << int(Qt::Key_Escape) << true;
    QTest::newRow("N on Yes") << int(Qt::Key_N) << true;
}

void tst_SaleForm::escapeOrNGoesBackToTheAmount()
{
    QFETCH(int, key);
    QFETCH(bool, armed);
    m_form->setLimits(20'000'000, 2'000'000);
    activate();
    QSignalSpy pay(m_form, &SaleForm::payRequested);
    typeAndEnter(QStringLiteral("1,49,950"));
    QVERIFY(m_form->isConfirming());
    QCOMPARE(label("confirmWords")->text(), QStringLiteral("One lakh forty-nine thousand nine hundred fifty rupees?"));
    if (armed)
        QTRY_VERIFY(button("confirmYesButton")->hasFocus());
    press(key);
    QVERIFY(!m_form->isConfirming());
    QVERIFY(payButton()->isVisible());
    QCOMPARE(pay.count(), 0);
    QVERIFY(edit("amountEdit")->hasFocus());
    QCOMPARE(edit("amountEdit")->selectedText(), QStringLiteral("1,49,950"));
    // Typing replaces the selected amount.
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("149.50"));
    QCOMPARE(edit("amountEdit")->text(), QStringLiteral("149.50"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    QCOMPARE(pay.count(), 1);
}

void tst_SaleForm::editingTheAmountWithdrawsTheConfirmation()
{
    m_form->setLimits(20'000'000, 2'000'000);
    activate();
    QSignalSpy pay(m_form, &SaleForm::payRequested);
    typeAndEnter(QStringLiteral("50000"));
    QVERIFY(m_form->isConfirming());
    edit("amountEdit")->setText(QStringLiteral("60000"));
    QVERIFY(!m_form->isConfirming());
    QCOMPARE(pay.count(), 0);
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    QVERIFY(m_form->isConfirming());
    QCOMPARE(label("confirmWords")->text(), QStringLiteral("Sixty thousand rupees?"));
}

void tst_SaleForm::atOrBelowThresholdPaysAtOnce_data()
{
    QTest::addColumn<qint64>("confirmAbove");
    QTest::addColumn<QString>("amount");
    QTest::newRow("at the threshold") << qint64(2'000'000) << QStringLiteral("20,000.00");
    QTest::newRow("below") << qint64(2'000'000) << QStringLiteral("149.50");
    QTest::newRow("0 = never") << qint64(0) << QStringLiteral("1,99,999");
}

void tst_SaleForm::atOrBelowThresholdPaysAtOnce()
{
    QFETCH(qint64, confirmAbove);
    QFETCH(QString, amount);
    m_form->setLimits(20'000'000, confirmAbove);
    QSignalSpy pay(m_form, &SaleForm::payRequested);
    typeAndEnter(amount);
    QCOMPARE(pay.count(), 1);
    QVERIFY(!m_form->isConfirming());
    QVERIFY(!confirmPanel()->isVisible());
}

void tst_SaleForm::tabGoesAmountMobilePay()
{
    activate();
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("100"));
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("9876543210"));
    m_form->focusAmount();
    QVERIFY(edit("amountEdit")->hasFocus());
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), edit("mobileEdit"));
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), payButton());
}

void tst_SaleForm::countryPickerIsOutOfTheTabChainAndKeepsDigits()
{
    activate();
    auto *country = m_form->findChild<QComboBox *>(QStringLiteral("countryCombo"));
    QCOMPARE(country->focusPolicy(), Qt::ClickFocus);
    edit("mobileEdit")->setFocus();
    press(Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), country);
    // Digits typed while the picker has the focus go to the mobile, not into the picker.
    const int region = country->currentIndex();
    QTest::keyClicks(country, QStringLiteral("98765"));
    QCOMPARE(edit("mobileEdit")->text(), QStringLiteral("98765"));
    QCOMPARE(country->currentIndex(), region);
    QCOMPARE(QApplication::focusWidget(), edit("mobileEdit"));
    // Shift+Tab from the picker goes back to the amount, Tab to the mobile.
    press(Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), country);
    press(Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), edit("amountEdit"));
    edit("mobileEdit")->setFocus();
    press(Qt::Key_Backtab);
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), edit("mobileEdit"));
}

void tst_SaleForm::sameCustomerKeyRefillsMaskedNumber()
{
    activate();
    QLabel *hint = label("lastCustomerHint");
    QVERIFY(!hint->isVisible());
    QTest::keyClick(edit("amountEdit"), Qt::Key_F3); // nobody yet: nothing happens
    QVERIFY(edit("mobileEdit")->text().isEmpty());
    QSignalSpy pay(m_form, &SaleForm::payRequested);
    typeAndEnter(QStringLiteral("100"), QStringLiteral("98765 43210"));
    QCOMPARE(pay.count(), 1);
    QVERIFY(m_form->hasLastCustomer());
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), QStringLiteral("F3: same customer (••••••3210)"));

    m_form->clear(); // the next sale
    QVERIFY(hint->isVisible());
    m_form->focusAmount();
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("250"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_F3);
    // Shown masked; the sale carries the whole number.
    QCOMPARE(edit("mobileEdit")->text(), QStringLiteral("••••••3210"));
    QVERIFY(!edit("mobileEdit")->text().contains(QStringLiteral("98765")));
    QVERIFY(!label("mobileError")->isVisible());
    QVERIFY(payButton()->isEnabled());
    QCOMPARE(m_form->request()->mobile->e164(), QStringLiteral("+919876543210"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    QCOMPARE(pay.count(), 2);
}

void tst_SaleForm::typingReplacesTheSameCustomer()
{
    typeAndEnter(QStringLiteral("100"), QStringLiteral("98765 43210"));
    m_form->clear();
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("100"));
    m_form->useLastCustomer();
    QCOMPARE(edit("mobileEdit")->text(), QStringLiteral("••••••3210"));
    // A digit starts a new number in place of the masked one.
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("91234 56789"));
    QCOMPARE(edit("mobileEdit")->text(), QStringLiteral("91234 56789"));
    QCOMPARE(m_form->request()->mobile->e164(), QStringLiteral("+919123456789"));
    // Backspace removes the masked number whole.
    m_form->useLastCustomer();
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Backspace);
    QVERIFY(edit("mobileEdit")->text().isEmpty());
    QVERIFY(!m_form->request());
}

void tst_SaleForm::sameCustomerIsForgottenAfterTwoMinutesAndOnLock()
{
    using namespace std::chrono_literals;
    QCOMPARE(m_form->lastCustomerTimeout(), std::chrono::milliseconds(2min));
    auto *timer = m_form->findChild<QTimer *>(QStringLiteral("lastCustomerTimer"));
    QVERIFY(timer);
    QVERIFY(!timer->isActive());
    m_form->setLastCustomerTimeout(50ms);
    typeAndEnter(QStringLiteral("100"), QStringLiteral("98765 43210"));
    QVERIFY(m_form->hasLastCustomer());
    QVERIFY(timer->isActive());
    QVERIFY(timer->isSingleShot());
    m_form->clear();
    m_form->useLastCustomer();
    QCOMPARE(edit("mobileEdit")->text(), QStringLiteral("••••••3210"));
    // Expired: forgotten, the hint gone, the masked number out of the field.
    QTRY_VERIFY(!m_form->hasLastCustomer());
    QVERIFY(!label("lastCustomerHint")->isVisible());
    QVERIFY(edit("mobileEdit")->text().isEmpty());
    m_form->useLastCustomer();
    QVERIFY(edit("mobileEdit")->text().isEmpty());

    // On lock (the window calls forgetLastCustomer()).
    m_form->setLastCustomerTimeout(2min);
    edit("amountEdit")->setText(QStringLiteral("100"));
    edit("mobileEdit")->setText(QStringLiteral("98765 43210"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QVERIFY(m_form->hasLastCustomer());
    m_form->forgetLastCustomer();
    QVERIFY(!m_form->hasLastCustomer());
    QVERIFY(!timer->isActive());
    QVERIFY(!label("lastCustomerHint")->isVisible());
}

QTEST_MAIN(tst_SaleForm)
#include "tst_SaleForm.moc"
