#include "BackOfficeRig.h"
#include "SandboxGateways.h"
#include "ui/backoffice/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

// The settings pages with the real Settings, AccessControl and ConnectionTester against the
// in-process sandbox over loopback.
class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void testConnectionSaysWhatIsWrong();
    void loadsAndSavesEveryPage();
    void changePinNeedsTheSameTwice();
    void pollCapUnderFirstIsRefused();
};

void tst_SettingsDialog::testConnectionSaysWhatIsWrong()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    SandboxGateways gateways;
    QVERIFY(gateways.started());
    SettingsDialog dialog(*rig.settings, *rig.access, { gateways.good.get(), gateways.wrongKey.get() });
    dialog.show();
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("providersTable"));
    QCOMPARE(table->rowCount(), 2);
    dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton0"))->click();
    dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton1"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.connectionResult(0).contains(QStringLiteral("Connected")), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.connectionResult(1).contains(QStringLiteral("rejected")), 15000);
    QVERIFY(!dialog.connectionResult(1).contains(QStringLiteral("not-the-key")));
}

void tst_SettingsDialog::loadsAndSavesEveryPage()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin() && rig.unlock());
    SettingsDialog dialog(*rig.settings, *rig.access, {});
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("lockoutFailuresSpin"))->value(),
             rig.settings->integer(Settings::Key::LockoutFailures));
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("pollCapSpin"))->value(),
             rig.settings->integer(Settings::Key::PollCapMs));
    dialog.findChild<QSpinBox *>(QStringLiteral("lockoutMinutesSpin"))->setValue(30);
    dialog.findChild<QSpinBox *>(QStringLiteral("pollFirstSpin"))->setValue(1500);
    dialog.findChild<QCheckBox *>(QStringLiteral("speechCheck"))->setChecked(true);
    auto *display = dialog.findChild<QComboBox *>(QStringLiteral("customerDisplayCombo"));
    display->setCurrentIndex(display->findData(QStringLiteral("off")));
    auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    language->setCurrentIndex(language->findData(QStringLiteral("hi")));
    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QVERIFY2(dialog.save(), qPrintable(dialog.message()));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toStringList().size(), 5);
    QCOMPARE(rig.settings->integer(Settings::Key::LockoutMinutes), 30);
    QCOMPARE(rig.settings->integer(Settings::Key::PollFirstMs), 1500);
    QCOMPARE(rig.settings->flag(Settings::Key::Speech), true);
    QCOMPARE(rig.settings->string(Settings::Key::CustomerDisplay), QStringLiteral("off"));
    QCOMPARE(rig.settings->string(Settings::Key::Language), QStringLiteral("hi"));
    // Saving again changes nothing and says so.
    QVERIFY(dialog.save());
    QVERIFY(dialog.message().contains(QStringLiteral("Nothing")));
    // Undo puts the fields back to what is stored.
    dialog.findChild<QSpinBox *>(QStringLiteral("lockoutMinutesSpin"))->setValue(45);
    dialog.load();
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("lockoutMinutesSpin"))->value(), 30);
}

void tst_SettingsDialog::changePinNeedsTheSameTwice()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin() && rig.unlock());
    SettingsDialog dialog(*rig.settings, *rig.access, {});
    dialog.show();
    auto *pin = dialog.findChild<QLineEdit *>(QStringLiteral("newPinEdit"));
    auto *again = dialog.findChild<QLineEdit *>(QStringLiteral("newPinAgainEdit"));
    auto *change = dialog.findChild<QPushButton *>(QStringLiteral("changePinButton"));
    QTest::keyClicks(pin, QStringLiteral("8642"));
    QTest::keyClicks(again, QStringLiteral("8643"));
    change->click();
    QVERIFY(dialog.message().contains(QStringLiteral("differ")));
    again->clear();
    QTest::keyClicks(again, QStringLiteral("8642"));
    change->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.message().contains(QStringLiteral("changed")), 5000);
    rig.access->lock();
    QVERIFY(!rig.unlock(kRigPin));
    QVERIFY(rig.unlock(QStringLiteral("8642")));
}

// The back office's polling page obeys the same rule as the CLI's --poll (core/PollLimits.h):
// no first check under 250 ms, no cap under the first check; one line, nothing written.
void tst_SettingsDialog::pollCapUnderFirstIsRefused()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin() && rig.unlock());
    SettingsDialog dialog(*rig.settings, *rig.access, {});
    auto *first = dialog.findChild<QSpinBox *>(QStringLiteral("pollFirstSpin"));
    auto *cap = dialog.findChild<QSpinBox *>(QStringLiteral("pollCapSpin"));
    QCOMPARE(first->minimum(), 250);
    const int firstBefore = rig.settings->integer(Settings::Key::PollFirstMs);
    const int capBefore = rig.settings->integer(Settings::Key::PollCapMs);
    first->setValue(3000);
    cap->setValue(cap->minimum()); // 1000 ms: under the first check
    dialog.findChild<QSpinBox *>(QStringLiteral("lockoutMinutesSpin"))->setValue(31);
    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QVERIFY(!dialog.save());
    QCOMPARE(saved.count(), 0);
    QVERIFY2(dialog.message().contains(QStringLiteral("polling/capMs must be at least polling/firstMs (3000 ms)")),
             qPrintable(dialog.message()));
    QVERIFY(!dialog.message().contains(u'\n'));
    QCOMPARE(rig.settings->integer(Settings::Key::PollFirstMs), firstBefore);
    QCOMPARE(rig.settings->integer(Settings::Key::PollCapMs), capBefore);
    QVERIFY(rig.settings->integer(Settings::Key::LockoutMinutes) != 31); // nothing half-saved
    // A cap at the first check is fine.
    cap->setValue(3000);
    QVERIFY2(dialog.save(), qPrintable(dialog.message()));
    QCOMPARE(rig.settings->integer(Settings::Key::PollCapMs), 3000);
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_SettingsDialog.moc"
