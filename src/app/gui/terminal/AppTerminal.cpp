#include "AppTerminal.h"

#include "BackOfficeLauncher.h"
#include "EngineCheckoutBackend.h"
#include "app/common/AppServices.h"
#include "backoffice/Settings.h"
#include "checkout/CheckoutEngine.h"
#include "sandbox/SandboxServer.h"

#include <QTextStream>

AppTerminal::AppTerminal(std::unique_ptr<Settings> settings, QObject *parent)
    : QObject(parent), m_settings(settings ? std::move(settings) : std::make_unique<Settings>())
{
}

AppTerminal::~AppTerminal()
{
    // The back office's windows hold references to the services; the backend's connections
    // go before the engine does.
    m_backOffice.reset();
    m_checkout.reset();
    m_services.reset();
}

void AppTerminal::open(const AppOptions &options, CheckoutEvents &events, Opened opened)
{
    if (options.demo) {
        createServices(options, events, opened);
        return;
    }
    // Outside demo mode the gateway secrets come from the OS keychain (insecure fallback off),
    // never from the profile file or the settings.
    m_keychain.load([this, options, &events, opened](const VoidResult &loaded) {
        if (!loaded.ok())
            QTextStream(stderr) << "counterpay: " << loaded.errorMessage() << Qt::endl;
        createServices(options, events, opened);
    });
}

void AppTerminal::createServices(const AppOptions &options, CheckoutEvents &events, const Opened &opened)
{
    auto services = AppServices::create(options, options.demo ? nullptr : &m_keychain);
    if (!services) {
        opened(services.errorMessage());
        return;
    }
    m_services = std::move(services).value();
    m_checkout = std::make_unique<EngineCheckoutBackend>(m_services->engine(), m_services->providers(), events);
    opened(QString());
}

CheckoutBackend &AppTerminal::checkout()
{
    Q_ASSERT(m_checkout);
    return *m_checkout;
}

QUrl AppTerminal::sandboxUrl() const
{
    return m_services && m_services->sandbox() ? m_services->sandbox()->baseUrl() : QUrl();
}

Result<QStringList> AppTerminal::resumeOpenOrders()
{
    Q_ASSERT(m_services);
    return m_services->engine().resumeOpenOrders();
}

void AppTerminal::setUpBackOffice(const QLocale &locale, QWidget *window,
                                  std::function<void(const QString &why)> restartNeeded)
{
    Q_ASSERT(m_services && !m_backOffice);
    m_backOffice = std::make_unique<BackOfficeLauncher>(*m_services, *m_settings, locale, window);
    connect(m_backOffice.get(), &BackOfficeLauncher::restartNeeded, this,
            [restartNeeded = std::move(restartNeeded)](const QString &why) {
                if (restartNeeded)
                    restartNeeded(why);
            });
}

void AppTerminal::openBackOffice()
{
    if (m_backOffice)
        m_backOffice->open();
}

void AppTerminal::runFirstStartIfNeeded()
{
    if (m_backOffice)
        m_backOffice->runFirstStartIfNeeded();
}

void AppTerminal::whenLocked(std::function<void()> locked)
{
    if (!m_backOffice)
        return;
    connect(m_backOffice.get(), &BackOfficeLauncher::locked, this, [locked = std::move(locked)] {
        if (locked)
            locked();
    });
}

void AppTerminal::openSetup()
{
    if (m_backOffice)
        m_backOffice->openSetup();
}

bool AppTerminal::actAsCustomer(const QString &orderId, bool approve)
{
    SandboxServer *sandbox = m_services ? m_services->sandbox() : nullptr;
    if (!sandbox)
        return false;
    return approve ? sandbox->approve(orderId) : sandbox->decline(orderId);
}
