#include "GuiStartup.h"

#include "app/common/AppServices.h"
#include "ui/CashierWindow.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The app's start-up order: the window first, then the ledger, gateways and demo sandbox, then
// the engine attached. A ledger that cannot be opened is reported, and the window never gets
// an engine.
class tst_GuiStartup final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
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
    QVERIFY(startup.services());
    QVERIFY(QFile::exists(options.dbPath));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("backOfficeButton"))->isEnabled());
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
    QVERIFY(!startup.services());
}

QTEST_MAIN(tst_GuiStartup)
#include "tst_GuiStartup.moc"
