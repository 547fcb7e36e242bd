#include "storage/DeviceKeyFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_DeviceKeyFile : public QObject
{
    Q_OBJECT

private slots:
    void createsPrivateKeyOnce();
    void refusesKeyOthersCanRead();
    void refusesDamagedKey();
};

void tst_DeviceKeyFile::createsPrivateKeyOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keys/device.key"));
    const Result<QByteArray> first = DeviceKeyFile::loadOrCreate(path);
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    QCOMPARE(first->size(), 32);
    const QFile::Permissions classBits = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
            | QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(QFile::permissions(path) & classBits, QFile::ReadOwner | QFile::WriteOwner); // 0600
    const Result<QByteArray> again = DeviceKeyFile::loadOrCreate(path);
    QCOMPARE(again.value(), first.value());
}

void tst_DeviceKeyFile::refusesKeyOthersCanRead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("device.key"));
    QVERIFY(DeviceKeyFile::loadOrCreate(path).ok());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const Result<QByteArray> key = DeviceKeyFile::loadOrCreate(path);
    QCOMPARE(key.errorCode(), QStringLiteral("key_file_too_open"));
    QVERIFY(key.errorMessage().contains(QStringLiteral("chmod 600")));
}

void tst_DeviceKeyFile::refusesDamagedKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("device.key"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("short");
    file.close();
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(DeviceKeyFile::loadOrCreate(path).errorCode(), QStringLiteral("bad_key"));
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("short")); // never replaced: old phones need it
}

QTEST_GUILESS_MAIN(tst_DeviceKeyFile)
#include "tst_DeviceKeyFile.moc"
