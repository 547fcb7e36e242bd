#include "ui/SaleForm.h"

#include <QComboBox>
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
    void mobileOptionalForCmCom();
    void keypadTypesIntoAmount();
    void enterEmitsOnlyWhenValid();
    void busyKeepsPayDisabled();
    void mobileIsNotAcceptedUntilItCanBeChecked();

private:
    QLineEdit *edit(const char *name) const { return m_form->findChild<QLineEdit *>(QLatin1String(name)); }
    QPushButton *payButton() const { return m_form->findChild<QPushButton *>(QStringLiteral("payButton")); }
    QLabel *label(const char *name) const { return m_form->findChild<QLabel *>(QLatin1String(name)); }

    SaleForm *m_form = nullptr;
};

void tst_SaleForm::init()
{
    m_form = new SaleForm;
    m_form->configure({ QStringLiteral("juspay-gpay"), QStringLiteral("cmcom") }, Currency::inr(),
                      QLocale(QLocale::English, QLocale::India));
    // What the window passes once the engine is attached (there, through CheckoutPort).
    m_form->setPhoneParser(&PhoneNumber::parse);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form));
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

void tst_SaleForm::mobileOptionalForCmCom()
{
    auto *provider = m_form->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    provider->setCurrentIndex(provider->findData(QStringLiteral("cmcom")));
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("100"));
    QVERIFY(payButton()->isEnabled());
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

void tst_SaleForm::mobileIsNotAcceptedUntilItCanBeChecked()
{
    // As the window starts: the form is up before libphonenumber is loaded with the engine.
    SaleForm early;
    early.configure({ QStringLiteral("juspay-gpay") }, Currency::inr(), QLocale(QLocale::English, QLocale::India));
    early.show();
    QVERIFY(QTest::qWaitForWindowExposed(&early));
    auto *pay = early.findChild<QPushButton *>(QStringLiteral("payButton"));
    auto *mobile = early.findChild<QLineEdit *>(QStringLiteral("mobileEdit"));
    auto *mobileError = early.findChild<QLabel *>(QStringLiteral("mobileError"));
    QTest::keyClicks(early.findChild<QLineEdit *>(QStringLiteral("amountEdit")), QStringLiteral("25"));
    // A good number, but nothing can check it yet: not a sale, and no verdict shown.
    QTest::keyClicks(mobile, QStringLiteral("98765 43210"));
    QVERIFY(!early.request());
    QVERIFY(!pay->isEnabled());
    QVERIFY(mobileError->isHidden());
    // Checked as soon as it can be: the same text is now a valid sale.
    early.setPhoneParser(&PhoneNumber::parse);
    QVERIFY(early.request());
    QVERIFY(pay->isEnabled());
    QCOMPARE(early.request()->mobile->e164(), QStringLiteral("+919876543210"));
    // And a bad number gets its message by the field.
    mobile->setText(QStringLiteral("12345"));
    QVERIFY(mobileError->isVisible());
    QVERIFY(!pay->isEnabled());
}

QTEST_MAIN(tst_SaleForm)
#include "tst_SaleForm.moc"
