#include "crypto/Jwt.h"

#include "OpenSslCli.h"
#include "crypto/Hmac.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray fixture(const char *name)
{
    return OpenSslCli::readFile(
        QStringLiteral(COUNTERPAY_TEST_DATA_DIR "/crypto/") + QString::fromLatin1(name));
}

QByteArray b64(const char *json)
{
    return Jwt::base64UrlEncode(QByteArray(json));
}

QJsonObject katClaims()
{
    return QJsonObject { { QStringLiteral("iss"), QStringLiteral("kat@counterpay.test") },
        { QStringLiteral("iat"), 1700000000 } };
}

} // namespace

class tst_Jwt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void base64UrlEncode_data();
    void base64UrlEncode();
    void base64UrlDecodeRejects_data();
    void base64UrlDecodeRejects();
    void knownAnswer();
    void signAndVerify();
    void signNeedsPrivateKey();
    void verifyRejects_data();
    void verifyRejects();
    void cliVerifiesOurSignature();

private:
    QTemporaryDir m_dir;
    RsaKey m_private;
    RsaKey m_public;
    QByteArray m_token; // katClaims() signed with m_private
};

void tst_Jwt::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!OpenSslCli::program().isEmpty(), "the openssl command-line tool is not on PATH");
    Result<RsaKey> priv = RsaKey::fromPem(fixture("rsa2048_private_pkcs8.pem"));
    Result<RsaKey> pub = RsaKey::fromPem(fixture("rsa2048_public_spki.pem"));
    QVERIFY(priv.ok() && pub.ok());
    m_private = priv.value();
    m_public = pub.value();
    const Result<QByteArray> token = Jwt::signRs256(katClaims(), m_private);
    QVERIFY(token.ok());
    m_token = token.value();
}

// RFC 4648 section 10 vectors, in the URL alphabet without padding.
void tst_Jwt::base64UrlEncode_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
    QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    QTest::newRow("URL alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
}

void tst_Jwt::base64UrlEncode()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, encoded);
    QCOMPARE(Jwt::base64UrlEncode(raw), encoded);
    const std::optional<QByteArray> decoded = Jwt::base64UrlDecode(encoded);
    QVERIFY(decoded);
    QCOMPARE(*decoded, raw);
}

void tst_Jwt::base64UrlDecodeRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("padding") << QByteArray("Zg==");
    QTest::newRow("one padding") << QByteArray("Zm8=");
    QTest::newRow("standard alphabet +") << QByteArray("+_-_");
    QTest::newRow("standard alphabet /") << QByteArray("-/-_");
    QTest::newRow("space") << QByteArray("Zm9 v");
    QTest::newRow("newline") << QByteArray("Zm9v\n");
    QTest::newRow("length 1 mod 4") << QByteArray("Zm9vY");
    QTest::newRow("non-canonical trailing bits") << QByteArray("Zh");
    QTest::newRow("non-ASCII") << QByteArray("Zm\xc3\xa9");
}

void tst_Jwt::base64UrlDecodeRejects()
{
    QFETCH(QByteArray, text);
    QVERIFY(!Jwt::base64UrlDecode(text));
}

void tst_Jwt::knownAnswer()
{
    // RS256 is deterministic: we must produce exactly what `openssl dgst -sha256 -sign` made.
    const QByteArray expected = fixture("jwt_rs256_kat.txt").trimmed();
    QVERIFY(!expected.isEmpty());
    QCOMPARE(m_token, expected);

    const Result<QJsonObject> claims = Jwt::verifyRs256(expected, m_public);
    QVERIFY2(claims.ok(), qPrintable(claims.errorMessage()));
    QCOMPARE(claims.value(), katClaims());
}

void tst_Jwt::signAndVerify()
{
    const Result<RsaKey> key = RsaKey::generate(2048);
    QVERIFY(key.ok());
    const QJsonObject claims {
        { QStringLiteral("iss"), QStringLiteral("svc@project.iam.gserviceaccount.com") },
        { QStringLiteral("scope"),
            QStringLiteral("https://www.googleapis.com/auth/nbupaymentsmerchants") },
        { QStringLiteral("aud"), QStringLiteral("http://127.0.0.1:4000/token") },
        { QStringLiteral("iat"), 1700000000 },
        { QStringLiteral("exp"), 1700003600 },
    };
    const Result<QByteArray> token = Jwt::signRs256(claims, key.value(), QStringLiteral("key-1"));
    QVERIFY2(token.ok(), qPrintable(token.errorMessage()));
    QCOMPARE(token.value().count('.'), 2);

    const std::optional<QByteArray> header = Jwt::base64UrlDecode(token.value().split('.').at(0));
    QVERIFY(header);
    const QJsonObject headerObject = QJsonDocument::fromJson(*header).object();
    QCOMPARE(headerObject.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
    QCOMPARE(headerObject.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
    QCOMPARE(headerObject.value(QStringLiteral("kid")).toString(), QStringLiteral("key-1"));

    const Result<RsaKey> publicKey = RsaKey::fromPem(key->publicKeyPem());
    QVERIFY(publicKey.ok());
    const Result<QJsonObject> verified = Jwt::verifyRs256(token.value(), publicKey.value());
    QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));
    QCOMPARE(verified.value(), claims);
}

void tst_Jwt::signNeedsPrivateKey()
{
    QCOMPARE(
        Jwt::signRs256(katClaims(), m_public).errorCode(), QStringLiteral("jwt_no_private_key"));
    QCOMPARE(
        Jwt::signRs256(katClaims(), RsaKey()).errorCode(), QStringLiteral("jwt_no_private_key"));
    QCOMPARE(Jwt::verifyRs256(m_token, RsaKey()).errorCode(), QStringLiteral("jwt_null_key"));
}

void tst_Jwt::verifyRejects_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("code");

    const QList<QByteArray> parts = m_token.split('.');
    QVERIFY(parts.size() == 3);
    const QByteArray &header = parts.at(0);
    const QByteArray &payload = parts.at(1);
    const QByteArray &signature = parts.at(2);
    const QByteArray dot(".");

    const QByteArray otherPayload = b64("{\"iat\":1700000000,\"iss\":\"evil@counterpay.test\"}");
    QTest::newRow("tampered payload")
        << header + dot + otherPayload + dot + signature << QStringLiteral("jwt_bad_signature");
    QByteArray badSignature = signature;
    badSignature[20] = badSignature.at(20) == 'A' ? 'B' : 'A';
    QTest::newRow("tampered signature")
        << header + dot + payload + dot + badSignature << QStringLiteral("jwt_bad_signature");
    const QByteArray shortSignature
        = Jwt::base64UrlEncode(Jwt::base64UrlDecode(signature).value_or(QByteArray()).chopped(1));
    QTest::newRow("signature one byte short")
        << header + dot + payload + dot + shortSignature << QStringLiteral("jwt_bad_signature");
    const QByteArray kidHeader = b64("{\"alg\":\"RS256\",\"kid\":\"x\",\"typ\":\"JWT\"}");
    QTest::newRow("tampered header")
        << kidHeader + dot + payload + dot + signature << QStringLiteral("jwt_bad_signature");

    const QByteArray noneHeader = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    QTest::newRow("alg none, empty signature")
        << noneHeader + dot + payload + dot << QStringLiteral("jwt_unsupported_alg");
    QTest::newRow("alg none, kept signature")
        << noneHeader + dot + payload + dot + signature << QStringLiteral("jwt_unsupported_alg");
    // The classic confusion attack: HMAC keyed with the RSA public key PEM.
    const QByteArray hsHeader = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    const QByteArray hsMac
        = Jwt::base64UrlEncode(Hmac::sha256(m_public.publicKeyPem(), hsHeader + dot + payload));
    QTest::newRow("alg HS256 keyed with public key")
        << hsHeader + dot + payload + dot + hsMac << QStringLiteral("jwt_unsupported_alg");
    QTest::newRow("alg rs256 (case)") << b64("{\"alg\":\"rs256\"}") + dot + payload + dot
            + signature << QStringLiteral("jwt_unsupported_alg");
    QTest::newRow("alg missing") << b64("{\"typ\":\"JWT\"}") + dot + payload + dot + signature
                                 << QStringLiteral("jwt_unsupported_alg");
    QTest::newRow("crit header") << b64("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}") + dot
            + payload + dot
            + signature << QStringLiteral("jwt_unsupported_alg");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("jwt_malformed");
    QTest::newRow("one segment") << header << QStringLiteral("jwt_malformed");
    QTest::newRow("two segments") << header + dot + payload << QStringLiteral("jwt_malformed");
    QTest::newRow("four segments") << m_token + dot + signature << QStringLiteral("jwt_malformed");
    QTest::newRow("JWE-like five segments")
        << header + dot + dot + payload + dot + dot + signature << QStringLiteral("jwt_malformed");
    QTest::newRow("bad base64url header")
        << "ey$" + dot + payload + dot + signature << QStringLiteral("jwt_malformed");
    QTest::newRow("padded header")
        << header + "=" + dot + payload + dot + signature << QStringLiteral("jwt_malformed");
    QTest::newRow("bad base64url payload")
        << header + dot + "e+J9" + dot + signature << QStringLiteral("jwt_malformed");
    QTest::newRow("bad base64url signature")
        << header + dot + payload + dot + "abc/def" << QStringLiteral("jwt_malformed");
    QTest::newRow("header not JSON")
        << b64("RS256") + dot + payload + dot + signature << QStringLiteral("jwt_malformed");
    QTest::newRow("header JSON array")
        << b64("[\"RS256\"]") + dot + payload + dot + signature << QStringLiteral("jwt_malformed");
    QTest::newRow("payload not JSON")
        << header + dot + b64("hello") + dot + signature << QStringLiteral("jwt_malformed");
    QTest::newRow("whitespace around") << " " + m_token + "\n" << QStringLiteral("jwt_malformed");
}

void tst_Jwt::verifyRejects()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, code);

    const Result<QJsonObject> result = Jwt::verifyRs256(token, m_public);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorCode(), code);
    QVERIFY(!result.errorMessage().isEmpty());
}

void tst_Jwt::cliVerifiesOurSignature()
{
    // A key from another implementation; our signature must satisfy `openssl dgst -verify`.
    const QString privatePath = m_dir.filePath(QStringLiteral("cli_private.pem"));
    const QString publicPath = m_dir.filePath(QStringLiteral("cli_public.pem"));
    const OpenSslCli::Run gen = OpenSslCli::run({ QStringLiteral("genpkey"),
        QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
        QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"), privatePath });
    QVERIFY2(gen.finished && gen.exitCode == 0, gen.standardError.constData());
    const OpenSslCli::Run pub = OpenSslCli::run({ QStringLiteral("pkey"), QStringLiteral("-in"),
        privatePath, QStringLiteral("-pubout"), QStringLiteral("-out"), publicPath });
    QVERIFY2(pub.finished && pub.exitCode == 0, pub.standardError.constData());
    const Result<RsaKey> key = RsaKey::fromPem(OpenSslCli::readFile(privatePath));
    QVERIFY(key.ok());

    const QJsonObject claims { { QStringLiteral("iss"), QStringLiteral("cli@counterpay.test") },
        { QStringLiteral("n"), 42 } };
    const Result<QByteArray> token = Jwt::signRs256(claims, key.value());
    QVERIFY(token.ok());
    const qsizetype lastDot = token.value().lastIndexOf('.');
    const QByteArray signingInput = token.value().left(lastDot);
    const std::optional<QByteArray> signature
        = Jwt::base64UrlDecode(token.value().mid(lastDot + 1));
    QVERIFY(signature);
    QCOMPARE(signature->size(), 256);

    const QString dataPath
        = OpenSslCli::writeFile(m_dir.path(), QStringLiteral("input.txt"), signingInput);
    const QString sigPath
        = OpenSslCli::writeFile(m_dir.path(), QStringLiteral("sig.bin"), *signature);
    const QStringList verifyArgs { QStringLiteral("dgst"), QStringLiteral("-sha256"),
        QStringLiteral("-verify"), publicPath, QStringLiteral("-signature"), sigPath, dataPath };
    const OpenSslCli::Run ok = OpenSslCli::run(verifyArgs);
    QVERIFY2(ok.finished && ok.exitCode == 0, ok.standardError.constData());
    QVERIFY(ok.standardOutput.contains("Verified OK"));

    // The CLI check can fail: one changed byte of the signed input is refused.
    QByteArray altered = signingInput;
    altered[altered.size() - 1] = altered.at(altered.size() - 1) == 'A' ? 'B' : 'A';
    QVERIFY(!OpenSslCli::writeFile(m_dir.path(), QStringLiteral("input.txt"), altered).isEmpty());
    const OpenSslCli::Run bad = OpenSslCli::run(verifyArgs);
    QVERIFY(bad.finished);
    QVERIFY(bad.exitCode != 0);
}

QTEST_GUILESS_MAIN(tst_Jwt)
#include "tst_Jwt.moc"
