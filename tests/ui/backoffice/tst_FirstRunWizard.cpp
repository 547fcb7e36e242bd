#include "BackOfficeRig.h"
#include "backoffice/ManagerPin.h"
#include "ui/backoffice/FirstRunWizard.h"

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>

// The first-run wizard with the real AccessControl, Settings in an INI file and the
// MemorySecretStore: mismatched PINs never get through; Finish stores the PIN's hash and the
// gateway key in the SecretStore, the rest in Settings, and sets FirstRunDone last.
class tst_FirstRunWizard : public QObject
{
    Q_OBJECT

private slots:
    void mismatchedPinsCannotFinish();
    void finishStoresPinHashInTheSecretStore();
    void sandboxNeedsAProfileFile();

private:
    template<typename T>
    static T *child(QWidget &parent, const char *name)
    {
        return parent.findChild<T *>(QString::fromLatin1(name));
    }
    static void typePins(FirstRunWizard &wizard, const QString &pin, const QString &again);
};

void tst_FirstRunWizard::typePins(FirstRunWizard &wizard, const QString &pin, const QString &again)
{
    auto *first = child<QLineEdit>(wizard, "pinEdit");
    auto *second = child<QLineEdit>(wizard, "pinAgainEdit");
    QVERIFY(first && second);
    first->clear();
    second->clear();
    QTest::keyClicks(first, pin);
    QTest::keyClicks(second, again);
}

void tst_FirstRunWizard::mismatchedPinsCannotFinish()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    FirstRunWizard wizard(*rig.settings, rig.secrets, *rig.access);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const int pinPage = wizard.currentId();
    typePins(wizard, QStringLiteral("1234"), QStringLiteral("1243"));
    wizard.button(QWizard::NextButton)->click();
    QCOMPARE(wizard.currentId(), pinPage);
    QVERIFY2(wizard.errorText().contains(QStringLiteral("differ")), qPrintable(wizard.errorText()));

    // Too short is refused too.
    typePins(wizard, QStringLiteral("12"), QStringLiteral("12"));
    wizard.button(QWizard::NextButton)->click();
    QCOMPARE(wizard.currentId(), pinPage);

    // Even a Finish forced from code re-checks the PINs and stores nothing.
    typePins(wizard, QStringLiteral("1234"), QStringLiteral("4321"));
    wizard.accept();
    QTest::qWait(50); // asserts an absence: the refused Finish must not close the wizard later either
    QVERIFY(wizard.isVisible());
    QVERIFY(!rig.secrets.contains(SecretStore::managerPinKey()));
    QCOMPARE(rig.settings->flag(Settings::Key::FirstRunDone), false);
}

void tst_FirstRunWizard::finishStoresPinHashInTheSecretStore()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    const QString profile = rig.dir.filePath(QStringLiteral("profile.ini"));
    {
        QFile file(profile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[juspay]\nmerchant_id=shop\n");
    }
    FirstRunWizard wizard(*rig.settings, rig.secrets, *rig.access);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    typePins(wizard, QStringLiteral("975310"), QStringLiteral("975310"));
    wizard.button(QWizard::NextButton)->click();
    auto *name = child<QLineEdit>(wizard, "merchantNameEdit");
    QVERIFY(name && name->isVisible());
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Sharma General Store"));
    QTest::keyClicks(child<QPlainTextEdit>(wizard, "merchantAddressEdit"), QStringLiteral("12 MG Road, Pune"));
    wizard.button(QWizard::NextButton)->click();
    child<QRadioButton>(wizard, "sandboxRadio")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(wizard, "profilePathEdit"), profile);
    QTest::keyClicks(child<QLineEdit>(wizard, "juspayApiKeyEdit"), QStringLiteral("jp_test_key_123"));
    wizard.button(QWizard::NextButton)->click();
    QVERIFY2(wizard.errorText().isEmpty(), qPrintable(wizard.errorText()));
    QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
    QVERIFY(child<QLabel>(wizard, "summaryLabel")->text().contains(QStringLiteral("Sharma General Store")));
    QVERIFY(!child<QLabel>(wizard, "summaryLabel")->text().contains(QStringLiteral("975310")));

    wizard.button(QWizard::FinishButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.result(), int(QDialog::Accepted), 10000);

    QCOMPARE(rig.settings->flag(Settings::Key::FirstRunDone), true);
    QCOMPARE(rig.settings->string(Settings::Key::MerchantName), QStringLiteral("Sharma General Store"));
    QCOMPARE(rig.settings->string(Settings::Key::MerchantAddress), QStringLiteral("12 MG Road, Pune"));
    QCOMPARE(rig.settings->string(Settings::Key::Environment), QStringLiteral("sandbox"));
    QCOMPARE(rig.settings->string(Settings::Key::ConfigPath), profile);
    // The PIN: a PBKDF2 hash in the SecretStore that verifies, never the PIN itself.
    QVERIFY(rig.secrets.contains(SecretStore::managerPinKey()));
    const QString hash = rig.secrets.peek(SecretStore::managerPinKey());
    QVERIFY(hash.startsWith(QStringLiteral("pbkdf2-sha256$")));
    QVERIFY(ManagerPin::verify(QStringLiteral("975310"), hash));
    QVERIFY(!ManagerPin::verify(QStringLiteral("975311"), hash));
    QCOMPARE(rig.secrets.peek(QStringLiteral("juspay-api-key")), QStringLiteral("jp_test_key_123"));
    // Nothing secret reached the settings file.
    rig.settings->sync();
    QFile ini(rig.settings->fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray text = ini.readAll();
    QVERIFY(text.contains("Sharma General Store"));
    QVERIFY(!text.contains("975310"));
    QVERIFY(!text.contains("pbkdf2"));
    QVERIFY(!text.contains("jp_test_key_123"));
    // And the PIN now unlocks.
    QVERIFY(rig.unlock(QStringLiteral("975310")));
}

void tst_FirstRunWizard::sandboxNeedsAProfileFile()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    FirstRunWizard wizard(*rig.settings, rig.secrets, *rig.access);
    wizard.show();
    typePins(wizard, QStringLiteral("1357"), QStringLiteral("1357"));
    wizard.button(QWizard::NextButton)->click();
    wizard.button(QWizard::NextButton)->click();
    const int environmentPage = wizard.currentId();
    child<QRadioButton>(wizard, "productionRadio")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(wizard, "profilePathEdit"), rig.dir.filePath(QStringLiteral("missing.ini")));
    wizard.button(QWizard::NextButton)->click();
    QCOMPARE(wizard.currentId(), environmentPage);
    QVERIFY2(wizard.errorText().contains(QStringLiteral("no file")), qPrintable(wizard.errorText()));
    // Demo needs nothing more.
    child<QRadioButton>(wizard, "demoRadio")->setChecked(true);
    wizard.button(QWizard::NextButton)->click();
    QVERIFY(wizard.currentId() != environmentPage);
}

QTEST_MAIN(tst_FirstRunWizard)
#include "tst_FirstRunWizard.moc"
