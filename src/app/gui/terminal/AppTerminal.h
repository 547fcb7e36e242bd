#pragma once

#include "app/gui/terminal/Terminal.h"
#include "backoffice/Settings.h"
#include "gateway/profile/KeychainSecretSource.h"

#include <QObject>

#include <memory>

class AppServices;
class BackOfficeLauncher;
class EngineCheckoutBackend;

// The Terminal the counterpay_terminal plugin creates: AppServices (ledger, gateways, engine,
// demo sandbox), the engine behind a CheckoutBackend, and the back office (BackOfficeLauncher).
class AppTerminal final : public QObject, public Terminal
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppTerminal)

public:
    // `settings`: where the back office keeps its settings; null = the user's (QSettings()).
    explicit AppTerminal(std::unique_ptr<Settings> settings = {}, QObject *parent = nullptr);
    ~AppTerminal() override;

    void open(const AppOptions &options, CheckoutEvents &events, Opened opened) override;
    CheckoutBackend &checkout() override;
    QUrl sandboxUrl() const override;
    Result<QStringList> resumeOpenOrders() override;
    void setUpBackOffice(const QLocale &locale, QWidget *window,
                         std::function<void(const QString &why)> restartNeeded) override;
    void openBackOffice() override;
    void runFirstStartIfNeeded() override;
    void openSetup() override;
    void whenLocked(std::function<void()> locked) override;
    bool actAsCustomer(const QString &orderId, bool approve) override;

    AppServices *services() const { return m_services.get(); }
    BackOfficeLauncher *backOffice() const { return m_backOffice.get(); }

private:
    void createServices(const AppOptions &options, CheckoutEvents &events, const Opened &opened);

    std::unique_ptr<Settings> m_settings;
    KeychainSecretSource m_keychain;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<EngineCheckoutBackend> m_checkout;
    std::unique_ptr<BackOfficeLauncher> m_backOffice;
};
