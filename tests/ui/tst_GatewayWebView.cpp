#include "sandbox/SandboxServer.h"
#include "ui/webengine/GatewayWebView.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebEnginePage>

// The embedded browser with the real WebEngine (offscreen; QTWEBENGINE_DISABLE_SANDBOX=1 is set
// by counterpay_add_test) against an in-process sandbox on 127.0.0.1.
class tst_GatewayWebView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void javascriptAndForeignHostsAreBlocked();
    void pageScriptCannotLeaveTheGateway();

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    QUrl m_base;
};

void tst_GatewayWebView::initTestCase()
{
    m_sandbox = std::make_unique<SandboxServer>(SandboxOptions());
    const Result<QUrl> base = m_sandbox->start();
    QVERIFY2(base.ok(), qPrintable(base.errorMessage()));
    m_base = base.value();
}

void tst_GatewayWebView::javascriptAndForeignHostsAreBlocked()
{
    GatewayWebView view(NavigationFilter(NavigationFilter::defaultGatewayHosts(), m_base));
    QSignalSpy blocked(&view, &GatewayWebView::navigationBlocked);
    QVERIFY(!view.open(QUrl(QStringLiteral("javascript:document.title='pwned'"))));
    QVERIFY(!view.open(QUrl(QStringLiteral("https://evil.example/phish"))));
    QVERIFY(!view.open(QUrl(QStringLiteral("file:///etc/passwd"))));
    QVERIFY(!view.open(QUrl(QStringLiteral("data:text/html,hi"))));
    QCOMPARE(blocked.count(), 4);
    QVERIFY(view.url().isEmpty() || view.url() == QUrl(QStringLiteral("about:blank")));
    QVERIFY(view.title() != QLatin1String("pwned"));
}

void tst_GatewayWebView::pageScriptCannotLeaveTheGateway()
{
    GatewayWebView view(NavigationFilter(NavigationFilter::defaultGatewayHosts(), m_base));
    view.resize(600, 400);
    view.show();
    QSignalSpy loaded(&view, &QWebEngineView::loadFinished);
    const QUrl allowed = m_base.resolved(QUrl(QStringLiteral("/__sandbox/scenario")));
    QVERIFY(view.open(allowed));
    QVERIFY(loaded.wait(30'000));
    QCOMPARE(loaded.first().first().toBool(), true);

    QSignalSpy blocked(&view, &GatewayWebView::navigationBlocked);
    view.page()->runJavaScript(QStringLiteral("window.location.href = 'https://evil.example/steal';"));
    QVERIFY(blocked.wait(15'000));
    QCOMPARE(blocked.last().first().toUrl().host(), QStringLiteral("evil.example"));
    QTest::qWait(200); // asserts an absence: the blocked navigation must not land after the signal
    QCOMPARE(view.url().host(), m_base.host());
}

QTEST_MAIN(tst_GatewayWebView)
#include "tst_GatewayWebView.moc"
