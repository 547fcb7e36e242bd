#include "crypto/RsaCipher.h"

#include "OpenSslCli.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray fixture(const char *name)
{
    return OpenSslCli::readFile(
        QStringLiteral(COUNTERPAY_TEST_DATA_DIR "/crypto/") + QString::fromLatin1(name));
}

QStringList pkcs1Args(const QString &operation, const QString &key, const QString &in,
    const QString &out, bool publicKey)
{
    QStringList args { QStringLiteral("pkeyutl"), operation, QStringLiteral("-inkey"), key };
    if (publicKey)
        args << QStringLiteral("-pubin");
    args << QStringLiteral("-pkeyopt") << QStringLiteral("rsa_padding_mode:pkcs1")
         << QStringLiteral("-in") << in << QStringLiteral("-out") << out;
    return args;
}

} // namespace

class tst_RsaCipher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void paddingIsRandomised();
    void decryptsFixtureFromCli();
    void decryptsWhatCliEncrypted();
    void cliDecryptsWhatWeEncrypted();
    void errors_data();
    void errors();
    void nullKey();

private:
    QTemporaryDir m_dir;
    QString m_cliPrivatePath;
    QString m_cliPublicPath;
    RsaKey m_fixturePrivate;
    RsaKey m_fixturePublic;
    RsaKey m_cliPrivate;
};

void tst_RsaCipher::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!OpenSslCli::program().isEmpty(), "the openssl command-line tool is not on PATH");

    Result<RsaKey> priv = RsaKey::fromPem(fixture("rsa2048_private_pkcs8.pem"));
    Result<RsaKey> pub = RsaKey::fromPem(fixture("rsa2048_public_spki.pem"));
    QVERIFY(priv.ok() && pub.ok());
    m_fixturePrivate = priv.value();
    m_fixturePublic = pub.value();

    // A key made by another implementation, fresh for this run.
    m_cliPrivatePath = m_dir.filePath(QStringLiteral("cli_private.pem"));
    m_cliPublicPath = m_dir.filePath(QStringLiteral("cli_public.pem"));
    const OpenSslCli::Run gen = OpenSslCli::run({ QStringLiteral("genpkey"),
        QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
        QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"), m_cliPrivatePath });
    QVERIFY2(gen.finished && gen.exitCode == 0, gen.standardError.constData());
    const OpenSslCli::Run pub2 = OpenSslCli::run({ QStringLiteral("pkey"), QStringLiteral("-in"),
        m_cliPrivatePath, QStringLiteral("-pubout"), QStringLiteral("-out"), m_cliPublicPath });
    QVERIFY2(pub2.finished && pub2.exitCode == 0, pub2.standardError.constData());
    Result<RsaKey> cli = RsaKey::fromPem(OpenSslCli::readFile(m_cliPrivatePath));
    QVERIFY2(cli.ok(), qPrintable(cli.errorMessage()));
    m_cliPrivate = cli.value();
}

void tst_RsaCipher::roundTrip_data()
{
    QTest::addColumn<bool>("cliKey");
    QTest::addColumn<QByteArray>("plain");

    for (const bool cliKey : { false, true }) {
        const char *prefix = cliKey ? "CLI key: " : "fixture key: ";
        QTest::addRow("%sphone", prefix) << cliKey << QByteArray("9876543210");
        QTest::addRow("%sempty", prefix) << cliKey << QByteArray();
        QTest::addRow("%sone NUL byte", prefix) << cliKey << QByteArray(1, '\0');
        QTest::addRow("%sUTF-8", prefix) << cliKey << QStringLiteral("₹ 149.50").toUtf8();
        QTest::addRow("%smaximum 245 bytes", prefix) << cliKey << QByteArray(245, '\x5a');
    }
}

void tst_RsaCipher::roundTrip()
{
    QFETCH(bool, cliKey);
    QFETCH(QByteArray, plain);

    const RsaKey &key = cliKey ? m_cliPrivate : m_fixturePrivate;
    const Result<RsaKey> publicOnly = RsaKey::fromPem(key.publicKeyPem());
    QVERIFY(publicOnly.ok());
    QCOMPARE(RsaCipher::maxPlaintextLength(publicOnly.value()), 245);

    const Result<QByteArray> cipher = RsaCipher::encryptPkcs1v15(publicOnly.value(), plain);
    QVERIFY2(cipher.ok(), qPrintable(cipher.errorMessage()));
    QCOMPARE(cipher.value().size(), 256);

    const Result<QByteArray> decrypted = RsaCipher::decryptPkcs1v15(key, cipher.value());
    QVERIFY2(decrypted.ok(), qPrintable(decrypted.errorMessage()));
    QCOMPARE(decrypted.value(), plain);
}

void tst_RsaCipher::paddingIsRandomised()
{
    const Result<QByteArray> a = RsaCipher::encryptPkcs1v15(m_fixturePublic, "9876543210");
    const Result<QByteArray> b = RsaCipher::encryptPkcs1v15(m_fixturePublic, "9876543210");
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value() != b.value());
}

void tst_RsaCipher::decryptsFixtureFromCli()
{
    const QByteArray cipher = fixture("cred_phone_pkcs1.bin");
    QCOMPARE(cipher.size(), 256);
    const Result<QByteArray> plain = RsaCipher::decryptPkcs1v15(m_fixturePrivate, cipher);
    QVERIFY2(plain.ok(), qPrintable(plain.errorMessage()));
    QCOMPARE(plain.value(), fixture("cred_phone.txt"));
    QCOMPARE(plain.value(), QByteArray("9876543210"));
}

void tst_RsaCipher::decryptsWhatCliEncrypted()
{
    const QByteArray message("+919876543210");
    const QString in
        = OpenSslCli::writeFile(m_dir.path(), QStringLiteral("cli_plain.txt"), message);
    const QString out = m_dir.filePath(QStringLiteral("cli_cipher.bin"));
    const OpenSslCli::Run run
        = OpenSslCli::run(pkcs1Args(QStringLiteral("-encrypt"), m_cliPublicPath, in, out, true));
    QVERIFY2(run.finished && run.exitCode == 0, run.standardError.constData());

    const Result<QByteArray> plain
        = RsaCipher::decryptPkcs1v15(m_cliPrivate, OpenSslCli::readFile(out));
    QVERIFY2(plain.ok(), qPrintable(plain.errorMessage()));
    QCOMPARE(plain.value(), message);
}

void tst_RsaCipher::cliDecryptsWhatWeEncrypted()
{
    const QByteArray message("9876543210");
    const Result<RsaKey> publicKey = RsaKey::fromPem(OpenSslCli::readFile(m_cliPublicPath));
    QVERIFY(publicKey.ok());
    const Result<QByteArray> cipher = RsaCipher::encryptPkcs1v15(publicKey.value(), message);
    QVERIFY(cipher.ok());

    const QString in
        = OpenSslCli::writeFile(m_dir.path(), QStringLiteral("our_cipher.bin"), cipher.value());
    const QString out = m_dir.filePath(QStringLiteral("our_plain.txt"));
    const OpenSslCli::Run run
        = OpenSslCli::run(pkcs1Args(QStringLiteral("-decrypt"), m_cliPrivatePath, in, out, false));
    QVERIFY2(run.finished && run.exitCode == 0, run.standardError.constData());
    QCOMPARE(OpenSslCli::readFile(out), message);

    // And the CLI really checks the padding: a corrupted ciphertext fails there too.
    QByteArray corrupted = cipher.value();
    corrupted[10] = static_cast<char>(corrupted.at(10) ^ 0x01);
    const QString badIn
        = OpenSslCli::writeFile(m_dir.path(), QStringLiteral("bad_cipher.bin"), corrupted);
    const OpenSslCli::Run bad = OpenSslCli::run(pkcs1Args(QStringLiteral("-decrypt"),
        m_cliPrivatePath, badIn, m_dir.filePath(QStringLiteral("bad_plain.txt")), false));
    QVERIFY(bad.finished);
    QVERIFY(bad.exitCode != 0);
}

void tst_RsaCipher::errors_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("usePrivate");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");

    const QByteArray cipher = fixture("cred_phone_pkcs1.bin");
    QByteArray corrupted = cipher;
    corrupted[128] = static_cast<char>(corrupted.at(128) ^ 0x40);

    QTest::newRow("plaintext 246 bytes")
        << QStringLiteral("encrypt") << false << QByteArray(246, 'x')
        << QStringLiteral("rsa_plaintext_too_long");
    QTest::newRow("public key decrypts")
        << QStringLiteral("decrypt") << false << cipher << QStringLiteral("rsa_no_private_key");
    QTest::newRow("empty ciphertext") << QStringLiteral("decrypt") << true << QByteArray()
                                      << QStringLiteral("rsa_bad_ciphertext");
    QTest::newRow("short ciphertext") << QStringLiteral("decrypt") << true << cipher.left(255)
                                      << QStringLiteral("rsa_bad_ciphertext");
    QTest::newRow("long ciphertext") << QStringLiteral("decrypt") << true << cipher + '\0'
                                     << QStringLiteral("rsa_bad_ciphertext");
    QTest::newRow("corrupted ciphertext")
        << QStringLiteral("decrypt") << true << corrupted << QStringLiteral("rsa_decrypt_failed");
    QTest::newRow("ciphertext above modulus")
        << QStringLiteral("decrypt") << true << QByteArray(256, '\xff')
        << QStringLiteral("rsa_decrypt_failed");
    QTest::newRow("all zero ciphertext")
        << QStringLiteral("decrypt") << true << QByteArray(256, '\0')
        << QStringLiteral("rsa_decrypt_failed");
}

void tst_RsaCipher::errors()
{
    QFETCH(QString, operation);
    QFETCH(bool, usePrivate);
    QFETCH(QByteArray, input);
    QFETCH(QString, code);

    const RsaKey &key = usePrivate ? m_fixturePrivate : m_fixturePublic;
    const Result<QByteArray> result = operation == QStringLiteral("encrypt")
        ? RsaCipher::encryptPkcs1v15(key, input)
        : RsaCipher::decryptPkcs1v15(key, input);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorCode(), code);
    QVERIFY(!result.errorMessage().isEmpty());
}

void tst_RsaCipher::nullKey()
{
    QCOMPARE(RsaCipher::encryptPkcs1v15(RsaKey(), "x").errorCode(), QStringLiteral("rsa_null_key"));
    QCOMPARE(RsaCipher::decryptPkcs1v15(RsaKey(), QByteArray(256, 'x')).errorCode(),
        QStringLiteral("rsa_null_key"));
    QCOMPARE(RsaCipher::maxPlaintextLength(RsaKey()), 0);
}

QTEST_GUILESS_MAIN(tst_RsaCipher)
#include "tst_RsaCipher.moc"
