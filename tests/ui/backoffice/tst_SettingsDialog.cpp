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

QTEST_MAIN(tst_SettingsDialog)
#include "tst_SettingsDialog.moc"
