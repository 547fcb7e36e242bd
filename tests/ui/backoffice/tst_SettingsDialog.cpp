#include "BackOfficeRig.h"
#include "SandboxGateways.h"
#include "ui/backoffice/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QTemporaryFile>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
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
    void shopFieldsSaveOrNothingIsWritten();
    void keysGoToTheKeychainAndAreNeverShown();
    void speechChoiceByKeyboard();
    void qrLifetimeInMinutes();
};

// "Say the amount aloud when paid": three choices in words, reached with Alt+A on its page.
void tst_SettingsDialog::speechChoiceByKeyboard()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin() && rig.unlock());
    SettingsDialog dialog(*rig.settings, *rig.access, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *speech = dialog.findChild<QComboBox *>(QStringLiteral("speechCombo"));
    QVERIFY(speech);
    QStringList labels;
    for (int i = 0; i < speech->count(); ++i)
        labels << speech->itemText(i) + u'=' + speech->itemData(i).toString();
    QCOMPARE(labels, QStringList({ QStringLiteral("For QR sales=qr"), QStringLiteral("For every sale=all"),
                                   QStringLiteral("Never=off") }));
    QCOMPARE(speech->currentText(), QStringLiteral("For QR sales"));
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("pagesTabs"));
    tabs->setCurrentWidget(dialog.findChild<QWidget *>(QStringLiteral("feedbackPage")));
    dialog.activateWindow();
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), speech);
    QTest::keyClick(speech, Qt::Key_End); // the last choice: Never
    QCOMPARE(speech->currentData().toString(), QStringLiteral("off"));
    QVERIFY2(dialog.save(), qPrintable(dialog.message()));
    QCOMPARE(rig.settings->string(Settings::Key::Speech), QStringLiteral("off"));
    QVERIFY(rig.settings->setValue(Settings::Key::Speech, QStringLiteral("all")).ok());
    dialog.load();
    QCOMPARE(speech->currentText(), QStringLiteral("For every sale"));
}

// How long a UPI QR stays payable: the spin box has the setting's own range (1 to 60 minutes).
void tst_SettingsDialog::qrLifetimeInMinutes()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin() && rig.unlock());
    SettingsDialog dialog(*rig.settings, *rig.access, {});
    auto *lifetime = dialog.findChild<QSpinBox *>(QStringLiteral("qrLifetimeSpin"));
    QVERIFY(lifetime);
    QCOMPARE(lifetime->value(), 5);
    QCOMPARE(lifetime->minimum(), 1);
    QCOMPARE(lifetime->maximum(), 60);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("qrLifetimeCaption"))->buddy(), lifetime);
    lifetime->setValue(12);
    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QVERIFY2(dialog.save(), qPrintable(dialog.message()));
    QCOMPARE(saved.first().first().toStringList(), QStringList { QStringLiteral("sale/qrLifetimeMinutes") });
    QCOMPARE(rig.settings->integer(Settings::Key::QrLifetimeMinutes), 12);
    lifetime->setValue(90); // typed past the end: the box keeps to the range
    QCOMPARE(lifetime->value(), 60);
    dialog.load();
    QCOMPARE(lifetime->value(), 12);
}

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
    auto *speech = dialog.findChild<QComboBox *>(QStringLiteral("speechCombo"));
    QCOMPARE(speech->currentData().toString(), QStringLiteral("qr")); // the default
    speech->setCurrentIndex(speech->findData(QStringLiteral("all")));
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
    QCOMPARE(rig.settings->string(Settings::Key::Speech), QStringLiteral("all"));
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

// GSTIN, time zone, the largest sale and the confirmation threshold: typed as a manager would
// (amounts in rupees, Indian grouping), stored in minor units; one bad field refuses the form
// and leaves every key as it was.
void tst_SettingsDialog::shopFieldsSaveOrNothingIsWritten()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::India));
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin() && rig.unlock());
    SettingsDialog dialog(*rig.settings, *rig.access, {});
    QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("credentialsBox"))->isHidden()); // no keychain given
    auto *gstin = dialog.findChild<QLineEdit *>(QStringLiteral("gstinEdit"));
    auto *zone = dialog.findChild<QComboBox *>(QStringLiteral("timeZoneCombo"));
    auto *ceiling = dialog.findChild<QLineEdit *>(QStringLiteral("saleCeilingEdit"));
    auto *confirm = dialog.findChild<QLineEdit *>(QStringLiteral("confirmAboveEdit"));
    QVERIFY(gstin && zone && ceiling && confirm);
    // The defaults as a manager reads them.
    QCOMPARE(ceiling->text(), QStringLiteral("₹2,00,000.00"));
    QCOMPARE(confirm->text(), QStringLiteral("₹20,000.00"));
    QCOMPARE(zone->currentData().toString(), QString());

    gstin->setText(QStringLiteral("29abcde1234f1z5"));
    zone->setCurrentIndex(zone->findData(QStringLiteral("Asia/Kolkata")));
    ceiling->setText(QStringLiteral("1,00,000"));
    confirm->setText(QStringLiteral("15000.50"));
    QVERIFY2(dialog.save(), qPrintable(dialog.message()));
    QCOMPARE(rig.settings->string(Settings::Key::Gstin), QStringLiteral("29ABCDE1234F1Z5"));
    QCOMPARE(rig.settings->string(Settings::Key::TimeZone), QStringLiteral("Asia/Kolkata"));
    QCOMPARE(rig.settings->value(Settings::Key::SaleCeilingMinor).toLongLong(), 10'000'000);
    QCOMPARE(rig.settings->value(Settings::Key::ConfirmAboveMinor).toLongLong(), 1'500'050);
    dialog.load();
    QCOMPARE(ceiling->text(), QStringLiteral("₹1,00,000.00"));
    QCOMPARE(zone->currentText(), QStringLiteral("Asia/Kolkata"));

    // A bad GSTIN with good changes elsewhere: refused in one line, nothing written.
    gstin->setText(QStringLiteral("29ABCDE1234F1Z"));
    dialog.findChild<QLineEdit *>(QStringLiteral("cashierEdit"))->setText(QStringLiteral("Priya"));
    ceiling->setText(QStringLiteral("50,000"));
    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.message().contains(QStringLiteral("GSTIN")), qPrintable(dialog.message()));
    QVERIFY(!dialog.message().contains(u'\n'));
    QCOMPARE(saved.count(), 0);
    QCOMPARE(rig.settings->string(Settings::Key::Gstin), QStringLiteral("29ABCDE1234F1Z5"));
    QVERIFY(rig.settings->string(Settings::Key::Cashier) != QStringLiteral("Priya"));
    QCOMPARE(rig.settings->value(Settings::Key::SaleCeilingMinor).toLongLong(), 10'000'000);

    // An amount that is not one, and a zone that does not exist: each named.
    gstin->setText(QStringLiteral("29ABCDE1234F1Z5"));
    ceiling->setText(QStringLiteral("lots"));
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.message().startsWith(QStringLiteral("Largest sale: ")), qPrintable(dialog.message()));
    ceiling->setText(QStringLiteral("50,000"));
    zone->setEditText(QStringLiteral("Mars/Olympus"));
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.message().contains(QStringLiteral("time zone")), qPrintable(dialog.message()));
    QCOMPARE(rig.settings->string(Settings::Key::TimeZone), QStringLiteral("Asia/Kolkata"));
    // Empty confirmation means never ask.
    zone->setCurrentIndex(0);
    confirm->clear();
    QVERIFY2(dialog.save(), qPrintable(dialog.message()));
    QCOMPARE(rig.settings->value(Settings::Key::ConfirmAboveMinor).toLongLong(), 0);
    QCOMPARE(rig.settings->string(Settings::Key::TimeZone), QString());
    QCOMPARE(rig.settings->value(Settings::Key::SaleCeilingMinor).toLongLong(), 5'000'000);
}

void tst_SettingsDialog::keysGoToTheKeychainAndAreNeverShown()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin());
    QVERIFY(!rig.secrets.contains(QStringLiteral("juspay-api-key")));
    SettingsDialog dialog(*rig.settings, *rig.access, {}, &rig.secrets);
    dialog.show();
    auto *juspay = dialog.findChild<QLineEdit *>(QStringLiteral("juspayApiKeyEdit"));
    auto *secret = dialog.findChild<QLineEdit *>(QStringLiteral("cmcomClientSecretEdit"));
    auto *google = dialog.findChild<QLineEdit *>(QStringLiteral("googleKeyEdit"));
    auto *juspayState = dialog.findChild<QLabel *>(QStringLiteral("juspayApiKeyState"));
    QVERIFY(juspay && secret && google && juspayState);
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("credentialsBox"))->isHidden()); // on the Providers page
    QCOMPARE(juspay->echoMode(), QLineEdit::Password);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QTRY_COMPARE(juspayState->text(), QStringLiteral("not set"));

    // A cashier cannot replace a key: nothing is written.
    QSignalSpy stored(&dialog, &SettingsDialog::secretsStored);
    QTest::keyClicks(juspay, QStringLiteral("key_live_first"));
    dialog.findChild<QPushButton *>(QStringLiteral("storeSecretsButton"))->click();
    QCOMPARE(stored.count(), 1);
    QCOMPARE(stored.first().first().toBool(), false);
    QVERIFY(!rig.secrets.contains(QStringLiteral("juspay-api-key")));

    // A manager stores it; the field empties and says "stored".
    QVERIFY(rig.unlock());
    dialog.findChild<QPushButton *>(QStringLiteral("storeSecretsButton"))->click();
    QTRY_COMPARE(stored.count(), 2);
    QCOMPARE(stored.last().first().toBool(), true);
    QCOMPARE(rig.secrets.peek(QStringLiteral("juspay-api-key")), QStringLiteral("key_live_first"));
    QVERIFY(juspay->text().isEmpty());
    QTRY_COMPARE(juspayState->text(), QStringLiteral("\u2714 stored"));
    QCOMPARE(rig.auditCount(QStringLiteral("secrets_changed")), 1);

    // Replacing it, with the CM.com secret and a Google key file; the Juspay field left empty
    // next time keeps the stored key.
    juspay->setText(QStringLiteral("key_live_second"));
    secret->setText(QStringLiteral("cm-secret-value"));
    QTemporaryFile keyFile;
    QVERIFY(keyFile.open());
    keyFile.write("{}");
    keyFile.flush();
    google->setText(keyFile.fileName());
    dialog.storeSecrets();
    QTRY_COMPARE(stored.count(), 3);
    QCOMPARE(stored.last().first().toBool(), true);
    QCOMPARE(rig.secrets.peek(QStringLiteral("juspay-api-key")), QStringLiteral("key_live_second"));
    QCOMPARE(rig.secrets.peek(QStringLiteral("cmcom-client-secret")), QStringLiteral("cm-secret-value"));
    QCOMPARE(rig.secrets.peek(QStringLiteral("googlepay-service-account-file")), keyFile.fileName());
    QVERIFY2(dialog.message().startsWith(QStringLiteral("Stored 3 keys")), qPrintable(dialog.message()));
    secret->setText(QStringLiteral("cm-secret-2"));
    dialog.storeSecrets();
    QTRY_COMPARE(stored.count(), 4);
    QCOMPARE(rig.secrets.peek(QStringLiteral("juspay-api-key")), QStringLiteral("key_live_second"));
    QCOMPARE(rig.secrets.peek(QStringLiteral("cmcom-client-secret")), QStringLiteral("cm-secret-2"));

    // A key file that is not there is refused before anything is written.
    google->setText(QStringLiteral("/nonexistent/key.json"));
    juspay->setText(QStringLiteral("key_live_third"));
    dialog.storeSecrets();
    QCOMPARE(stored.count(), 5);
    QCOMPARE(stored.last().first().toBool(), false);
    QVERIFY2(dialog.message().contains(QStringLiteral("/nonexistent/key.json")), qPrintable(dialog.message()));
    QCOMPARE(rig.secrets.peek(QStringLiteral("juspay-api-key")), QStringLiteral("key_live_second"));

    // No stored value reaches a widget or the audit log.
    const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        QString text;
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            text = label->text();
        QVERIFY(!text.contains(QStringLiteral("key_live_second")));
    }
    const Result<QList<AuditEntry>> audit = rig.ledger->auditLog(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC), 100);
    QVERIFY(audit.ok());
    for (const AuditEntry &entry : audit.value()) {
        QVERIFY(!entry.detail.contains(QStringLiteral("key_live")));
        QVERIFY(!entry.detail.contains(QStringLiteral("cm-secret")));
    }
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_SettingsDialog.moc"
