#include "Till.h"

#include "BackOfficeLauncher.h"
#include "app/common/AppServices.h"
#include "backoffice/Settings.h"
#include "checkout/CheckoutEngine.h"
#include "sandbox/SandboxServer.h"
#include "ui/CashierWindow.h"

#include <algorithm>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

// What stands behind the cashier's window, opened as main() opens it: the window first, then
// the ledger, gateways, engine and demo sandbox (Till), the engine connected to the window.
// A ledger that cannot be opened is reported, and the window never gets an engine.
class tst_Till final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A fresh install: the settings (and so the first-run flag) in a folder of our own.
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toLocal8Bit());
        QStandardPaths::setTestModeEnabled(true);
    }
    void attachesTheEngineToTheWindow();
    void aSaleGoesThroughTheWindow();
    void aDamagedLedgerFailsAndLeavesPayOff();
    void demoFirstStartTypesIntoTheAmount();

private:
    QTemporaryDir m_home;
};

void tst_Till::attachesTheEngineToTheWindow()
{
    QTemporaryDir dir;
    AppOptions options;
    options.demo = true;
    options.dbPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    CashierConfig config;
    config.sound = false;
    CashierWindow window(config);
    window.show();
    Settings settings;
    Till till(settings, config.locale, window);
    QSignalSpy opened(&till, &Till::opened);
    QVERIFY(!window.hasEngine());
    till.open(options); // demo mode: no keychain to wait for, so opened at once
    QCOMPARE(opened.count(), 1);
    QVERIFY(window.hasEngine());
    QVERIFY(till.isOpen());
    QVERIFY(QFile::exists(options.dbPath));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("backOfficeButton"))->isEnabled());
    // The demo's sandbox listens on loopback only.
    QVERIFY(till.services().sandbox());
    QCOMPARE(till.services().sandbox()->baseUrl().host(), QStringLiteral("127.0.0.1"));
    // The form offers the providers in the configured order: the UPI QR first (the demo's
    // default), CM.com (no mobile, another maximum) last, never sorted by name.
    auto *providers = window.findChild<QComboBox *>(QStringLiteral("providerCombo"));
    QVERIFY(providers && providers->count() >= 2);
    QCOMPARE(providers->currentData().toString(), QStringLiteral("juspay-upi-qr"));
    QCOMPARE(providers->itemData(1).toString(), QStringLiteral("juspay-gpay"));
    QCOMPARE(providers->itemData(providers->count() - 1).toString(), QStringLiteral("cmcom"));
    // A second open() opens nothing and attaches nothing twice.
    AppServices *services = &till.services();
    till.open(options);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(&till.services(), services);
}

void tst_Till::aSaleGoesThroughTheWindow()
{
    // The whole line, as the app runs it: keys in the window, the engine behind it, the
    // customer's approval at the demo sandbox, the result back in the window.
    QTemporaryDir dir;
    AppOptions options;
    options.demo = true;
    options.dbPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    options.pollPolicy = PollPolicy().scaled(0.02);
    CashierConfig config;
    config.sound = false;
    config.locale = QLocale(QLocale::English, QLocale::India);
    CashierWindow window(config);
    window.show();
    Settings settings;
    Till till(settings, config.locale, window);
    till.open(options);
    QVERIFY(till.isOpen());
    CheckoutEngine &engine = till.services().engine();
    QSignalSpy states(&engine, &CheckoutEngine::stateChanged);
    QSignalSpy sessions(&engine, &CheckoutEngine::sessionStarted);
    window.findChild<QLineEdit *>(QStringLiteral("amountEdit"))->setText(QStringLiteral("149.50"));
    window.findChild<QLineEdit *>(QStringLiteral("mobileEdit"))->setText(QStringLiteral("98765 43210"));
    QTest::keyClick(window.findChild<QLineEdit *>(QStringLiteral("mobileEdit")), Qt::Key_Return);
    QTRY_COMPARE(window.page(), CashierWindow::Page::Payment);
    const QString orderId = window.currentOrderId();
    QVERIFY(!orderId.isEmpty());
    // The customer can act once the push has reached the phone (the session has started).
    QTRY_VERIFY_WITH_TIMEOUT(!sessions.isEmpty(), 10'000);
    QCOMPARE(sessions.first().at(0).toString(), orderId);
    // The window chose the id before pay(): the engine's very first word is about it.
    QCOMPARE(states.first().at(0).toString(), orderId);
    QVERIFY(till.services().sandbox()->approve(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(window.page(), CashierWindow::Page::Result, 15'000);
    QCOMPARE(states.last().at(0).toString(), orderId);
    QCOMPARE(states.last().at(1).value<PaymentState>(), PaymentState::Charged);
    const auto order = engine.order(orderId);
    QVERIFY(order && order.value());
    QCOMPARE(order.value()->amount.minorUnits(), 14'950);
    QCOMPARE(order.value()->provider, QStringLiteral("juspay-upi-qr")); // the default method
}

void tst_Till::aDamagedLedgerFailsAndLeavesPayOff()
{
    QTemporaryDir dir;
    AppOptions options;
    options.demo = true;
    options.dbPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    QFile file(options.dbPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("this is not a ledger\n").repeated(200));
    file.close();
    CashierWindow window{ CashierConfig() };
    Settings settings;
    Till till(settings, QLocale(), window);
    QSignalSpy failed(&till, &Till::failed);
    QSignalSpy finished(&till, &Till::opened);
    till.open(options);
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("not a CounterPay ledger")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(finished.count(), 0);
    QVERIFY(!window.hasEngine());
}

// A first start in demo mode, wired as main() wires it (the back office set up, the first-start
// check run): no wizard takes the keyboard, the cashier's keys land in the amount, and the
// DEMO banner's "Set up for real payments..." is how set-up starts.
void tst_Till::demoFirstStartTypesIntoTheAmount()
{
    QTemporaryDir dir;
    AppOptions options;
    options.demo = true;
    options.dbPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    CashierConfig config;
    config.sound = false;
    config.demo = true;
    config.locale = QLocale(QLocale::English, QLocale::India);
    CashierWindow window(config);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    Settings settings;
    Till till(settings, config.locale, window);
    till.open(options);
    QVERIFY(till.isOpen());
    BackOfficeLauncher &backOffice = till.backOffice();
    QObject::connect(&window, &CashierWindow::setupRequested, &backOffice, &BackOfficeLauncher::openSetup);
    backOffice.runFirstStartIfNeeded(); // a till that was never set up, in demo mode
    QCoreApplication::processEvents();  // the wizard opens synchronously when it opens at all
    QVERIFY(window.findChildren<QWizard *>().isEmpty());
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    auto *amount = window.findChild<QLineEdit *>(QStringLiteral("amountEdit"));
    QTRY_COMPARE(QApplication::focusWidget(), amount);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("149.50"));
    QCOMPARE(amount->text(), QStringLiteral("149.50"));

    auto *setup = window.findChild<QPushButton *>(QStringLiteral("setupButton"));
    QVERIFY(setup && setup->isVisible());
    setup->click();
    // No PIN yet (a fresh keychain, or none): the wizard; with a PIN: the back office.
    const auto setupShown = [&window] {
        if (!window.findChildren<QWizard *>().isEmpty())
            return true;
        const QList<QWidget *> windows = QApplication::topLevelWidgets();
        return std::any_of(windows.cbegin(), windows.cend(), [](const QWidget *widget) {
            return widget->isVisible() && widget->inherits("BackOfficeWindow");
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(setupShown(), 10'000);
}

QTEST_MAIN(tst_Till)
#include "tst_Till.moc"
