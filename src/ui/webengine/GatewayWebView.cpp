#include "ui/webengine/GatewayWebView.h"

#include "ui/webengine/GatewayWebPage.h"
#include "ui/UiLogging.h"

#include <QWebEngineDownloadRequest>
#include <QWebEngineHttpRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

GatewayWebView::GatewayWebView(const NavigationFilter &filter, QWidget *parent)
    : QWebEngineView(parent), m_profile(new QWebEngineProfile(this)) // no name: off the record
{
    setObjectName(QStringLiteral("gatewayWebView"));
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    connect(m_profile, &QWebEngineProfile::downloadRequested, this, [this](QWebEngineDownloadRequest *download) {
        qCWarning(lcUi) << "blocked a download";
        download->cancel();
        emit downloadBlocked();
    });
    m_page = new GatewayWebPage(filter, m_profile, this);
    QWebEngineSettings *settings = m_page->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    settings->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    settings->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    settings->setAttribute(QWebEngineSettings::AllowWindowActivationFromJavaScript, false);
    connect(m_page, &GatewayWebPage::navigationBlocked, this, [this](const QUrl &url) {
        ++m_blocked;
        emit navigationBlocked(url);
    });
    setPage(m_page);
    setContextMenuPolicy(Qt::NoContextMenu);
}

GatewayWebView::~GatewayWebView()
{
    // The page must go before the profile it uses.
    setPage(nullptr);
    delete m_page;
}

bool GatewayWebView::open(const QUrl &url)
{
    // Checked here as well as in the page: a javascript: URL given to load() runs in the
    // current document without a navigation the page could refuse.
    if (!m_page->filter().allows(url)) {
        ++m_blocked;
        qCWarning(lcUi) << "refused to open" << url.scheme() << url.host();
        emit navigationBlocked(url);
        return false;
    }
    load(url);
    return true;
}

bool GatewayWebView::openSession(const PaymentSession &session)
{
    if (session.method != PaymentSession::Method::Post)
        return open(session.authUrl);
    if (!m_page->filter().allows(session.authUrl)) {
        ++m_blocked;
        emit navigationBlocked(session.authUrl);
        return false;
    }
    QMap<QString, QString> fields;
    for (auto it = session.params.cbegin(); it != session.params.cend(); ++it)
        fields.insert(it.key(), it.value());
    load(QWebEngineHttpRequest::postRequest(session.authUrl, fields));
    return true;
}
