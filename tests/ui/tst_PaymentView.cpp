#include "sandbox/SandboxServer.h"
#include "ui/GatewayBrowser.h"
#include "ui/PaymentView.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QImage>
#include <QSet>
#include <QTest>

// The payment view's embedded browser comes from the counterpay_webengine plugin, loaded the
// first time a page is shown (counterpay_add_test points COUNTERPAY_PLUGIN_PATH at the build's
// plugin folder). Real plugin, real WebEngine, real sandbox on 127.0.0.1.
namespace {
// As counterpay's main() does, before the application object: Qt WebEngine (the browser
// plugin) renders through OpenGL contexts shared with Qt's global one.
const bool kShareOpenGlContexts = [] {
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    return true;
}();
} // namespace

class tst_PaymentView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void missingPluginKeepsTheQr();
    void browserPluginLoadsOnlyWhenAPageIsShown();
    void blockedNavigationIsShownToTheCashier();

private:
    static bool webEngineLoaded();
    static int distinctColours(const QImage &image);
    PaymentSession session() const;

    std::unique_ptr<SandboxServer> m_sandbox;
    QUrl m_base;
};

int tst_PaymentView::distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

bool tst_PaymentView::webEngineLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/maps");
    return maps.readAll().contains("libQt6WebEngineCore");
}

PaymentSession tst_PaymentView::session() const
{
    PaymentSession s;
    s.orderId = QStringLiteral("T01-TEST-1");
    s.authUrl = m_base.resolved(QUrl(QStringLiteral("/__sandbox/scenario")));
    s.method = PaymentSession::Method::Get;
    return s;
}

void tst_PaymentView::initTestCase()
{
    m_sandbox = std::make_unique<SandboxServer>(SandboxOptions());
    const Result<QUrl> base = m_sandbox->start();
    QVERIFY2(base.ok(), qPrintable(base.errorMessage()));
    m_base = base.value();
    QVERIFY2(!qEnvironmentVariableIsEmpty("COUNTERPAY_PLUGIN_PATH"), "run under ctest");
}

void tst_PaymentView::missingPluginKeepsTheQr()
{
    const QByteArray saved = qgetenv("COUNTERPAY_PLUGIN_PATH");
    QTemporaryDir empty;
    qputenv("COUNTERPAY_PLUGIN_PATH", empty.path().toUtf8());
    PaymentView view;
    view.setNavigationFilter(NavigationFilter(NavigationFilter::defaultGatewayHosts(), m_base));
    view.begin(QStringLiteral("₹10.00"), QStringLiteral("Google Pay"), QString(), false);
    view.setSession(session());
    view.showWebPage();
    qputenv("COUNTERPAY_PLUGIN_PATH", saved);

    QVERIFY(!view.isShowingWebPage());
    QVERIFY(!view.webView());
    auto *hint = view.findChild<QLabel *>(QStringLiteral("hintLabel"));
    QVERIFY(hint);
    QVERIFY2(hint->text().contains(QLatin1String("embedded browser is not available")), qPrintable(hint->text()));
    QVERIFY(!webEngineLoaded());
}

void tst_PaymentView::browserPluginLoadsOnlyWhenAPageIsShown()
{
    PaymentView view;
    view.setNavigationFilter(NavigationFilter(NavigationFilter::defaultGatewayHosts(), m_base));
    view.resize(800, 600);
    view.show();
    view.begin(QStringLiteral("₹10.00"), QStringLiteral("Google Pay"), QString(), false);
    view.setSession(session());
    QVERIFY2(!webEngineLoaded(), "WebEngine must not load before a page is shown");

    view.showWebPage();
    QVERIFY(webEngineLoaded());
    QVERIFY(view.isShowingWebPage());
    QVERIFY(view.webView());
    QSignalSpy loaded(view.webView()->widget(), SIGNAL(loadFinished(bool)));
    QVERIFY(loaded.wait(30'000));
    QCOMPARE(loaded.first().first().toBool(), true);
    QCOMPARE(view.webView()->blockedCount(), 0);
    // Drawn, not only loaded: the browser's area holds the page, not one flat colour.
    QTRY_VERIFY_WITH_TIMEOUT(distinctColours(view.webView()->widget()->grab().toImage()) > 2, 10'000);
}

void tst_PaymentView::blockedNavigationIsShownToTheCashier()
{
    PaymentView view;
    view.setNavigationFilter(NavigationFilter(NavigationFilter::defaultGatewayHosts(), m_base));
    view.begin(QStringLiteral("₹10.00"), QStringLiteral("Google Pay"), QString(), false);
    view.setSession(session());
    view.show();
    view.showWebPage();
    QVERIFY(view.webView());
    QVERIFY(!view.webView()->open(QUrl(QStringLiteral("javascript:alert(1)"))));
    QVERIFY(!view.webView()->open(QUrl(QStringLiteral("https://evil.example/"))));
    QCOMPARE(view.webView()->blockedCount(), 2);
    auto *notice = view.findChild<QLabel *>(QStringLiteral("webNotice"));
    QVERIFY(notice);
    QTRY_VERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QLatin1String("https:evil.example")), qPrintable(notice->text()));
}

QTEST_MAIN(tst_PaymentView)
#include "tst_PaymentView.moc"
