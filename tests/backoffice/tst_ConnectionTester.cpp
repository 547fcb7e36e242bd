// "Test connection" against the real in-process sandbox over loopback, through the real
// gateway clients: right credentials, a wrong API key / secret, and a port nobody listens on.
#include "backoffice/ConnectionTester.h"
#include "gateway/HttpClient.h"
#include "gateway/GatewayError.h"
#include "gateway/cmcom/CmComGateway.h"
#include "gateway/googlepay/GooglePayGateway.h"
#include "gateway/juspay/JuspayGateway.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

Q_DECLARE_METATYPE(GatewayError::Kind)

namespace {

struct Verdict
{
    QString provider;
    bool ok = false;
    QString words;
};

Verdict runTest(PaymentGateway &gateway, const QUrl &baseUrl = QUrl())
{
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(gateway, baseUrl);
    if (!finished.wait(15'000))
        return { QString(), false, QStringLiteral("no answer") };
    return { finished.first().at(0).toString(), finished.first().at(1).toBool(), finished.first().at(2).toString() };
}

} // namespace

class tst_ConnectionTester : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void juspayRightCredentials();
    void juspayWrongApiKey();
    void closedPort();
    void cmComCredentials();
    void googlePayServiceAccount();
    void words_data();
    void words();

private:
    JuspayConfig juspay(const QString &apiKey) const;

    std::unique_ptr<SandboxServer> m_sandbox;
    SandboxOptions m_options;
    QUrl m_base;
    QNetworkAccessManager m_manager;
    std::unique_ptr<HttpClient> m_http;
};

void tst_ConnectionTester::initTestCase()
{
    m_sandbox = std::make_unique<SandboxServer>(m_options);
    const Result<QUrl> url = m_sandbox->start();
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    m_base = url.value();
    HttpClient::Options options;
    options.timeoutMs = 3000;
    options.retry.maxAttempts = 1;
    m_http = std::make_unique<HttpClient>(&m_manager, options);
}

JuspayConfig tst_ConnectionTester::juspay(const QString &apiKey) const
{
    JuspayConfig config;
    config.baseUrl = m_base;
    config.merchantId = m_options.juspayMerchantId;
    config.apiKey = apiKey;
    return config;
}

void tst_ConnectionTester::juspayRightCredentials()
{
    JuspayGateway gateway(m_http.get(), juspay(m_options.juspayApiKey), JuspayGateway::Flow::GooglePayPush);
    const Verdict verdict = runTest(gateway);
    QCOMPARE(verdict.provider, QStringLiteral("juspay-gpay"));
    QVERIFY2(verdict.ok, qPrintable(verdict.words));
    QCOMPARE(verdict.words, QStringLiteral("Connected: the gateway accepted the credentials."));
}

void tst_ConnectionTester::juspayWrongApiKey()
{
    JuspayGateway gateway(m_http.get(), juspay(QStringLiteral("not-the-key")), JuspayGateway::Flow::Cred);
    const Verdict verdict = runTest(gateway);
    QVERIFY(!verdict.ok);
    QVERIFY2(verdict.words.startsWith(QLatin1String("The gateway rejected the API key / credentials (HTTP 401)")),
             qPrintable(verdict.words));
    QVERIFY(!verdict.words.contains(QLatin1String("not-the-key"))); // the secret is never echoed
}

void tst_ConnectionTester::closedPort()
{
    // A port that was just free and is closed again: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    JuspayConfig config = juspay(m_options.juspayApiKey);
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    JuspayGateway gateway(m_http.get(), config, JuspayGateway::Flow::GooglePayPush);
    const Verdict verdict = runTest(gateway);
    QVERIFY(!verdict.ok);
    QVERIFY2(verdict.words.startsWith(QStringLiteral("Cannot reach 127.0.0.1:%1: ").arg(port)), qPrintable(verdict.words));
    QVERIFY2(verdict.words.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(verdict.words));
}

void tst_ConnectionTester::cmComCredentials()
{
    CmComConfig config;
    config.baseUrl = m_base;
    config.clientId = m_options.cmClientId;
    config.clientSecret = m_options.cmClientSecret;
    CmComGateway right(m_http.get(), config);
    Verdict verdict = runTest(right, m_base);
    QVERIFY2(verdict.ok, qPrintable(verdict.words));
    config.clientSecret = QStringLiteral("wrong-secret");
    CmComGateway wrong(m_http.get(), config);
    verdict = runTest(wrong, m_base);
    QVERIFY(!verdict.ok);
    QVERIFY2(verdict.words.startsWith(QLatin1String("The gateway rejected the API key / credentials")), qPrintable(verdict.words));
    QVERIFY(!verdict.words.contains(QLatin1String("wrong-secret")));
}

void tst_ConnectionTester::googlePayServiceAccount()
{
    GooglePayConfig config;
    config.baseUrl = m_base;
    config.googleMerchantId = m_options.googleMerchantId;
    config.serviceAccount = GoogleServiceAccount::fromJson(m_sandbox->googleServiceAccountJson()).value();
    GooglePayGateway gateway(m_http.get(), config);
    const Verdict verdict = runTest(gateway, m_base);
    QCOMPARE(verdict.provider, QStringLiteral("googlepay"));
    QVERIFY2(verdict.ok, qPrintable(verdict.words));
}

void tst_ConnectionTester::words_data()
{
    QTest::addColumn<GatewayError::Kind>("kind");
    QTest::addColumn<int>("http");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("start");
    using K = GatewayError::Kind;
    QTest::newRow("not found") << K::NotFound << 404 << true << "Connected: the gateway accepted";
    QTest::newRow("401") << K::Auth << 401 << false << "The gateway rejected the API key / credentials (HTTP 401)";
    QTest::newRow("403") << K::Auth << 403 << false << "The gateway rejected the API key / credentials (HTTP 403)";
    QTest::newRow("unreachable") << K::Unreachable << 0 << false << "Cannot reach pay.example:8443: ";
    QTest::newRow("timeout") << K::Timeout << 0 << false << "Cannot reach pay.example:8443: it did not answer";
    QTest::newRow("tls") << K::Tls << 0 << false << "The gateway's certificate is not trusted";
    QTest::newRow("429") << K::RateLimited << 429 << false << "pay.example:8443 is limiting requests (HTTP 429)";
    QTest::newRow("503") << K::Server << 503 << false << "pay.example:8443 has a problem right now (HTTP 503)";
    QTest::newRow("400") << K::BadRequest << 400 << false << "pay.example:8443 answered but refused the check (HTTP 400)";
    QTest::newRow("html page") << K::WrongContentType << 200 << false << "pay.example:8443 answered, but not like the gateway's API";
    QTest::newRow("malformed") << K::Malformed << 200 << false << "pay.example:8443 answered, but not like the gateway's API";
    QTest::newRow("config") << K::Config << 0 << false << "The provider settings are incomplete";
}

void tst_ConnectionTester::words()
{
    QFETCH(GatewayError::Kind, kind);
    QFETCH(int, http);
    QFETCH(bool, ok);
    QFETCH(QString, start);
    GatewayError error;
    error.kind = kind;
    error.httpStatus = http;
    error.message = QStringLiteral("details");
    const ConnectionTester::Verdict verdict = ConnectionTester::judge(&error, QStringLiteral("pay.example:8443"));
    QCOMPARE(verdict.ok, ok);
    QVERIFY2(verdict.words.startsWith(start), qPrintable(verdict.words));
}

QTEST_GUILESS_MAIN(tst_ConnectionTester)
#include "tst_ConnectionTester.moc"
