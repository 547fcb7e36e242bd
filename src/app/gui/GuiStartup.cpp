#include "GuiStartup.h"

#include "app/common/AppServices.h"
#include "checkout/CheckoutEngine.h"
#include "sandbox/SandboxServer.h"
#include "ui/CashierWindow.h"

#include <QTextStream>
#include <QTimer>

GuiStartup::GuiStartup(AppOptions options, CashierWindow &window, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_window(window)
{
}

GuiStartup::~GuiStartup() = default;

void GuiStartup::start()
{
    QTimer::singleShot(0, this, [this] {
        if (m_options.demo) {
            createServices();
            return;
        }
        // Outside demo mode the gateway secrets come from the OS keychain (insecure fallback
        // off), never from the profile file or the settings.
        m_keychain.load([this](const VoidResult &loaded) {
            if (!loaded.ok())
                QTextStream(stderr) << "counterpay: " << loaded.errorMessage() << Qt::endl;
            createServices();
        });
    });
}

void GuiStartup::createServices()
{
    auto services = AppServices::create(m_options, m_options.demo ? nullptr : &m_keychain);
    if (!services) {
        emit failed(services.errorMessage());
        return;
    }
    m_services = std::move(services).value();
    const QUrl sandbox = m_services->sandbox() ? m_services->sandbox()->baseUrl() : QUrl();
    m_window.setNavigationFilter(NavigationFilter(NavigationFilter::defaultGatewayHosts(), sandbox));
    m_window.attachEngine(m_services->engine(), m_services->providers());
    m_services->engine().resumeOpenOrders();
    emit finished();
}
