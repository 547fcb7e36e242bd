#include "crypto/RsaKey.h"
#include "gateway/HttpClient.h"
#include "gateway/PaymentGateway.h"
#include "gateway/profile/GatewayFactory.h"
#include "gateway/profile/ProfileLoader.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QtTest>

namespace {

class MapSecretSource final : public SecretSource
{
public:
    QMap<Secret, QString> values;
    std::optional<QString> secret(Secret which) const override
    {
        if (!values.contains(which))
            return std::nullopt;
        return values.value(which);
    }
};

} // namespace

class tst_ProfileLoader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_publicKey;
    QString m_privateKey;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto key = RsaKey::generate(2048);
        QVERIFY(key.ok());
        m_publicKey = write(QStringLiteral("cred.pem"), key->publicKeyPem());
        m_privateKey = write(QStringLiteral("private.pem"), key->privateKeyPem());
    }

    void goodProfile()
    {
        const QString path = write(QStringLiteral("good.ini"),
                                   "[network]\ntimeout_ms=8000\n"
                                   "[juspay]\nmerchant_id=counterpay_demo\nrouting_id=fixed:terminal-7\n"
                                   "cred_public_key_file=" + m_publicKey.toUtf8() + "\nreturn_url=https://shop.example/return?a=1,b=2\n"
                                   "wallets=GOPAY, PAYTM,GOPAY\n"
                                   "[googlepay]\nbase_url=production\nmerchant_id=BCR2DN4TCOUNTERPAY\nexpiry_minutes=5\n"
                                   "[cmcom]\nbase_url=http://127.0.0.1:8080/\nlanguage=nl\n");
        const auto profile = ProfileLoader::load(path);
        QVERIFY2(profile.ok(), qPrintable(profile.errorMessage()));
        QVERIFY(profile->hasJuspay && profile->hasGooglePay && profile->hasCmCom);
        QCOMPARE(profile->timeoutMs, 8000);
        QCOMPARE(profile->juspay.baseUrl, QUrl(QStringLiteral("https://sandbox.juspay.in")));
        QCOMPARE(profile->juspay.merchantId, QStringLiteral("counterpay_demo"));
        QCOMPARE(profile->juspay.routingPolicy, JuspayConfig::RoutingPolicy::Fixed);
        QCOMPARE(profile->juspay.fixedRoutingId, QStringLiteral("terminal-7"));
        QCOMPARE(profile->juspay.returnUrl, QStringLiteral("https://shop.example/return?a=1,b=2"));
        QVERIFY(!profile->juspay.credPublicKey.isNull());
        QCOMPARE(profile->googlePay.baseUrl, QUrl(QStringLiteral("https://nbupayments.googleapis.com")));
        QCOMPARE(profile->googlePay.expiryMinutes, 5);
        QCOMPARE(profile->cmcom.baseUrl.port(), 8080);
        QCOMPARE(profile->cmcom.language, QStringLiteral("nl"));
        QCOMPARE(profile->juspayWallets, QStringList({ QStringLiteral("GOPAY"), QStringLiteral("PAYTM") }));
        QCOMPARE(GatewayFactory::configuredSpecs(profile.value()),
                 QStringList({ QStringLiteral("juspay-upi-qr"), QStringLiteral("juspay-gpay"), QStringLiteral("juspay-cred"),
                               QStringLiteral("juspay-wallet:GOPAY"),
                               QStringLiteral("juspay-wallet:PAYTM"), QStringLiteral("googlepay"), QStringLiteral("cmcom") }));
    }

    void juspayProductionKeyword()
    {
        const auto profile = ProfileLoader::load(write(QStringLiteral("prod.ini"), "[juspay]\nbase_url=production\nmerchant_id=m\n"));
        QVERIFY(profile.ok());
        QCOMPARE(profile->juspay.baseUrl.host(), QStringLiteral("api.juspay.in"));
    }

    void bad_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("api_key in file") << QByteArray("[juspay]\nmerchant_id=m\napi_key=abc\n") << "profile_secret" << "juspay/api_key";
        QTest::newRow("client_secret") << QByteArray("[cmcom]\nclient_secret=abc\n") << "profile_secret" << "cmcom/client_secret";
        QTest::newRow("private_key") << QByteArray("[googlepay]\nmerchant_id=x\nprivate_key=abc\n") << "profile_secret" << "googlepay/private_key";
        QTest::newRow("password") << QByteArray("[network]\nproxy_password=abc\n[juspay]\nmerchant_id=m\n") << "profile_secret" << "proxy_password";
        QTest::newRow("token") << QByteArray("[cmcom]\naccess_token=abc\n") << "profile_secret" << "access_token";
        QTest::newRow("missing merchant") << QByteArray("[juspay]\nbase_url=sandbox\n") << "profile_missing" << "merchant_id";
        QTest::newRow("missing google merchant") << QByteArray("[googlepay]\n expiry_minutes=3\n") << "profile_missing" << "merchant_id";
        QTest::newRow("no sections") << QByteArray("; nothing yet\n[network]\ntimeout_ms=8000\n") << "profile_missing" << "no [juspay]";
        // Issue 15: what QSettings would take in silence is named with its line.
        QTest::newRow("unknown section") << QByteArray("[other]\na=b\n") << "profile_unknown" << ":1: [other] is not a section";
        QTest::newRow("misspelt section") << QByteArray("[juspy]\nmerchant_id=m\n") << "profile_unknown" << "did you mean juspay?";
        QTest::newRow("misspelt key") << QByteArray("[juspay]\nmerchant_id=m\nbase_ur=https://api.juspay.in\n") << "profile_unknown"
                                      << ":3: [juspay] base_ur is not a key of [juspay]; did you mean base_url?";
        QTest::newRow("unknown key") << QByteArray("[googlepay]\nmerchant_id=x\ncolour=blue\n") << "profile_unknown"
                                     << ":3: [googlepay] colour is not a key of [googlepay]";
        QTest::newRow("empty base_url") << QByteArray("[juspay]\nbase_url=\nmerchant_id=m\n") << "profile_bad_value"
                                        << ":2: [juspay] base_url is empty; give a value or remove the line (sandbox, production or a URL).";
        QTest::newRow("second juspay section") << QByteArray("[juspay]\nmerchant_id=a\n\n[juspay]\nmerchant_id=b\n") << "profile_duplicate"
                                               << ":4: [juspay] appears a second time (first on line 1); keep one.";
        QTest::newRow("key given twice") << QByteArray("[juspay]\nmerchant_id=a\nmerchant_id=b\n") << "profile_duplicate"
                                         << ":3: [juspay] merchant_id is given a second time (first on line 2)";
        QTest::newRow("merchant id with &") << QByteArray("[juspay]\nmerchant_id=shop&co\n") << "profile_bad_value"
                                            << ":2: [juspay] merchant_id may hold only";
        QTest::newRow("merchant id with a space") << QByteArray("[juspay]\nmerchant_id=my shop\n") << "profile_bad_value"
                                                  << ":2: [juspay] merchant_id may hold only";
        QTest::newRow("key before any section") << QByteArray("merchant_id=m\n[juspay]\nmerchant_id=m\n") << "profile_bad_line"
                                                << ":1: merchant_id comes before any [section]";
        QTest::newRow("not key=value") << QByteArray("[juspay]\nmerchant_id m\n") << "profile_bad_line" << ":2: 'merchant_id m' is not key=value";
        QTest::newRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0garbage\xff\xfe", 18) << "profile_unreadable" << "is not a text INI file";
        QTest::newRow("binary without NUL") << QByteArray("\x7f" "ELF\x02\x01\x01garbage") << "profile_unreadable" << "is not a text INI file";
        QTest::newRow("not UTF-8") << QByteArray("[juspay]\nmerchant_id=\xff\xfe\n") << "profile_unreadable" << "is not UTF-8 text";
        QTest::newRow("bad url") << QByteArray("[juspay]\nmerchant_id=m\nbase_url=not a url\n") << "profile_bad_value" << "base_url";
        QTest::newRow("plain http remote") << QByteArray("[juspay]\nmerchant_id=m\nbase_url=http://api.juspay.in\n") << "profile_bad_value" << "base_url";
        QTest::newRow("ftp") << QByteArray("[cmcom]\nbase_url=ftp://127.0.0.1/\n") << "profile_bad_value" << "base_url";
        QTest::newRow("bad routing") << QByteArray("[juspay]\nmerchant_id=m\nrouting_id=random\n") << "profile_bad_value" << "routing_id";
        QTest::newRow("missing key file") << QByteArray("[juspay]\nmerchant_id=m\ncred_public_key_file=/nonexistent/cred.pem\n") << "profile_bad_file" << "cred_public_key_file";
        QTest::newRow("bad timeout") << QByteArray("[network]\ntimeout_ms=5\n[juspay]\nmerchant_id=m\n") << "profile_bad_value" << "timeout_ms";
        QTest::newRow("lower-case wallet") << QByteArray("[juspay]\nmerchant_id=m\nwallets=GOPAY,paytm\n") << "profile_bad_value" << "[juspay] wallets has 'paytm'";
        QTest::newRow("wallet with a space") << QByteArray("[juspay]\nmerchant_id=m\nwallets=GO PAY\n") << "profile_bad_value" << "[juspay] wallets has 'GO PAY'";
        QTest::newRow("wallet with a dash") << QByteArray("[juspay]\nmerchant_id=m\nwallets=GO-PAY\n") << "profile_bad_value" << "[juspay] wallets";
        QTest::newRow("bad language") << QByteArray("[cmcom]\nlanguage=dutch\n") << "profile_bad_value" << "language";
        QTest::newRow("ca for production") << QByteArray("[juspay]\nmerchant_id=m\nbase_url=production\nca_file=/etc/hostname\n") << "profile_bad_value" << "ca_file";
        QTest::newRow("ca not pem") << QByteArray("[cmcom]\nbase_url=https://127.0.0.1:9/\nca_file=/etc/hostname\n") << "profile_bad_file" << "ca_file";
    }

    void bad()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const QString path = write(QStringLiteral("bad.ini"), text);
        const auto profile = ProfileLoader::load(path);
        QVERIFY(!profile.ok());
        QCOMPARE(profile.errorCode(), code);
        QVERIFY2(profile.errorMessage().contains(path), qPrintable(profile.errorMessage()));
        QVERIFY2(profile.errorMessage().contains(mentions), qPrintable(profile.errorMessage()));
        QVERIFY(!profile.errorMessage().contains(QStringLiteral("=abc")));
        QVERIFY(!profile.errorMessage().contains(u'\n'));
        QVERIFY(!profile.errorMessage().contains(QStringLiteral("ELF")));
    }

    void privateKeyAsCredKeyIsRefused()
    {
        const auto profile = ProfileLoader::load(write(QStringLiteral("priv.ini"),
                                                       "[juspay]\nmerchant_id=m\ncred_public_key_file=" + m_privateKey.toUtf8() + "\n"));
        QVERIFY(!profile.ok());
        QCOMPARE(profile.errorCode(), QStringLiteral("profile_secret"));
    }

    void missingFile()
    {
        const auto profile = ProfileLoader::load(m_dir.filePath(QStringLiteral("nope.ini")));
        QCOMPARE(profile.errorCode(), QStringLiteral("profile_unreadable"));
    }

    void factoryNeedsSecrets()
    {
        const auto profile = ProfileLoader::load(write(QStringLiteral("f.ini"), "[juspay]\nmerchant_id=m\n[cmcom]\nlanguage=en\n"));
        QVERIFY(profile.ok());
        QNetworkAccessManager manager;
        HttpClient http(&manager, profile->httpOptions());
        MapSecretSource secrets;
        auto gateway = GatewayFactory::create(QStringLiteral("juspay-gpay"), profile.value(), secrets, &http, Clock::system(), this);
        QCOMPARE(gateway.errorCode(), QStringLiteral("secret_missing"));
        QVERIFY(gateway.errorMessage().contains(QStringLiteral("COUNTERPAY_JUSPAY_API_KEY")));
        secrets.values.insert(SecretSource::Secret::JuspayApiKey, QStringLiteral("k"));
        gateway = GatewayFactory::create(QStringLiteral("juspay-wallet:gopay"), profile.value(), secrets, &http, Clock::system(), this);
        QVERIFY(gateway.ok());
        QCOMPARE(gateway.value()->providerName(), QStringLiteral("juspay-wallet:GOPAY"));
        QCOMPARE(GatewayFactory::create(QStringLiteral("juspay-cred"), profile.value(), secrets, &http, Clock::system(), this).errorCode(),
                 QStringLiteral("profile_missing"));
        QCOMPARE(GatewayFactory::create(QStringLiteral("googlepay"), profile.value(), secrets, &http, Clock::system(), this).errorCode(),
                 QStringLiteral("profile_missing"));
        QCOMPARE(GatewayFactory::create(QStringLiteral("cmcom"), profile.value(), secrets, &http, Clock::system(), this).errorCode(),
                 QStringLiteral("secret_missing"));
        QCOMPARE(GatewayFactory::create(QStringLiteral("paypal"), profile.value(), secrets, &http, Clock::system(), this).errorCode(),
                 QStringLiteral("provider_unknown"));
    }

    void environmentSource()
    {
        qputenv("COUNTERPAY_CMCOM_CLIENT_SECRET", "from-env");
        EnvironmentSecretSource env;
        QCOMPARE(env.secret(SecretSource::Secret::CmComClientSecret).value_or(QString()), QStringLiteral("from-env"));
        qunsetenv("COUNTERPAY_CMCOM_CLIENT_SECRET");
        QVERIFY(!env.secret(SecretSource::Secret::CmComClientSecret));
    }
};

QTEST_GUILESS_MAIN(tst_ProfileLoader)
#include "tst_ProfileLoader.moc"
