#include "GuiStartup.h"

#include "app/gui/terminal/Terminal.h"
#include "ui/CashierWindow.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The app's start-up order: the window first, then the terminal plugin (the real
// counterpay_terminal module from the build tree) with the ledger, gateways and demo sandbox,
// then the engine attached. A missing plugin or a ledger that cannot be opened is reported,
// and the window never gets an engine.
class tst_GuiStartup final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void aMissingTerminalPluginIsReported(); // first: a plugin, once loaded, stays loaded
    void attachesTheEngineAfterTheWindowIsUp();
    void aDamagedLedgerFailsAndLeavesPayOff();
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

QTEST_MAIN(tst_GuiStartup)
#include "tst_GuiStartup.moc"
