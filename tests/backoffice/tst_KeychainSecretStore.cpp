// The real OS keychain through QtKeychain (Secret Service over D-Bus). ./scripts/test.sh runs
// ctest inside a private D-Bus session with an unlocked gnome-keyring, so this talks to a real
// secrets service. By hand:
//   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ctest -R tst_KeychainSecretStore'
#include "AsyncWait.h"
#include "backoffice/KeychainSecretStore.h"

#include <QRandomGenerator>
#include <QTest>

class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writeReadRemoveRead();

private:
    QString m_service;
};

void tst_KeychainSecretStore::initTestCase()
{
    // A service of our own, so the test never touches a real terminal's secrets.
    m_service = QStringLiteral("CounterPay-test-%1").arg(QRandomGenerator::global()->generate());
    KeychainSecretStore probe(m_service);
    const std::optional<Result<QString>> read
            = awaitCallback<Result<QString>>([&probe](auto done) { probe.read(QStringLiteral("probe"), done); }, 15'000);
    QVERIFY2(read.has_value(), "the keychain did not answer within 15 s");
    const bool reachable = read->ok() || read->errorCode() == QLatin1String("not_found");
    if (!reachable && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("No D-Bus session, so no Secret Service can be reached here; ./scripts/test.sh provides one.");
    QVERIFY2(reachable, qPrintable(read->errorMessage()));
}

void tst_KeychainSecretStore::writeReadRemoveRead()
{
    const QString key = SecretStore::managerPinKey();
    const QString value = QStringLiteral("pbkdf2-sha256$1000$c2FsdA==$\u0939\u093F\u0902\u0926\u0940 \U0001F511");
    KeychainSecretStore writer(m_service);
    std::optional<VoidResult> written
            = awaitCallback<VoidResult>([&](auto done) { writer.write(key, value, done); }, 15'000);
    QVERIFY(written.has_value());
    QVERIFY2(written->ok(), qPrintable(written->errorMessage()));

    KeychainSecretStore reader(m_service); // another instance: the value is in the keychain, not in memory
    std::optional<Result<QString>> read = awaitCallback<Result<QString>>([&](auto done) { reader.read(key, done); }, 15'000);
    QVERIFY(read.has_value());
    QVERIFY2(read->ok(), qPrintable(read->errorMessage()));
    QCOMPARE(read->value(), value);

    std::optional<VoidResult> removed = awaitCallback<VoidResult>([&](auto done) { reader.remove(key, done); }, 15'000);
    QVERIFY(removed.has_value());
    QVERIFY2(removed->ok(), qPrintable(removed->errorMessage()));

    read = awaitCallback<Result<QString>>([&](auto done) { writer.read(key, done); }, 15'000);
    QVERIFY(read.has_value());
    QCOMPARE(read->errorCode(), QStringLiteral("not_found"));
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_KeychainSecretStore.moc"
