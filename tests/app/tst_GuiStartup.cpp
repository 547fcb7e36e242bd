#include "GuiStartup.h"

#include "app/gui/terminal/Terminal.h"
#include "ui/CashierWindow.h"

#include <algorithm>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

// The app's start-up order: the window first, then the terminal plugin (the real
// counterpay_terminal module from the build tree) with the ledger, gateways and demo sandbox,
// then the engine attached. A missing plugin or a ledger that cannot be opened is reported,
// and the window never gets an engine.
class tst_GuiStartup final : public QObject
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
    void aMissingTerminalPluginIsReported(); // first: a plugin, once loaded, stays loaded
    void attachesTheEngineAfterTheWindowIsUp();
    void aSaleGoesThroughThePlugin();
    void aDamagedLedgerFailsAndLeavesPayOff();
    void demoFirstStartTypesIntoTheAmount();

private:
    QTemporaryDir m_home;
};

void tst_GuiStartup::attachesTheEngineAfterTheWindowIsUp()
{
    QTemporaryDir dir;
    AppOptions options;
    options.demo = true;
    options.dbPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    CashierConfig config;
    config.sound = false;
    CashierWindow window(config);
    window.show();
    GuiStartup startup(options, window);
    QSignalSpy finished(&startup, &GuiStartup::finished);
    startup.start();
    QVERIFY(!window.hasEngine()); // queued: nothing is opened inside start()
    QVERIFY(!QFile::exists(options.dbPath));
    QVERIFY(finished.wait(20'000));
    QVERIFY(window.hasEngine());
    QVERIFY(startup.terminal());
    QVERIFY(QFile::exists(options.dbPath));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("backOfficeButton"))->isEnabled());
    // The demo's providers and sandbox came through the plugin.
    QVERIFY(startup.checkout().providers().contains(QStringLiteral("juspay-gpay")));
    QCOMPARE(startup.terminal()->sandboxUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(startup.checkout().parsePhone(u"98765 43210", u"IN").ok());
    // The form offers the providers in the configured order: the UPI QR first (the demo's
    // default), CM.com (no mobile, another maximum) last, never sorted by name.
    auto *providers = window.findChild<QComboBox *>(QStringLiteral("providerCombo"));
    QVERIFY(providers && providers->count() >= 2);
    QCOMPARE(providers->currentData().toString(), QStringLiteral("juspay-upi-qr"));
    QCOMPARE(providers->itemData(1).toString(), QStringLiteral("juspay-gpay"));
    QCOMPARE(providers->itemData(providers->count() - 1).toString(), QStringLiteral("cmcom"));
    // main() calls start() again from a fallback timer (a window that is never painted): a
    // second call opens nothing and attaches nothing twice.
    Terminal *terminal = startup.terminal();
    startup.start();
    QTest::qWait(200); // asserts an absence: the second start() must not finish or attach again
    QCOMPARE(finished.count(), 1);
    QCOMPARE(startup.terminal(), terminal);
}

void tst_GuiStartup::aSaleGoesThroughThePlugin()
{
    // The whole line, as the app runs it: keys in the window, the engine in the plugin, the
    // customer's approval at the plugin's sandbox, the result back in the window.
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
    GuiStartup startup(options, window);
    QSignalSpy finished(&startup, &GuiStartup::finished);
    startup.start();
    QVERIFY(finished.wait(20'000));
    QSignalSpy states(&startup.checkout(), &CheckoutPort::stateChanged);
    QSignalSpy sessions(&startup.checkout(), &CheckoutPort::sessionStarted);
    window.findChild<QLineEdit *>(QStringLiteral("amountEdit"))->setText(QStringLiteral("149.50"));
    window.findChild<QLineEdit *>(QStringLiteral("mobileEdit"))->setText(QStringLiteral("98765 43210"));
    QTest::keyClick(window.findChild<QLineEdit *>(QStringLiteral("mobileEdit")), Qt::Key_Return);
    QTRY_COMPARE(window.page(), CashierWindow::Page::Payment);
    const QString orderId = window.currentOrderId();
    QVERIFY(!orderId.isEmpty());
    // The customer can act once the push has reached the phone (the session has started).
    QTRY_VERIFY_WITH_TIMEOUT(!sessions.isEmpty(), 10'000);
    QCOMPARE(sessions.first().at(0).toString(), orderId);
    QVERIFY(startup.terminal()->actAsCustomer(orderId, true));
    QTRY_COMPARE_WITH_TIMEOUT(window.page(), CashierWindow::Page::Result, 15'000);
    QCOMPARE(states.last().at(0).toString(), orderId);
    QCOMPARE(states.last().at(1).value<PaymentState>(), PaymentState::Charged);
    const auto order = startup.checkout().order(orderId);
    QVERIFY(order && order.value());
    QCOMPARE(order.value()->amount.minorUnits(), 14'950);
    QCOMPARE(order.value()->provider, QStringLiteral("juspay-upi-qr")); // the default method
}

void tst_GuiStartup::aMissingTerminalPluginIsReported()
{
    QTemporaryDir dir;
    QTemporaryDir emptyPlugins;
    const QByteArray saved = qgetenv("COUNTERPAY_PLUGIN_PATH");
    qputenv("COUNTERPAY_PLUGIN_PATH", emptyPlugins.path().toLocal8Bit());
    AppOptions options;
    options.demo = true;
    options.dbPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    CashierWindow window{ CashierConfig() };
    GuiStartup startup(options, window);
    QSignalSpy failed(&startup, &GuiStartup::failed);
    startup.start();
    QVERIFY(failed.wait(20'000));
    qputenv("COUNTERPAY_PLUGIN_PATH", saved);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("counterpay_terminal")) && message.contains(QLatin1String("not installed")),
             qPrintable(message));
    QVERIFY(!window.hasEngine());
    QVERIFY(!QFile::exists(options.dbPath));
}

void tst_GuiStartup::aDamagedLedgerFailsAndLeavesPayOff()
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
    GuiStartup startup(options, window);
    QSignalSpy failed(&startup, &GuiStartup::failed);
    QSignalSpy finished(&startup, &GuiStartup::finished);
    startup.start();
    QVERIFY(failed.wait(20'000));
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("not a CounterPay ledger")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(finished.count(), 0);
    QVERIFY(!window.hasEngine());
}

// A first start in demo mode, wired as main() wires it (the back office set up, the first-start
// check run): no wizard takes the keyboard, the cashier's keys land in the amount, and the
// DEMO banner's "Set up for real payments..." is how set-up starts.
void tst_GuiStartup::demoFirstStartTypesIntoTheAmount()
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
    GuiStartup startup(options, window);
    QSignalSpy finished(&startup, &GuiStartup::finished);
    startup.start();
    QVERIFY(finished.wait(20'000));
    Terminal *terminal = startup.terminal();
    terminal->setUpBackOffice(config.locale, &window, [](const QString &) {});
    QObject::connect(&window, &CashierWindow::setupRequested, &window, [terminal] { terminal->openSetup(); });
    terminal->runFirstStartIfNeeded(); // a till that was never set up, in demo mode
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

QTEST_MAIN(tst_GuiStartup)
#include "tst_GuiStartup.moc"
