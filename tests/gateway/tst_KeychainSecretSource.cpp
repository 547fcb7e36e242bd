// The real OS keychain, through QtKeychain: ./scripts/test.sh runs ctest inside a private
// D-Bus session with an unlocked gnome-keyring, so this talks to a real Secret Service.
#include "gateway/profile/KeychainSecretSource.h"

#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>
#include <QSignalSpy>
#include <QTest>

#define QVERIFY_OK(expr)                                                                             \
    do {                                                                                             \
        const VoidResult result_ = (expr);                                                           \
        QVERIFY2(result_.ok(), qPrintable(result_.errorMessage()));                                  \
    } while (false)

namespace {

VoidResult wait(const std::function<void(KeychainSecretSource::Done)> &call)
{
    std::optional<VoidResult> result;
    QEventLoop loop;
    call([&result, &loop](const VoidResult &r) {
        result = r;
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(15'000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result.value_or(VoidResult(Error { QStringLiteral("timeout"), QStringLiteral("the keychain did not answer in 15 s") }));
}

} // namespace

class tst_KeychainSecretSource : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void storeThenLoadInAnotherSource();
    void absentSecretIsNotAnError();
    void emptyValueDeletes();

private:
    QString m_service;
    bool m_available = false;
};

void tst_KeychainSecretSource::initTestCase()
{
    // A service name of our own so the test never touches a real terminal's secrets.
    m_service = QStringLiteral("CounterPay-test-%1").arg(QRandomGenerator::global()->generate());
    KeychainSecretSource probe(m_service);
    const VoidResult loaded = wait([&probe](auto done) { probe.load(done); });
    m_available = loaded.ok();
    if (!m_available && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("No D-Bus session, so no Secret Service can start here; ./scripts/test.sh provides one.");
    QVERIFY2(m_available, qPrintable(loaded.errorMessage()));
}

void tst_KeychainSecretSource::storeThenLoadInAnotherSource()
{
    KeychainSecretSource writer(m_service);
    QVERIFY_OK(wait([&writer](auto done) { writer.store(SecretSource::Secret::JuspayApiKey, QStringLiteral("jp-key-123"), done); }));
    QVERIFY_OK(wait([&writer](auto done) { writer.store(SecretSource::Secret::CmComClientSecret, QStringLiteral("cm-s3cret"), done); }));

    KeychainSecretSource reader(m_service);
    QCOMPARE(reader.secret(SecretSource::Secret::JuspayApiKey), std::optional<QString>()); // nothing before load
    QVERIFY_OK(wait([&reader](auto done) { reader.load(done); }));
    QCOMPARE(reader.secret(SecretSource::Secret::JuspayApiKey), std::optional<QString>(QStringLiteral("jp-key-123")));
    QCOMPARE(reader.secret(SecretSource::Secret::CmComClientSecret), std::optional<QString>(QStringLiteral("cm-s3cret")));
}

void tst_KeychainSecretSource::absentSecretIsNotAnError()
{
    KeychainSecretSource source(m_service + QStringLiteral("-empty"));
    QVERIFY_OK(wait([&source](auto done) { source.load(done); }));
    QVERIFY(!source.secret(SecretSource::Secret::GooglePayServiceAccountFile).has_value());
}

void tst_KeychainSecretSource::emptyValueDeletes()
{
    KeychainSecretSource source(m_service);
    QVERIFY_OK(wait([&source](auto done) { source.store(SecretSource::Secret::CmComClientId, QStringLiteral("id-1"), done); }));
    QVERIFY_OK(wait([&source](auto done) { source.store(SecretSource::Secret::CmComClientId, QString(), done); }));
    KeychainSecretSource reader(m_service);
    QVERIFY_OK(wait([&reader](auto done) { reader.load(done); }));
    QVERIFY(!reader.secret(SecretSource::Secret::CmComClientId).has_value());
    // Tidy up what the other test stored.
    for (SecretSource::Secret which : { SecretSource::Secret::JuspayApiKey, SecretSource::Secret::CmComClientSecret })
        QVERIFY_OK(wait([&source, which](auto done) { source.store(which, QString(), done); }));
}

QTEST_GUILESS_MAIN(tst_KeychainSecretSource)
#include "tst_KeychainSecretSource.moc"
