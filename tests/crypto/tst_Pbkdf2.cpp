#include "crypto/Pbkdf2.h"

#include <QTest>

class tst_Pbkdf2 : public QObject
{
    Q_OBJECT

private slots:
    void rfc7914_data();
    void rfc7914();
    void shorterKeyIsPrefix();
    void badArguments_data();
    void badArguments();
};

// RFC 7914 section 11: PBKDF2-HMAC-SHA256 test vectors.
void tst_Pbkdf2::rfc7914_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("expectedHex");

    QTest::newRow("passwd/salt/1")
        << QByteArray("passwd") << QByteArray("salt") << 1 << 64
        << QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                      "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    QTest::newRow("Password/NaCl/80000")
        << QByteArray("Password") << QByteArray("NaCl") << 80000 << 64
        << QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                      "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

void tst_Pbkdf2::rfc7914()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(int, iterations);
    QFETCH(int, length);
    QFETCH(QByteArray, expectedHex);

    const Result<QByteArray> key = Pbkdf2::hmacSha256(password, salt, iterations, length);
    QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    QCOMPARE(key.value().size(), length);
    QCOMPARE(key.value().toHex(), expectedHex);
}

void tst_Pbkdf2::shorterKeyIsPrefix()
{
    const Result<QByteArray> full = Pbkdf2::hmacSha256("passwd", "salt", 1, 64);
    const Result<QByteArray> part = Pbkdf2::hmacSha256("passwd", "salt", 1, 20);
    QVERIFY(full.ok() && part.ok());
    QCOMPARE(part.value(), full.value().left(20));
    const Result<QByteArray> otherSalt = Pbkdf2::hmacSha256("passwd", "salt2", 1, 20);
    QVERIFY(otherSalt.ok());
    QVERIFY(otherSalt.value() != part.value());
}

void tst_Pbkdf2::badArguments_data()
{
    QTest::addColumn<int>("iterations");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("code");

    QTest::newRow("zero iterations") << 0 << 32 << QStringLiteral("pbkdf2_bad_iterations");
    QTest::newRow("negative iterations") << -1 << 32 << QStringLiteral("pbkdf2_bad_iterations");
    QTest::newRow("zero length") << 1000 << 0 << QStringLiteral("pbkdf2_bad_length");
    QTest::newRow("negative length") << 1000 << -32 << QStringLiteral("pbkdf2_bad_length");
    QTest::newRow("too long") << 1000 << Pbkdf2::kMaxLength + 1
                              << QStringLiteral("pbkdf2_bad_length");
}

void tst_Pbkdf2::badArguments()
{
    QFETCH(int, iterations);
    QFETCH(int, length);
    QFETCH(QString, code);

    const Result<QByteArray> key = Pbkdf2::hmacSha256("pw", "salt", iterations, length);
    QVERIFY(!key.ok());
    QCOMPARE(key.errorCode(), code);
    QVERIFY(!key.errorMessage().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Pbkdf2)
#include "tst_Pbkdf2.moc"
