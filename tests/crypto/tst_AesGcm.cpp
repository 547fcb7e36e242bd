#include "crypto/AesGcm.h"

#include <QTest>

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

QByteArray sealedForm(const QByteArray &iv, const QByteArray &cipher, const QByteArray &tag)
{
    return QByteArray(1, char(1)) + iv + cipher + tag;
}

} // namespace

class tst_AesGcm : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswers_data();
    void knownAnswers();
    void roundTrip();
    void refusesTampering_data();
    void refusesTampering();
    void badKey();
};

// Test cases 13, 14 and 16 of McGrew & Viega, "The Galois/Counter Mode of Operation" (AES-256).
void tst_AesGcm::knownAnswers_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("iv");
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("cipher");
    QTest::addColumn<QByteArray>("tag");

    const QByteArray zeroKey(32, '\0');
    const QByteArray zeroIv(12, '\0');
    QTest::newRow("case 13: empty") << zeroKey << zeroIv << QByteArray() << QByteArray() << QByteArray()
                                    << hex("530f8afbc74536b9a963b4f1c4cb738b");
    QTest::newRow("case 14: one zero block")
            << zeroKey << zeroIv << QByteArray(16, '\0') << QByteArray()
            << hex("cea7403d4d606b6e074ec5d3baf39d18") << hex("d0d1c8a799996bf0265b98b5d48ab919");
    QTest::newRow("case 16: with associated data")
            << hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
            << hex("cafebabefacedbaddecaf888")
            << hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                   "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
            << hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
            << hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                   "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662")
            << hex("76fc6ece0f4e1768cddf8853bb2d551b");
}

void tst_AesGcm::knownAnswers()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, iv);
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, cipher);
    QFETCH(QByteArray, tag);

    const Result<QByteArray> opened = AesGcm::open(key, sealedForm(iv, cipher, tag), aad);
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    QCOMPARE(opened.value(), plain);
}

void tst_AesGcm::roundTrip()
{
    const QByteArray key = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    const QByteArray plain = QByteArrayLiteral("+919876543210");
    const Result<QByteArray> a = AesGcm::seal(key, plain, "ctx");
    const Result<QByteArray> b = AesGcm::seal(key, plain, "ctx");
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->size(), 1 + 12 + plain.size() + 16);
    QVERIFY(a.value() != b.value()); // a fresh nonce each time
    QVERIFY(!a->contains(plain));
    QCOMPARE(AesGcm::open(key, a.value(), "ctx").value(), plain);
    QCOMPARE(AesGcm::open(key, b.value(), "ctx").value(), plain);
}

void tst_AesGcm::refusesTampering_data()
{
    QTest::addColumn<int>("flipAt");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<bool>("otherKey");
    QTest::addColumn<int>("truncateTo");
    QTest::addColumn<QString>("code");

    QTest::newRow("ciphertext byte") << 14 << QByteArray("ctx") << false << -1 << "aes_auth_failed";
    QTest::newRow("nonce byte") << 3 << QByteArray("ctx") << false << -1 << "aes_auth_failed";
    QTest::newRow("tag byte") << -2 << QByteArray("ctx") << false << -1 << "aes_auth_failed";
    QTest::newRow("version byte") << 0 << QByteArray("ctx") << false << -1 << "aes_malformed";
    QTest::newRow("other associated data") << -1 << QByteArray("other") << false << -1 << "aes_auth_failed";
    QTest::newRow("other key") << -1 << QByteArray("ctx") << true << -1 << "aes_auth_failed";
    QTest::newRow("truncated") << -1 << QByteArray("ctx") << false << 20 << "aes_malformed";
}

void tst_AesGcm::refusesTampering()
{
    QFETCH(int, flipAt);
    QFETCH(QByteArray, aad);
    QFETCH(bool, otherKey);
    QFETCH(int, truncateTo);
    QFETCH(QString, code);

    QByteArray key(32, 'k');
    QByteArray sealed = AesGcm::seal(key, QByteArrayLiteral("+919876543210"), "ctx").value();
    if (flipAt != -1) {
        const int at = flipAt >= 0 ? flipAt : int(sealed.size()) + flipAt;
        sealed[at] = char(sealed.at(at) ^ 0x01);
    }
    if (truncateTo >= 0)
        sealed.truncate(truncateTo);
    if (otherKey)
        key[0] = 'K';
    const Result<QByteArray> opened = AesGcm::open(key, sealed, aad);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.errorCode(), code);
}

void tst_AesGcm::badKey()
{
    QCOMPARE(AesGcm::seal(QByteArray(16, 'k'), "x").errorCode(), QStringLiteral("aes_bad_key"));
    QCOMPARE(AesGcm::open(QByteArray(31, 'k'), QByteArray(40, 'x')).errorCode(), QStringLiteral("aes_bad_key"));
}

QTEST_GUILESS_MAIN(tst_AesGcm)
#include "tst_AesGcm.moc"
