#include "ui/NavigationFilter.h"

#include <QTest>

class tst_NavigationFilter final : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void noSandboxOutsideDemo();
};

void tst_NavigationFilter::check_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("verdict");
    const int allowed = int(NavigationFilter::Verdict::Allowed);
    const int scheme = int(NavigationFilter::Verdict::BlockedScheme);
    const int host = int(NavigationFilter::Verdict::BlockedHost);
    QTest::newRow("juspay https") << "https://api.juspay.in/v2/pay/start/m/abc" << allowed;
    QTest::newRow("host case") << "https://API.Juspay.in/x" << allowed;
    QTest::newRow("subdomain of a dotted entry") << "https://pay.wallet.example/auth" << allowed;
    QTest::newRow("dotted entry itself") << "https://wallet.example/auth" << allowed;
    QTest::newRow("sandbox origin") << "http://127.0.0.1:41234/__sandbox/pay/T01X" << allowed;
    QTest::newRow("juspay over http") << "http://api.juspay.in/x" << scheme;
    QTest::newRow("javascript") << "javascript:alert(1)" << scheme;
    QTest::newRow("file") << "file:///etc/passwd" << scheme;
    QTest::newRow("data") << "data:text/html,<script>alert(1)</script>" << scheme;
    QTest::newRow("blob") << "blob:https://api.juspay.in/123" << scheme;
    QTest::newRow("ftp") << "ftp://api.juspay.in/x" << scheme;
    QTest::newRow("relative") << "/v2/pay" << scheme;
    QTest::newRow("foreign host") << "https://evil.example/phish" << host;
    QTest::newRow("lookalike suffix") << "https://api.juspay.in.evil.example/x" << host;
    QTest::newRow("lookalike prefix") << "https://evilapi.juspay.in/x" << host;
    QTest::newRow("other port on gateway") << "https://api.juspay.in:8443/x" << host;
    QTest::newRow("credentials in url") << "https://user:pw@api.juspay.in/x" << host;
    QTest::newRow("sandbox other port") << "http://127.0.0.1:41235/" << scheme;
    QTest::newRow("sandbox https") << "https://127.0.0.1:41234/" << host;
    QTest::newRow("localhost name") << "http://localhost:41234/" << scheme;
}

void tst_NavigationFilter::check()
{
    QFETCH(QString, url);
    QFETCH(int, verdict);
    const NavigationFilter filter(NavigationFilter::defaultGatewayHosts() << QStringLiteral(".wallet.example"),
                                  QUrl(QStringLiteral("http://127.0.0.1:41234")));
    QCOMPARE(int(filter.check(QUrl(url))), verdict);
}

void tst_NavigationFilter::noSandboxOutsideDemo()
{
    const NavigationFilter filter(NavigationFilter::defaultGatewayHosts());
    QVERIFY(!filter.allows(QUrl(QStringLiteral("http://127.0.0.1:41234/__sandbox/pay/T01X"))));
    QVERIFY(filter.allows(QUrl(QStringLiteral("https://sandbox.juspay.in/x"))));
}

QTEST_GUILESS_MAIN(tst_NavigationFilter)
#include "tst_NavigationFilter.moc"
