#include "Till.h"

#include "BackOfficeLauncher.h"
#include "app/common/AppServices.h"
#include "checkout/CheckoutEngine.h"
#include "sandbox/SandboxServer.h"
#include "ui/CashierWindow.h"
#include "ui/NavigationFilter.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTill, "counterpay.gui.till")

Till::Till(Settings &settings, QLocale locale, CashierWindow &window, QObject *parent)
    : QObject(parent), m_settings(settings), m_locale(std::move(locale)), m_window(window)
{
}

Till::~Till()
{
    // The back office's windows hold references to the services.
    m_backOffice.reset();
    m_services.reset();
}

void Till::open(const AppOptions &options)
{
    if (m_started)
        return;
    m_started = true;
    if (options.demo) {
        createServices(options);
        return;
    }
    // Outside demo mode the gateway secrets come from the OS keychain (insecure fallback off),
    // never from the profile file or the settings. A keychain that cannot be read leaves the
    // secrets empty: the gateways then refuse with a message that names the missing secret.
    m_keychain.load([this, options](const VoidResult &loaded) {
        if (!loaded.ok()) {
            m_keychainError = loaded.errorMessage();
            qCWarning(lcTill).noquote() << "counterpay: keychain:" << m_keychainError;
        }
        createServices(options);
    });
}

void Till::createServices(const AppOptions &options)
{
    auto services = AppServices::create(options, options.demo ? nullptr : &m_keychain);
    if (!services) {
        // A keychain that could not be read is the likely cause of a missing secret: say both.
        emit failed(m_keychainError.isEmpty() ? services.errorMessage()
                                              : tr("%1\n(The OS keychain could not be read: %2)")
                                                        .arg(services.errorMessage(), m_keychainError));
        return;
    }
    m_services = std::move(services).value();
    const QUrl sandbox = m_services->sandbox() ? m_services->sandbox()->baseUrl() : QUrl();
    m_window.setNavigationFilter(NavigationFilter(NavigationFilter::defaultGatewayHosts(), sandbox));
    m_window.attachEngine(m_services->engine());
    if (const Result<QStringList> resumed = m_services->engine().resumeOpenOrders(); !resumed)
        qCWarning(lcTill).noquote() << "counterpay: cannot resume open orders:" << resumed.errorMessage();
    m_backOffice = std::make_unique<BackOfficeLauncher>(*m_services, m_settings, m_locale, &m_window);
    emit opened();
}

AppServices &Till::services() const
{
    Q_ASSERT(m_services);
    return *m_services;
}

BackOfficeLauncher &Till::backOffice() const
{
    Q_ASSERT(m_backOffice);
    return *m_backOffice;
}
