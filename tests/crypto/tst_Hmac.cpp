#include "crypto/Hmac.h"

#include <QTest>

class tst_Hmac : public QObject
{
    Q_OBJECT

private slots:
    void rfc4231_data();
    void rfc4231();
    void keyMatters();
};

// RFC 4231 section 4, HMAC-SHA-256 column. Case 5 is specified truncated to 128 bits.
void tst_Hmac::rfc4231_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expectedHex");

    QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                            << QByteArray("b0344c61d8db38535ca8afceaf0bf12b"
                                          "881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                            << QByteArray("5bdcc146bf60754e6a042426089575c7"
                                          "5a003f089d2739839dec58b964ec3843");
    QTest::newRow("case 3") << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
                            << QByteArray("773ea91e36800e46854db8ebd09181a7"
                                          "2959098b3ef8c122d9635514ced565fe");
    QTest::newRow("case 4") << QByteArray::fromHex(
        "0102030405060708090a0b0c0d0e0f10111213141516171819")
                            << QByteArray(50, '\xcd')
                            << QByteArray("82558a389a443c0ea4cc819899f2083a"
                                          "85f0faa3e578f8077a2e3ff46729665b");
    QTest::newRow("case 5 (128-bit truncation)")
        << QByteArray(20, '\x0c') << QByteArray("Test With Truncation")
        << QByteArray("a3b6167473100ee06e0c796c2955552b");
    QTest::newRow("case 6") << QByteArray(131, '\xaa')
                            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f"
                                          "8e0bc6213728c5140546040f0ee37f54");
    QTest::newRow("case 7") << QByteArray(131, '\xaa')
                            << QByteArray("This is a test using a larger than block-size key and "
                                          "a larger than block-size data. The key needs to be "
                                          "hashed before being used by the HMAC algorithm.")
                            << QByteArray("9b09ffa71b942fcb27635fbcd5b0e944"
                                          "bfdc63644f0713938a7f51535c3a35e2");
    // Not in RFC 4231: the widely published HMAC-SHA256 of an empty key and empty message.
    QTest::newRow("empty key and data") << QByteArray() << QByteArray()
                                        << QByteArray("b613679a0814d9ec772f95d778c35fc5"
                                                      "ff1697c493715653c6c712144292c5ad");
}

void tst_Hmac::rfc4231()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expectedHex);

    const QByteArray mac = Hmac::sha256(key, data);
    QCOMPARE(mac.size(), 32);
    // Truncated vectors compare the leading bytes only, as the RFC specifies.
    QCOMPARE(mac.left(expectedHex.size() / 2).toHex(), expectedHex);
}

void tst_Hmac::keyMatters()
{
    const QByteArray data("payload");
    QVERIFY(Hmac::sha256("key-a", data) != Hmac::sha256("key-b", data));
    QVERIFY(Hmac::sha256("key-a", data) != Hmac::sha256("key-a", "payloae"));
    QCOMPARE(Hmac::sha256("key-a", data), Hmac::sha256("key-a", data));
}

QTEST_GUILESS_MAIN(tst_Hmac)
#include "tst_Hmac.moc"
