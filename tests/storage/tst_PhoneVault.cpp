#include "storage/PhoneVault.h"

#include <QTest>

class tst_PhoneVault : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void otherDeviceCannotRead();
    void keyLength();
};

void tst_PhoneVault::roundTrip()
{
    const PhoneVault vault = PhoneVault::fromKey(QByteArray(32, 'a')).value();
    const QByteArray sealed = vault.seal(QStringLiteral("+919876543210")).value();
    QVERIFY(!sealed.contains("9876543210"));
    QCOMPARE(vault.open(sealed).value(), QStringLiteral("+919876543210"));
}

void tst_PhoneVault::otherDeviceCannotRead()
{
    const PhoneVault mine = PhoneVault::fromKey(QByteArray(32, 'a')).value();
    const PhoneVault other = PhoneVault::fromKey(QByteArray(32, 'b')).value();
    const Result<QString> opened = other.open(mine.seal(QStringLiteral("+919876543210")).value());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.errorCode(), QStringLiteral("aes_auth_failed"));
}

void tst_PhoneVault::keyLength()
{
    QCOMPARE(PhoneVault::fromKey(QByteArray(16, 'a')).errorCode(), QStringLiteral("bad_key"));
    QCOMPARE(PhoneVault::fromKey(QByteArray()).errorCode(), QStringLiteral("bad_key"));
}

QTEST_GUILESS_MAIN(tst_PhoneVault)
#include "tst_PhoneVault.moc"
