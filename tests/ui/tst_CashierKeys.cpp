#include "CashierRig.h"
#include "app/common/AppServices.h"
#include "checkout/CheckoutEngine.h"
#include "sandbox/SandboxServer.h"
#include "ui/CashierWindow.h"
#include "ui/HelpOverlay.h"
#include "ui/PaymentView.h"
#include "ui/ResultView.h"
#include "ui/SaleForm.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The cashier's keyboard on the real window (real engine, in-process sandbox on 127.0.0.1, as
// tst_CashierWindow builds it): every mnemonic once per window, the Tab chain, and the amount
// confirmation with the window's own Esc and Enter in play.
class tst_CashierKeys final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void mnemonicsAreUniqueOnEveryPage();
    void duplicateMnemonicIsReportedWithBothWidgets();
    void tabChainIsAmountMobilePay();
    void mnemonicsReachTheirFields();
    void largeAmountIsConfirmedInWordsBeforeItIsSent();
    void escapeInTheConfirmationKeepsTheSale();
    void ceilingRefusesBeforeTheEngine();
    void foreignMobileAndBadNoteRefusedAtTheField();
    void sameCustomerKeyOnTheWindow();

private:
    QLineEdit *edit(const char *name) const { return m_window->findChild<QLineEdit *>(QLatin1String(name)); }
    QPushButton *button(const char *name) const { return m_window->findChild<QPushButton *>(QLatin1String(name)); }
    void typeSale(const QString &amount, const QString &mobile = QStringLiteral("98765 43210"));
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // Each mnemonic letter in the window with the widgets that carry it, when more than one.
    QStringList duplicateMnemonics() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<CashierWindow> m_window;
};

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), upper-cased; null if none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

QString describe(const QWidget *widget, const QString &text)
{
    return QStringLiteral("%1 \"%2\"").arg(widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                                                         : widget->objectName(),
                                          text);
}

} // namespace

void tst_CashierKeys::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(mnemonic(QStringLiteral("Save && &print")), QChar(u'P'));
    QCOMPARE(mnemonic(QStringLiteral("Fish && chips")), QChar());
    QCOMPARE(mnemonic(QStringLiteral("Payment m&ethod")), QChar(u'E'));
}

void tst_CashierKeys::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto services = AppServices::create(CashierRig::demoOptions(m_dir->filePath(QStringLiteral("ledger.sqlite"))));
    QVERIFY2(services.ok(), qPrintable(services.errorMessage()));
    m_services = std::move(services).value();

    const CashierConfig config = CashierRig::demoConfig(*m_services, m_services->sandbox()->baseUrl());
    // The settings' defaults: ceiling ₹2,00,000.00, confirm above ₹20,000.00.
    QCOMPARE(config.saleCeilingMinor, 20'000'000);
    QCOMPARE(config.confirmAboveMinor, 2'000'000);
    m_window = std::make_unique<CashierWindow>(m_services->engine(), config);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
}

void tst_CashierKeys::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

void tst_CashierKeys::typeSale(const QString &amount, const QString &mobile)
{
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("juspay-cred")));
    QVERIFY(combo->currentIndex() >= 0);
    QTest::keyClicks(edit("amountEdit"), amount);
    QTest::keyClicks(edit("mobileEdit"), mobile);
}

void tst_CashierKeys::press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

QStringList tst_CashierKeys::duplicateMnemonics() const
{
    QMap<QChar, QStringList> owners;
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        QString text;
        if (const auto *label = qobject_cast<const QLabel *>(widget); label && label->buddy())
            text = label->text();
        else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            text = button->text();
        else if (const auto *box = qobject_cast<const QGroupBox *>(widget))
            text = box->title();
        if (const QChar letter = mnemonic(text); !letter.isNull())
            owners[letter] << describe(widget, text);
    }
    QStringList duplicates;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1)
            duplicates << QStringLiteral("Alt+%1: %2").arg(it.key(), it.value().join(QStringLiteral(" and ")));
    }
    return duplicates;
}

void tst_CashierKeys::mnemonicsAreUniqueOnEveryPage()
{
    // Every page and overlay the window builds, with the texts each state sets.
    m_window->paymentView();
    m_window->resultView();
    m_window->helpOverlay();
    typeSale(QStringLiteral("25,000"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return); // the confirmation's buttons get their text
    QVERIFY(m_window->saleForm()->isConfirming());
    QVERIFY(!button("confirmYesButton")->text().isEmpty());
    QStringList duplicates = duplicateMnemonics();
    QVERIFY2(duplicates.isEmpty(), qPrintable(duplicates.join(u'\n')));
    // A provider without a mobile changes the mobile caption's text; still unique.
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("cmcom")));
    duplicates = duplicateMnemonics();
    QVERIFY2(duplicates.isEmpty(), qPrintable(duplicates.join(u'\n')));
}

void tst_CashierKeys::duplicateMnemonicIsReportedWithBothWidgets()
{
    // The check itself: the Alt+M twice is found and both widgets are named.
    auto *clash = new QPushButton(QStringLiteral("&Method"), m_window->saleForm());
    clash->setObjectName(QStringLiteral("clashButton"));
    const QStringList duplicates = duplicateMnemonics();
    QCOMPARE(duplicates.size(), 1);
    QVERIFY2(duplicates.first().startsWith(QStringLiteral("Alt+M: ")), qPrintable(duplicates.first()));
    QVERIFY(duplicates.first().contains(QStringLiteral("mobileCaption")));
    QVERIFY(duplicates.first().contains(QStringLiteral("clashButton")));
    delete clash;
    QVERIFY(duplicateMnemonics().isEmpty());
}

void tst_CashierKeys::tabChainIsAmountMobilePay()
{
    typeSale(QStringLiteral("100"));
    QVERIFY(button("payButton")->isEnabled());
    m_window->saleForm()->focusAmount();
    QCOMPARE(QApplication::focusWidget(), edit("amountEdit"));
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), edit("mobileEdit"));
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), button("payButton"));
    // The country picker is not in the chain, but Shift+Tab from the mobile reaches it, and
    // digits typed there land in the mobile.
    auto *country = m_window->findChild<QComboBox *>(QStringLiteral("countryCombo"));
    QWidget *step = edit("amountEdit");
    for (int i = 0; i < 50 && step != edit("mobileEdit"); ++i) {
        step = step->nextInFocusChain();
        QVERIFY(step != country || !(country->focusPolicy() & Qt::TabFocus));
    }
    press(Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), edit("mobileEdit"));
    press(Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), country);
    edit("mobileEdit")->clear();
    QTest::keyClicks(country, QStringLiteral("98765"));
    QCOMPARE(edit("mobileEdit")->text(), QStringLiteral("98765"));
    QCOMPARE(QApplication::focusWidget(), edit("mobileEdit"));
    QCOMPARE(country->currentText(), QStringLiteral("IN +91"));
}

void tst_CashierKeys::mnemonicsReachTheirFields()
{
    m_window->saleForm()->focusAmount();
    press(Qt::Key_M, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), edit("mobileEdit"));
    press(Qt::Key_C, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), m_window->findChild<QComboBox *>(QStringLiteral("countryCombo")));
    press(Qt::Key_E, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), m_window->findChild<QComboBox *>(QStringLiteral("providerCombo")));
    press(Qt::Key_A, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), edit("amountEdit"));
}

void tst_CashierKeys::largeAmountIsConfirmedInWordsBeforeItIsSent()
{
    QSignalSpy pay(m_window->saleForm(), &SaleForm::payRequested);
    typeSale(QStringLiteral("25000"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    // Not sent yet: the amount in figures and words, on the sale page.
    QCOMPARE(pay.count(), 0);
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    QVERIFY(m_window->saleForm()->isConfirming());
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("confirmWords"))->text(),
             QStringLiteral("Twenty-five thousand rupees?"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("confirmFigures"))->text(), QStringLiteral("₹25,000.00"));
    press(Qt::Key_Return); // a second Enter at once does not confirm
    QCOMPARE(pay.count(), 0);
    QPushButton *yes = button("confirmYesButton");
    QTRY_VERIFY(yes->hasFocus());
    press(Qt::Key_Return);
    QCOMPARE(pay.count(), 1);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    QVERIFY(!m_window->currentOrderId().isEmpty());
}

void tst_CashierKeys::escapeInTheConfirmationKeepsTheSale()
{
    QSignalSpy pay(m_window->saleForm(), &SaleForm::payRequested);
    typeSale(QStringLiteral("1,50,000"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QVERIFY(m_window->saleForm()->isConfirming());
    QTRY_VERIFY(button("confirmYesButton")->hasFocus());
    // The window's Esc clears the form; here it only takes the cashier back to the amount.
    press(Qt::Key_Escape);
    QVERIFY(!m_window->saleForm()->isConfirming());
    QCOMPARE(pay.count(), 0);
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    QCOMPARE(QApplication::focusWidget(), edit("amountEdit"));
    QCOMPARE(edit("amountEdit")->selectedText(), QStringLiteral("1,50,000"));
    QCOMPARE(edit("mobileEdit")->text(), QStringLiteral("98765 43210"));
    QVERIFY(m_window->currentOrderId().isEmpty());
    // Esc again, with no confirmation up, is the window's: the form is cleared.
    press(Qt::Key_Escape);
    QVERIFY(edit("amountEdit")->text().isEmpty());
}

void tst_CashierKeys::ceilingRefusesBeforeTheEngine()
{
    typeSale(QStringLiteral("99,99,99,99,999.00"));
    auto *error = m_window->findChild<QLabel *>(QStringLiteral("amountError"));
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("⚠ The most one sale can be is ₹2,00,000.00."));
    QVERIFY(!button("payButton")->isEnabled());
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    QVERIFY(m_window->currentOrderId().isEmpty());
}

// The same refusals as the CLI's (CheckoutEngine::validate), at the field, with Pay off and
// nothing sent: a push method reaches Indian mobiles only; a note is one line of at most 200.
void tst_CashierKeys::foreignMobileAndBadNoteRefusedAtTheField()
{
    typeSale(QStringLiteral("149.50"), QStringLiteral("+1 202 555 0123"));
    auto *mobileError = m_window->findChild<QLabel *>(QStringLiteral("mobileError"));
    QVERIFY(mobileError->isVisible());
    QCOMPARE(mobileError->text(), QStringLiteral("⚠ CRED (via Juspay) reaches Indian mobile numbers only (+91); +1 is not one."));
    QVERIFY(!button("payButton")->isEnabled());
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    QVERIFY(m_window->currentOrderId().isEmpty());
    // The country picker says +44 and the number is British: the same.
    edit("mobileEdit")->clear();
    auto *country = m_window->findChild<QComboBox *>(QStringLiteral("countryCombo"));
    country->setCurrentIndex(country->findData(QStringLiteral("GB")));
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("7911 123456"));
    QVERIFY2(mobileError->text().contains(QStringLiteral("+44 is not one")), qPrintable(mobileError->text()));
    QVERIFY(!button("payButton")->isEnabled());
    // An Indian number again: Pay comes back.
    country->setCurrentIndex(country->findData(QStringLiteral("IN")));
    edit("mobileEdit")->clear();
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("98765 43210"));
    QVERIFY(!mobileError->isVisible());
    QVERIFY(button("payButton")->isEnabled());

    // A note over 200 characters is refused, not cut.
    auto *note = edit("noteEdit");
    auto *noteError = m_window->findChild<QLabel *>(QStringLiteral("noteError"));
    note->setText(QString(201, u'x'));
    QCOMPARE(note->text().size(), 201);
    QVERIFY(noteError->isVisible());
    QCOMPARE(noteError->text(), QStringLiteral("⚠ The note is 201 characters long; the most is 200."));
    QVERIFY(!button("payButton")->isEnabled());
    note->setText(QStringLiteral("table\x1b 4"));
    QVERIFY2(noteError->text().contains(QStringLiteral("control character")), qPrintable(noteError->text()));
    QVERIFY(!button("payButton")->isEnabled());
    note->setText(QStringLiteral("table 4"));
    QVERIFY(!noteError->isVisible());
    QVERIFY(button("payButton")->isEnabled());
}

void tst_CashierKeys::sameCustomerKeyOnTheWindow()
{
    typeSale(QStringLiteral("100"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    press(Qt::Key_Escape); // cancel: asks once (the customer may be approving right now)
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    press(Qt::Key_Escape);
    QTRY_COMPARE(m_window->page(), CashierWindow::Page::Result);
    m_window->newSale();
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    auto *hint = m_window->findChild<QLabel *>(QStringLiteral("lastCustomerHint"));
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), QStringLiteral("F3: same customer (••••••3210)"));
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("250"));
    press(Qt::Key_F3);
    QCOMPARE(edit("mobileEdit")->text(), QStringLiteral("••••••3210"));
    QVERIFY(button("payButton")->isEnabled());
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
}

QTEST_MAIN(tst_CashierKeys)
#include "tst_CashierKeys.moc"
