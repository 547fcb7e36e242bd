#pragma once

#include <QLocale>
#include <QObject>
#include <QPointer>

#include <memory>

class AccessControl;
class AppServices;
class BackOfficeWindow;
class FirstRunWizard;
class KeychainSecretStore;
class SecretStore;
class ManagerActions;
class Reconciler;
class RefundService;
class Settings;
class QWidget;

// The manager's side of the app, wired once the ledger and engine exist: the keychain store,
// access control (PIN, lockout, idle lock), refunds, manager actions and reconciliation, the
// back-office window (opened with F10) and, on a first start, the first-run wizard.
class BackOfficeLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackOfficeLauncher)

public:
    BackOfficeLauncher(AppServices &services, Settings &settings, QLocale locale, QWidget *window,
                       QObject *parent = nullptr);
    // With another secret store than the OS keychain (tests: MemorySecretStore).
    BackOfficeLauncher(AppServices &services, Settings &settings, QLocale locale, QWidget *window,
                       std::unique_ptr<SecretStore> secrets, QObject *parent = nullptr);
    ~BackOfficeLauncher() override;

    // Shows the back office (created on first use); a cashier sees today's history only and
    // is asked for the manager PIN for the rest.
    void open();
    // On a first start (FirstRunDone not set) of a till set to sandbox or production, shows
    // the first-run wizard over the window. Never in demo.
    void runFirstStartIfNeeded();
    // The wizard while no manager PIN is stored, the back office once one is.
    void openSetup();

    AccessControl &access() const { return *m_access; }

signals:
    // The wizard finished and changed where payments go: the app must restart to use it.
    void restartNeeded(const QString &why);
    // The manager role ended (Lock or the idle lock).
    void locked();

private:
    void showWizard();
    AppServices &m_services;
    Settings &m_settings;
    QLocale m_locale;
    QWidget *m_window;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<RefundService> m_refunds;
    std::unique_ptr<ManagerActions> m_actions;
    std::unique_ptr<Reconciler> m_reconciler;
    std::unique_ptr<BackOfficeWindow> m_backOffice;
    QPointer<FirstRunWizard> m_wizard;
};
