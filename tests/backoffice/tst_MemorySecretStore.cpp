// The SecretStore test double behaves like the keychain: asynchronous, not_found, unavailable.
#include "AsyncWait.h"
#include "backoffice/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>

template<typename T, typename Call>
std::optional<T> await(Call call)
{
    return awaitCallback<T>(call, 2000);
}

class tst_MemorySecretStore : public QObject
{
    Q_OBJECT

private slots:
    void writeReadRemove();
    void callbacksComeLater();
    void unavailable();
};

void tst_MemorySecretStore::writeReadRemove()
{
    MemorySecretStore store;
    std::optional<Result<QString>> read = await<Result<QString>>([&store](auto done) { store.read(QStringLiteral("k"), done); });
    QVERIFY(read);
    QCOMPARE(read->errorCode(), QStringLiteral("not_found"));

    std::optional<VoidResult> written = await<VoidResult>([&store](auto done) { store.write(QStringLiteral("k"), QStringLiteral("v\u0939"), done); });
    QVERIFY(written && written->ok());
    read = await<Result<QString>>([&store](auto done) { store.read(QStringLiteral("k"), done); });
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), QStringLiteral("v\u0939"));

    std::optional<VoidResult> removed = await<VoidResult>([&store](auto done) { store.remove(QStringLiteral("k"), done); });
    QVERIFY(removed && removed->ok());
    QVERIFY(!store.contains(QStringLiteral("k")));
    removed = await<VoidResult>([&store](auto done) { store.remove(QStringLiteral("k"), done); });
    QVERIFY(removed && removed->ok()); // removing nothing is fine
}

void tst_MemorySecretStore::callbacksComeLater()
{
    MemorySecretStore store;
    bool called = false;
    store.write(QStringLiteral("k"), QStringLiteral("v"), [&called](const VoidResult &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY_WITH_TIMEOUT(called, 2000);
}

void tst_MemorySecretStore::unavailable()
{
    MemorySecretStore store;
    store.setAvailable(false);
    std::optional<Result<QString>> read = await<Result<QString>>([&store](auto done) { store.read(QStringLiteral("k"), done); });
    QVERIFY(read);
    QCOMPARE(read->errorCode(), QStringLiteral("keychain_unavailable"));
    std::optional<VoidResult> written = await<VoidResult>([&store](auto done) { store.write(QStringLiteral("k"), QStringLiteral("v"), done); });
    QVERIFY(written);
    QCOMPARE(written->errorCode(), QStringLiteral("keychain_unavailable"));
    QVERIFY(!store.contains(QStringLiteral("k")));
}

QTEST_GUILESS_MAIN(tst_MemorySecretStore)
#include "tst_MemorySecretStore.moc"
