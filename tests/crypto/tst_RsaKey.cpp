#include "crypto/RsaKey.h"

#include "OpenSslCli.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray fixture(const char *name)
{
    return OpenSslCli::readFile(
        QStringLiteral(COUNTERPAY_TEST_DATA_DIR "/crypto/") + QString::fromLatin1(name));
}

} // namespace

class tst_RsaKey : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fromPem_data();
    void fromPem();
    void privateKeyPemIsPkcs8();
    void fromPemErrors_data();
    void fromPemErrors();
    void generate();
    void generateBadSize_data();
    void generateBadSize();
    void loadsKeyGeneratedByCli();
    void cliReadsOurPrivateKey();
    void copyAndMove();

private:
    QTemporaryDir m_dir;
};

void tst_RsaKey::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!OpenSslCli::program().isEmpty(), "the openssl command-line tool is not on PATH");
    QVERIFY(!fixture("rsa2048_public_spki.pem").isEmpty());
}

void tst_RsaKey::fromPem_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<bool>("hasPrivate");

    QTest::newRow("SPKI public") << fixture("rsa2048_public_spki.pem") << false;
    QTest::newRow("PKCS#1 public") << fixture("rsa2048_public_pkcs1.pem") << false;
    QTest::newRow("PKCS#8 private") << fixture("rsa2048_private_pkcs8.pem") << true;
    QTest::newRow("PKCS#1 private") << fixture("rsa2048_private_pkcs1.pem") << true;
    QTest::newRow("CRLF and surrounding text") << QByteArray(
        "key follows\r\n" + fixture("rsa2048_public_spki.pem").replace("\n", "\r\n") + "\r\n")
                                               << false;
}

void tst_RsaKey::fromPem()
{
    QFETCH(QByteArray, pem);
    QFETCH(bool, hasPrivate);

    const Result<RsaKey> key = RsaKey::fromPem(pem);
    QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    QVERIFY(!key->isNull());
    QCOMPARE(key->hasPrivateKey(), hasPrivate);
    QCOMPARE(key->bits(), 2048);
    QCOMPARE(key->sizeInBytes(), 256);
    // Every encoding of the one fixture key gives the same SPKI as `openssl pkey -pubout`.
    QCOMPARE(key->publicKeyPem(), fixture("rsa2048_public_spki.pem"));
    QCOMPARE(key->privateKeyPem().isEmpty(), !hasPrivate);
}

void tst_RsaKey::privateKeyPemIsPkcs8()
{
    const Result<RsaKey> key = RsaKey::fromPem(fixture("rsa2048_private_pkcs1.pem"));
    QVERIFY(key.ok());
    const QByteArray pem = key->privateKeyPem();
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
    // Same bytes as `openssl genpkey` wrote for this key (PKCS#8 DER is canonical).
    QCOMPARE(pem, fixture("rsa2048_private_pkcs8.pem"));
}

void tst_RsaKey::fromPemErrors_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QString>("code");

    const QByteArray spki = fixture("rsa2048_public_spki.pem");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("rsa_bad_pem");
    QTest::newRow("whitespace") << QByteArray(" \n\t") << QStringLiteral("rsa_bad_pem");
    QTest::newRow("not PEM") << QByteArray("hello world") << QStringLiteral("rsa_bad_pem");
    QTest::newRow("truncated") << spki.left(spki.size() / 2) << QStringLiteral("rsa_bad_pem");
    // Change the outer SEQUENCE length (DER 30 82 01 22 -> 30 82 00 22): broken ASN.1.
    QByteArray corrupted = spki;
    QVERIFY(corrupted.contains("\nMIIBIj"));
    corrupted.replace("\nMIIBIj", "\nMIIAIj");
    QTest::newRow("corrupted ASN.1") << corrupted << QStringLiteral("rsa_bad_pem");
    QTest::newRow("PEM label only")
        << QByteArray("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n")
        << QStringLiteral("rsa_bad_pem");
    QTest::newRow("DER, not PEM") << QByteArray::fromBase64(spki.mid(27, spki.size() - 27 - 25))
                                  << QStringLiteral("rsa_bad_pem");
    QTest::newRow("encrypted private key")
        << fixture("rsa2048_private_encrypted.pem") << QStringLiteral("rsa_bad_pem");
    QTest::newRow("EC key") << fixture("ec_p256_private.pem") << QStringLiteral("rsa_not_rsa");
    QTest::newRow("RSA-512") << fixture("rsa512_private.pem")
                             << QStringLiteral("rsa_key_too_small");
}

void tst_RsaKey::fromPemErrors()
{
    QFETCH(QByteArray, pem);
    QFETCH(QString, code);

    const Result<RsaKey> key = RsaKey::fromPem(pem);
    QVERIFY(!key.ok());
    QCOMPARE(key.errorCode(), code);
    QVERIFY(!key.errorMessage().isEmpty());
}

void tst_RsaKey::generate()
{
    const Result<RsaKey> key = RsaKey::generate(2048);
    QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    QVERIFY(key->hasPrivateKey());
    QCOMPARE(key->bits(), 2048);

    // The PEM we write reads back as the same key.
    const Result<RsaKey> reloaded = RsaKey::fromPem(key->privateKeyPem());
    QVERIFY(reloaded.ok());
    QVERIFY(reloaded->hasPrivateKey());
    QCOMPARE(reloaded->publicKeyPem(), key->publicKeyPem());
    const Result<RsaKey> publicOnly = RsaKey::fromPem(key->publicKeyPem());
    QVERIFY(publicOnly.ok());
    QVERIFY(!publicOnly->hasPrivateKey());
    QVERIFY(publicOnly->privateKeyPem().isEmpty());

    // Two generated keys differ.
    const Result<RsaKey> other = RsaKey::generate(2048);
    QVERIFY(other.ok());
    QVERIFY(other->publicKeyPem() != key->publicKeyPem());
}

void tst_RsaKey::generateBadSize_data()
{
    QTest::addColumn<int>("bits");
    QTest::newRow("0") << 0;
    QTest::newRow("negative") << -2048;
    QTest::newRow("512") << 512;
    QTest::newRow("too big") << 32768;
}

void tst_RsaKey::generateBadSize()
{
    QFETCH(int, bits);
    const Result<RsaKey> key = RsaKey::generate(bits);
    QVERIFY(!key.ok());
    QCOMPARE(key.errorCode(), QStringLiteral("rsa_bad_key_size"));
}

void tst_RsaKey::loadsKeyGeneratedByCli()
{
    const QString privatePath = m_dir.filePath(QStringLiteral("cli_private.pem"));
    const OpenSslCli::Run gen = OpenSslCli::run({ QStringLiteral("genpkey"),
        QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
        QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"), privatePath });
    QVERIFY2(gen.finished && gen.exitCode == 0, gen.standardError.constData());
    const OpenSslCli::Run pub = OpenSslCli::run(
        { QStringLiteral("pkey"), QStringLiteral("-in"), privatePath, QStringLiteral("-pubout") });
    QVERIFY2(pub.finished && pub.exitCode == 0, pub.standardError.constData());

    const Result<RsaKey> key = RsaKey::fromPem(OpenSslCli::readFile(privatePath));
    QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    QVERIFY(key->hasPrivateKey());
    QCOMPARE(key->publicKeyPem(), pub.standardOutput);
}

void tst_RsaKey::cliReadsOurPrivateKey()
{
    const Result<RsaKey> key = RsaKey::generate(2048);
    QVERIFY(key.ok());
    const QString path
        = OpenSslCli::writeFile(m_dir.path(), QStringLiteral("ours.pem"), key->privateKeyPem());
    QVERIFY(!path.isEmpty());
    const OpenSslCli::Run check = OpenSslCli::run({ QStringLiteral("pkey"), QStringLiteral("-in"),
        path, QStringLiteral("-check"), QStringLiteral("-pubout") });
    QVERIFY2(check.finished && check.exitCode == 0, check.standardError.constData());
    QVERIFY(check.standardOutput.contains(key->publicKeyPem()));
}

void tst_RsaKey::copyAndMove()
{
    RsaKey copy;
    QVERIFY(copy.isNull());
    QVERIFY(copy.publicKeyPem().isEmpty());
    const QByteArray expected = fixture("rsa2048_public_spki.pem");
    {
        Result<RsaKey> loaded = RsaKey::fromPem(fixture("rsa2048_private_pkcs8.pem"));
        QVERIFY(loaded.ok());
        copy = loaded.value(); // shares the EVP_PKEY, which must outlive the original
    }
    QVERIFY(copy.hasPrivateKey());
    QCOMPARE(copy.publicKeyPem(), expected);

    RsaKey second(copy);
    RsaKey moved(std::move(copy));
    QVERIFY(copy.isNull()); // NOLINT(bugprone-use-after-move): moved-from is documented null
    QVERIFY(!copy.hasPrivateKey());
    QCOMPARE(moved.publicKeyPem(), expected);
    QCOMPARE(second.publicKeyPem(), expected);
    second = second; // self-assignment keeps the key
    QCOMPARE(second.publicKeyPem(), expected);
    moved = RsaKey();
    QVERIFY(moved.isNull());
    QCOMPARE(second.publicKeyPem(), expected);
}

QTEST_GUILESS_MAIN(tst_RsaKey)
#include "tst_RsaKey.moc"
