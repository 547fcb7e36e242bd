// The typed settings wrapper: key table and defaults, changed() only on real changes, and
// migration of the old GuiSettings keys from a fixture file that Qt 6.4's QSettings wrote with
// the old names (tests/data/backoffice/old-gui-settings.ini).
#include "backoffice/PollSettings.h"
#include "backoffice/Settings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Settings::Key)

namespace {

const QString kFixture = QStringLiteral(COUNTERPAY_TEST_DATA_DIR "/backoffice/old-gui-settings.ini");

std::unique_ptr<QSettings> iniAt(const QString &path)
{
    return std::make_unique<QSettings>(path, QSettings::IniFormat);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_Settings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaults_data();
    void defaults();
    void migratesTheOldFixture();
    void migrateTwiceIsANoOp();
    void oldDemoFlag_data();
    void oldDemoFlag();
    void newValueWinsOverOld();
    void oldSpeechFlag_data();
    void oldSpeechFlag();
    void speechChoices();
    void qrLifetimeRange_data();
    void qrLifetimeRange();
    void pollingSettingsShapeTheSchedule();
    void migrateRemovesSecretLookingKeys();
    void changedOnlyOnRealChange();
    void refusesBadValues_data();
    void refusesBadValues();
    void handEditedGarbageReadsAsDefault();
    void valuesPersist();
    void everyKeySurvivesARestart();
    void migratesTheGeneralSectionsOfVersion2();
    void noKeyLooksSecret();
    void looksSecret_data();
    void looksSecret();

private:
    QString restartedCopy() const
    {
        const QString copy = m_dir->filePath(QStringLiteral("restarted-%1.conf").arg(++m_restarts));
        return QFile::copy(m_path, copy) ? copy : QString();
    }

    mutable int m_restarts = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_Settings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("CounterPay.conf"));
}

void tst_Settings::defaults_data()
{
    QTest::addColumn<Settings::Key>("key");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("value");
    using K = Settings::Key;
    QTest::newRow("language") << K::Language << "display/language" << QVariant(QStringLiteral("en"));
    QTest::newRow("merchant") << K::MerchantName << "merchant/name" << QVariant(QStringLiteral("CounterPay demo store"));
    QTest::newRow("address") << K::MerchantAddress << "merchant/address" << QVariant(QString());
    QTest::newRow("environment") << K::Environment << "till/environment" << QVariant(QStringLiteral("demo"));
    QTest::newRow("profile") << K::ConfigPath << "till/profile" << QVariant(QString());
    QTest::newRow("first run") << K::FirstRunDone << "till/firstRunDone" << QVariant(false);
    QTest::newRow("sound") << K::Sound << "feedback/sound" << QVariant(true);
    QTest::newRow("speech") << K::Speech << "feedback/speech" << QVariant(QStringLiteral("qr"));
    QTest::newRow("customer display") << K::CustomerDisplay << "display/customerDisplay" << QVariant(QStringLiteral("auto"));
    QTest::newRow("printer") << K::PrinterName << "printer/name" << QVariant(QString());
    QTest::newRow("poll first") << K::PollFirstMs << "polling/firstMs" << QVariant(1000);
    QTest::newRow("poll cap") << K::PollCapMs << "polling/capMs" << QVariant(4400);
    QTest::newRow("poll grace") << K::PollGraceS << "polling/graceSeconds" << QVariant(120);
    QTest::newRow("lockout failures") << K::LockoutFailures << "security/lockoutFailures" << QVariant(5);
    QTest::newRow("lockout minutes") << K::LockoutMinutes << "security/lockoutMinutes" << QVariant(15);
    QTest::newRow("idle lock") << K::IdleLockMinutes << "security/idleLockMinutes" << QVariant(5);
    QTest::newRow("cashier") << K::Cashier << "till/cashier" << QVariant(QStringLiteral("cashier"));
    QTest::newRow("terminal") << K::Terminal << "till/terminal" << QVariant(QStringLiteral("T01"));
    QTest::newRow("gstin") << K::Gstin << "merchant/gstin" << QVariant(QString());
    QTest::newRow("time zone") << K::TimeZone << "merchant/timeZone" << QVariant(QString());
    QTest::newRow("sale ceiling") << K::SaleCeilingMinor << "sale/ceilingMinor" << QVariant(20'000'000);
    QTest::newRow("confirm above") << K::ConfirmAboveMinor << "sale/confirmAboveMinor" << QVariant(2'000'000);
    QTest::newRow("qr lifetime") << K::QrLifetimeMinutes << "sale/qrLifetimeMinutes" << QVariant(5);
}

void tst_Settings::defaults()
{
    QFETCH(Settings::Key, key);
    QFETCH(QString, name);
    QFETCH(QVariant, value);
    Settings settings(iniAt(m_path));
    QCOMPARE(Settings::keyName(key), name);
    QCOMPARE(settings.value(key), value);
    QCOMPARE(settings.value(key).typeId(), value.typeId());
    QCOMPARE(Settings::allKeys().size(), 23);
}

void tst_Settings::migratesTheOldFixture()
{
    QVERIFY(QFile::copy(kFixture, m_path));
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    {
        Settings settings(iniAt(m_path));
        QCOMPARE(settings.string(Settings::Key::Language), QStringLiteral("en")); // not read under the old name
        QSignalSpy changed(&settings, &Settings::changed);
        const QStringList moved = settings.migrate();
        QVERIFY2(moved.contains(QStringLiteral("ui/language -> display/language")), qPrintable(moved.join(u'\n')));
        QVERIFY(moved.contains(QStringLiteral("ui/merchantName -> merchant/name")));
        QVERIFY(moved.contains(QStringLiteral("ui/sound -> feedback/sound")));
        QVERIFY(moved.contains(QStringLiteral("ui/speech -> feedback/speech")));
        QVERIFY(moved.contains(QStringLiteral("gateway/config -> till/profile")));
        QVERIFY(moved.contains(QStringLiteral("ui/demo -> till/environment")));
        QVERIFY(moved.contains(QStringLiteral("settings/version = 4")));
        QCOMPARE(moved.size(), 7);

        QCOMPARE(settings.string(Settings::Key::Language), QStringLiteral("hi"));
        QCOMPARE(settings.string(Settings::Key::MerchantName),
                 QStringLiteral("\u0936\u0930\u094D\u092E\u093E \u091C\u0928\u0930\u0932 \u0938\u094D\u091F\u094B\u0930, Pune"));
        QCOMPARE(settings.value(Settings::Key::Sound), QVariant(false));
        QCOMPARE(settings.value(Settings::Key::Speech), QVariant(QStringLiteral("all"))); // old true: every sale
        QCOMPARE(settings.string(Settings::Key::ConfigPath), QStringLiteral("/etc/counterpay/juspay-production.ini"));
        // Demo off never becomes production by itself.
        QCOMPARE(settings.string(Settings::Key::Environment), QStringLiteral("sandbox"));
        QCOMPARE(changed.count(), 0); // migration runs before anyone listens
    }
    // On disk: new names present, old names gone, unrelated keys untouched.
    QSettings raw(m_path, QSettings::IniFormat);
    for (const char *old : { "ui/language", "ui/demo", "ui/sound", "ui/speech", "ui/merchantName", "gateway/config" })
        QVERIFY2(!raw.contains(QLatin1String(old)), old);
    QVERIFY(raw.childGroups().contains(QStringLiteral("display")));
    QVERIFY(!raw.childGroups().contains(QStringLiteral("ui")));
    QCOMPARE(raw.value(QStringLiteral("display/language")).toString(), QStringLiteral("hi"));
    QCOMPARE(raw.value(QStringLiteral("settings/version")).toInt(), 4);
    QCOMPARE(raw.value(QStringLiteral("window/geometry")).toRect(), QRect(10, 20, 800, 600));
    QCOMPARE(raw.value(QStringLiteral("lastRun")).toString(), QStringLiteral("2026-11-01"));
}

void tst_Settings::migrateTwiceIsANoOp()
{
    QVERIFY(QFile::copy(kFixture, m_path));
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    Settings(iniAt(m_path)).migrate();
    const QByteArray once = readAll(m_path);
    QVERIFY(!once.isEmpty());
    Settings again(iniAt(m_path));
    QSignalSpy changed(&again, &Settings::changed);
    QCOMPARE(again.migrate(), QStringList());
    again.sync();
    QCOMPARE(readAll(m_path), once);
    QCOMPARE(again.string(Settings::Key::Language), QStringLiteral("hi"));
    QCOMPARE(changed.count(), 0);
}

void tst_Settings::oldDemoFlag_data()
{
    QTest::addColumn<QVariant>("demo");
    QTest::addColumn<QString>("environment");
    QTest::newRow("true") << QVariant(true) << QStringLiteral("demo");
    QTest::newRow("false") << QVariant(false) << QStringLiteral("sandbox");
    QTest::newRow("garbage") << QVariant(QStringLiteral("maybe")) << QStringLiteral("demo");
}

void tst_Settings::oldDemoFlag()
{
    QFETCH(QVariant, demo);
    QFETCH(QString, environment);
    iniAt(m_path)->setValue(QStringLiteral("ui/demo"), demo);
    Settings settings(iniAt(m_path));
    settings.migrate();
    QCOMPARE(settings.string(Settings::Key::Environment), environment);
}

// Speech was a bool (default false) up to settings version 3, under ui/speech in the oldest
// builds and under feedback/speech since. True kept speaking on every sale; false becomes the
// new default, QR sales only (the old dialog saved every key, so false was usually untouched).
void tst_Settings::oldSpeechFlag_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("old");
    QTest::addColumn<QString>("speech");
    QTest::addColumn<QString>("line");
    QTest::newRow("v3 true") << "feedback/speech" << QVariant(true) << "all" << "feedback/speech = all (was yes/no)";
    QTest::newRow("v3 false") << "feedback/speech" << QVariant(false) << "qr" << "feedback/speech = qr (was yes/no)";
    QTest::newRow("v3 text true") << "feedback/speech" << QVariant(QStringLiteral("true")) << "all"
                                  << "feedback/speech = all (was yes/no)";
    QTest::newRow("v1 true") << "ui/speech" << QVariant(true) << "all" << "ui/speech -> feedback/speech";
    QTest::newRow("v1 false") << "ui/speech" << QVariant(false) << "qr" << "ui/speech -> feedback/speech";
    QTest::newRow("v1 garbage") << "ui/speech" << QVariant(QStringLiteral("loud")) << "qr"
                                << "ui/speech dropped (feedback/speech is one of: qr, all, off.)";
}

void tst_Settings::oldSpeechFlag()
{
    QFETCH(QString, name);
    QFETCH(QVariant, old);
    QFETCH(QString, speech);
    QFETCH(QString, line);
    {
        auto raw = iniAt(m_path);
        raw->setValue(name, old);
        raw->setValue(QStringLiteral("settings/version"), 3);
    }
    Settings settings(iniAt(m_path));
    const QStringList moved = settings.migrate();
    QVERIFY2(moved.contains(line), qPrintable(moved.join(u'\n')));
    QCOMPARE(settings.string(Settings::Key::Speech), speech);
    QCOMPARE(settings.migrate(), QStringList()); // converted once
    Settings reopened(iniAt(restartedCopy()));
    QCOMPARE(reopened.string(Settings::Key::Speech), speech);
    QVERIFY(!iniAt(m_path)->contains(QStringLiteral("ui/speech")));
}

void tst_Settings::speechChoices()
{
    Settings settings(iniAt(m_path));
    QCOMPARE(Settings::choices(Settings::Key::Speech),
             QStringList({ QStringLiteral("qr"), QStringLiteral("all"), QStringLiteral("off") }));
    for (const QString &word : Settings::choices(Settings::Key::Speech)) {
        QVERIFY(settings.setValue(Settings::Key::Speech, word).ok());
        QCOMPARE(settings.string(Settings::Key::Speech), word);
    }
    const VoidResult refused = settings.setValue(Settings::Key::Speech, true); // no longer yes/no
    QCOMPARE(refused.errorCode(), QStringLiteral("bad_setting_value"));
    QCOMPARE(refused.errorMessage(), QStringLiteral("feedback/speech is one of: qr, all, off."));
    QCOMPARE(settings.string(Settings::Key::Speech), QStringLiteral("off"));
}

void tst_Settings::qrLifetimeRange_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("1") << QVariant(1) << true;
    QTest::newRow("60") << QVariant(60) << true;
    QTest::newRow("15 as text") << QVariant(QStringLiteral("15")) << true;
    QTest::newRow("0") << QVariant(0) << false;
    QTest::newRow("61") << QVariant(61) << false;
    QTest::newRow("-5") << QVariant(-5) << false;
    QTest::newRow("fraction") << QVariant(QStringLiteral("2.5")) << false;
    QTest::newRow("word") << QVariant(QStringLiteral("five")) << false;
}

void tst_Settings::qrLifetimeRange()
{
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    Settings settings(iniAt(m_path));
    const VoidResult result = settings.setValue(Settings::Key::QrLifetimeMinutes, value);
    if (accepted) {
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(settings.integer(Settings::Key::QrLifetimeMinutes), value.toInt());
        return;
    }
    QCOMPARE(result.errorCode(), QStringLiteral("bad_setting_value"));
    QCOMPARE(result.errorMessage(), QStringLiteral("sale/qrLifetimeMinutes is a whole number from 1 to 60."));
    QCOMPARE(settings.integer(Settings::Key::QrLifetimeMinutes), 5);
}

// What the back office's polling page saves is the schedule the till's sales poll on.
void tst_Settings::pollingSettingsShapeTheSchedule()
{
    {
        Settings settings(iniAt(m_path));
        const PollPolicy defaults = PollSettings::policy(settings);
        QCOMPARE(defaults.firstCheckMs, PollPolicy().firstCheckMs);
        QCOMPARE(defaults.capMs, PollPolicy().capMs);
        QCOMPARE(defaults.graceAfterExpiryMs, PollPolicy().graceAfterExpiryMs);
        QVERIFY(settings.setValue(Settings::Key::PollFirstMs, 500).ok());
        QVERIFY(settings.setValue(Settings::Key::PollCapMs, 3000).ok());
        QVERIFY(settings.setValue(Settings::Key::PollGraceS, 30).ok());
    }
    Settings settings(iniAt(m_path));
    QString why;
    const PollPolicy policy = PollSettings::policy(settings, &why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(policy.firstCheckMs, 500);
    QCOMPARE(policy.capMs, 3000);
    QCOMPARE(policy.graceAfterExpiryMs, 30'000);
    QCOMPARE(policy.nextDelayMs(0, 0, -1, 0.5), 500); // the first check, without jitter

    // A file edited by hand past the dialog's checks (a cap below the first check): the
    // default schedule, and one line saying why.
    {
        auto raw = iniAt(m_path);
        raw->setValue(QStringLiteral("polling/firstMs"), 5000);
        raw->setValue(QStringLiteral("polling/capMs"), 2000);
    }
    Settings edited(iniAt(m_path));
    const PollPolicy fallback = PollSettings::policy(edited, &why);
    QCOMPARE(fallback.firstCheckMs, PollPolicy().firstCheckMs);
    QCOMPARE(fallback.capMs, PollPolicy().capMs);
    QVERIFY2(why.startsWith(QLatin1String("polling settings refused (")), qPrintable(why));
    QVERIFY2(!why.contains(u'\n'), qPrintable(why));
}

void tst_Settings::newValueWinsOverOld()
{
    {
        auto raw = iniAt(m_path);
        raw->setValue(QStringLiteral("ui/language"), QStringLiteral("hi"));
        raw->setValue(QStringLiteral("display/language"), QStringLiteral("en"));
    }
    Settings settings(iniAt(m_path));
    const QStringList moved = settings.migrate();
    QCOMPARE(settings.string(Settings::Key::Language), QStringLiteral("en"));
    QVERIFY(moved.first().startsWith(QLatin1String("ui/language removed")));
    QVERIFY(!iniAt(m_path)->contains(QStringLiteral("ui/language")));
}

void tst_Settings::migrateRemovesSecretLookingKeys()
{
    {
        auto raw = iniAt(m_path);
        raw->setValue(QStringLiteral("gateway/apiKey"), QStringLiteral("jp-live-123"));
        raw->setValue(QStringLiteral("cmcom/client_secret"), QStringLiteral("s3cret"));
        raw->setValue(QStringLiteral("merchant/name"), QStringLiteral("Shop"));
    }
    Settings settings(iniAt(m_path));
    const QStringList moved = settings.migrate();
    QVERIFY(moved.contains(QStringLiteral("gateway/apiKey removed (secrets belong in the keychain)")));
    QVERIFY(!moved.join(u' ').contains(QLatin1String("jp-live-123"))); // the value is never echoed
    settings.sync();
    const QByteArray file = readAll(m_path);
    QVERIFY(!file.contains("jp-live-123"));
    QVERIFY(!file.contains("s3cret"));
    QCOMPARE(settings.string(Settings::Key::MerchantName), QStringLiteral("Shop"));
}

void tst_Settings::changedOnlyOnRealChange()
{
    Settings settings(iniAt(m_path));
    QSignalSpy changed(&settings, &Settings::changed);
    QVERIFY(settings.setValue(Settings::Key::Sound, true).ok()); // the default: no change
    QCOMPARE(changed.count(), 0);
    QVERIFY(settings.setValue(Settings::Key::Sound, false).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().value<Settings::Key>(), Settings::Key::Sound);
    QVERIFY(settings.setValue(Settings::Key::Sound, QStringLiteral("false")).ok()); // same value, as text
    QVERIFY(settings.setValue(Settings::Key::Sound, false).ok());
    QCOMPARE(changed.count(), 1);
    QVERIFY(settings.setValue(Settings::Key::LockoutFailures, QStringLiteral("5")).ok()); // the default
    QCOMPARE(changed.count(), 1);
    QVERIFY(settings.setValue(Settings::Key::LockoutFailures, 3).ok());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(settings.integer(Settings::Key::LockoutFailures), 3);
    QCOMPARE(settings.value(Settings::Key::LockoutFailures).typeId(), int(QMetaType::Int));
    settings.reset(Settings::Key::LockoutFailures);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(settings.integer(Settings::Key::LockoutFailures), 5);
    settings.reset(Settings::Key::LockoutFailures);
    QCOMPARE(changed.count(), 3);
}

void tst_Settings::refusesBadValues_data()
{
    QTest::addColumn<Settings::Key>("key");
    QTest::addColumn<QVariant>("value");
    using K = Settings::Key;
    QTest::newRow("environment word") << K::Environment << QVariant(QStringLiteral("staging"));
    QTest::newRow("environment case") << K::Environment << QVariant(QStringLiteral("Production"));
    QTest::newRow("display word") << K::CustomerDisplay << QVariant(QStringLiteral("maybe"));
    QTest::newRow("zero failures") << K::LockoutFailures << QVariant(0);
    QTest::newRow("negative minutes") << K::LockoutMinutes << QVariant(-5);
    QTest::newRow("idle not a number") << K::IdleLockMinutes << QVariant(QStringLiteral("five"));
    QTest::newRow("idle fraction") << K::IdleLockMinutes << QVariant(QStringLiteral("2.5"));
    QTest::newRow("sound word") << K::Sound << QVariant(QStringLiteral("loud"));
    QTest::newRow("poll first too small") << K::PollFirstMs << QVariant(1);
    QTest::newRow("poll first zero") << K::PollFirstMs << QVariant(0);
    QTest::newRow("poll first under 250 ms") << K::PollFirstMs << QVariant(249);
    QTest::newRow("poll cap zero") << K::PollCapMs << QVariant(0);
}

void tst_Settings::refusesBadValues()
{
    QFETCH(Settings::Key, key);
    QFETCH(QVariant, value);
    Settings settings(iniAt(m_path));
    QSignalSpy changed(&settings, &Settings::changed);
    const QVariant before = settings.value(key);
    const VoidResult result = settings.setValue(key, value);
    QCOMPARE(result.errorCode(), QStringLiteral("bad_setting_value"));
    QVERIFY(result.errorMessage().contains(Settings::keyName(key)));
    QCOMPARE(settings.value(key), before);
    QCOMPARE(changed.count(), 0);
}

void tst_Settings::handEditedGarbageReadsAsDefault()
{
    iniAt(m_path)->setValue(QStringLiteral("security/lockoutFailures"), QStringLiteral("lots"));
    iniAt(m_path)->setValue(QStringLiteral("till/environment"), QStringLiteral("live"));
    Settings settings(iniAt(m_path));
    QCOMPARE(settings.integer(Settings::Key::LockoutFailures), 5);
    QCOMPARE(settings.string(Settings::Key::Environment), QStringLiteral("demo"));
}

void tst_Settings::valuesPersist()
{
    {
        Settings settings(iniAt(m_path));
        QVERIFY(settings.setValue(Settings::Key::MerchantAddress, QStringLiteral("12, M.G. Road\nPune 411001")).ok());
        QVERIFY(settings.setValue(Settings::Key::Environment, QStringLiteral("production")).ok());
        QVERIFY(settings.setValue(Settings::Key::IdleLockMinutes, 10).ok());
    }
    Settings reopened(iniAt(m_path));
    QCOMPARE(reopened.string(Settings::Key::MerchantAddress), QStringLiteral("12, M.G. Road\nPune 411001"));
    QCOMPARE(reopened.string(Settings::Key::Environment), QStringLiteral("production"));
    QCOMPARE(reopened.integer(Settings::Key::IdleLockMinutes), 10);
}

// A value for every key that differs from its default, so a key lost on the way reads back as
// the default and fails the comparison.
static QVariant otherValue(Settings::Key key, int round)
{
    using K = Settings::Key;
    const QString suffix = QString::number(round);
    switch (key) {
    case K::Language: return round ? QStringLiteral("hi") : QStringLiteral("en-GB");
    case K::Environment: return round ? QStringLiteral("production") : QStringLiteral("sandbox");
    case K::CustomerDisplay: return round ? QStringLiteral("off") : QStringLiteral("on");
    case K::Speech: return round ? QStringLiteral("off") : QStringLiteral("all");
    case K::Gstin: return round ? QStringLiteral("27AAPFU0939F1ZV") : QStringLiteral("29ABCDE1234F1Z5");
    case K::TimeZone: return round ? QStringLiteral("Asia/Kolkata") : QStringLiteral("Europe/Amsterdam");
    default: break;
    }
    const QVariant fallback = Settings::defaultValue(key);
    switch (fallback.typeId()) {
    case QMetaType::Bool: return !fallback.toBool();
    case QMetaType::Int: return fallback.toInt() + 1 + round;
    default: return QStringLiteral("value %1 of %2").arg(suffix, Settings::keyName(key));
    }
}

void tst_Settings::everyKeySurvivesARestart()
{
    // Every key written twice (the second value is the one that must come back), through one
    // Settings object after another as the till and the back office do, then read by a new one.
    for (int round = 0; round < 2; ++round) {
        Settings settings(iniAt(m_path));
        for (Settings::Key key : Settings::allKeys()) {
            const VoidResult written = settings.setValue(key, otherValue(key, round));
            QVERIFY2(written.ok(), qPrintable(Settings::keyName(key) + u": " + written.errorMessage()));
        }
    }
    // QSettings keeps what this process wrote in a cache; a copy under a new name is parsed
    // from the bytes on disk, as the next start of the till would.
    const QString restarted = restartedCopy();
    Settings reopened(iniAt(restarted));
    for (Settings::Key key : Settings::allKeys()) {
        const QVariant expected = otherValue(key, 1);
        QVERIFY2(reopened.value(key) == expected,
                 qPrintable(Settings::keyName(key) + u" read back as " + reopened.value(key).toString()));
    }
    const QByteArray text = readAll(m_path);
    QVERIFY2(!text.contains("[%General]"), text.constData());
    QVERIFY2(text.count("[General]") <= 1, text.constData());
    QStringList sections;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith('['))
            sections.append(QString::fromUtf8(line));
    }
    QCOMPARE(sections.size(), QSet<QString>(sections.begin(), sections.end()).size());
}

void tst_Settings::migratesTheGeneralSectionsOfVersion2()
{
    // What version 2 left behind after a few restarts: its "general/" keys written as
    // [%General], twice, and read back by Qt as "General/...".
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[%General]\nterminal=T02\ncashier=Priya\nenvironment=production\nfirstRunDone=true\n\n"
                   "[display]\nlanguage=hi\n\n[settings]\nversion=2\n\n"
                   "[%General]\ncashier=Asha\nprofile=/etc/counterpay/store.ini\n");
    }
    Settings settings(iniAt(m_path));
    QCOMPARE(settings.string(Settings::Key::Terminal), QStringLiteral("T01")); // lost before migration
    const QStringList moved = settings.migrate();
    QVERIFY2(moved.contains(QStringLiteral("General/terminal -> till/terminal")), qPrintable(moved.join(u'\n')));
    QCOMPARE(settings.string(Settings::Key::Terminal), QStringLiteral("T02"));
    QCOMPARE(settings.string(Settings::Key::Cashier), QStringLiteral("Asha")); // the later section
    QCOMPARE(settings.string(Settings::Key::Environment), QStringLiteral("production"));
    QCOMPARE(settings.flag(Settings::Key::FirstRunDone), true);
    QCOMPARE(settings.string(Settings::Key::ConfigPath), QStringLiteral("/etc/counterpay/store.ini"));
    QVERIFY(settings.migrate().isEmpty());
    Settings reopened(iniAt(restartedCopy()));
    QCOMPARE(reopened.string(Settings::Key::Terminal), QStringLiteral("T02"));
    QCOMPARE(reopened.string(Settings::Key::Cashier), QStringLiteral("Asha"));
    QVERIFY(!readAll(m_path).contains("[%General]"));
}

void tst_Settings::noKeyLooksSecret()
{
    for (Settings::Key key : Settings::allKeys())
        QVERIFY2(!Settings::looksSecret(Settings::keyName(key)), qPrintable(Settings::keyName(key)));
}

void tst_Settings::looksSecret_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    QTest::newRow("apiKey") << "gateway/apiKey" << true;
    QTest::newRow("api_key") << "juspay/api_key" << true;
    QTest::newRow("client secret") << "cmcom/clientSecret" << true;
    QTest::newRow("password") << "printer/password" << true;
    QTest::newRow("token") << "google/accessToken" << true;
    QTest::newRow("service account") << "google/serviceAccount" << true;
    QTest::newRow("pin") << "security/pin" << true;
    QTest::newRow("manager pin") << "security/manager-pin" << true;
    QTest::newRow("lockout") << "security/lockoutMinutes" << false;
    QTest::newRow("printer") << "printer/name" << false;
    QTest::newRow("spinner") << "ui/spinner" << false;
}

void tst_Settings::looksSecret()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(Settings::looksSecret(name), secret);
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_Settings.moc"
