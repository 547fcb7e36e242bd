#pragma once

#include "app/common/AppOptions.h"
#include "gateway/profile/KeychainSecretSource.h"

#include <QLocale>
#include <QObject>

#include <memory>

class AppServices;
class BackOfficeLauncher;
class CashierWindow;
class Settings;

// What stands behind the cashier's window, opened once it is on screen: outside demo mode the
// gateway secrets from the OS keychain (QtKeychain answers asynchronously), then the ledger, the
// gateways, the checkout engine and, in demo mode, the in-process sandbox (AppServices). The
// window is connected to the engine, unfinished orders are watched again, and the manager's
// back office is wired. The cashier can type meanwhile; Pay works from `opened` on.
class Till final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Till)

public:
    // `settings` is where the back office reads and writes the shop's settings; it and the
    // window must outlive the till.
    Till(Settings &settings, QLocale locale, CashierWindow &window, QObject *parent = nullptr);
    ~Till() override;

    // `opened` or `failed` follows, once; later calls do nothing. In demo mode everything is
    // opened before this returns.
    void open(const AppOptions &options);
    bool isOpen() const { return m_services != nullptr; }

    // Valid after `opened`.
    AppServices &services() const;
    BackOfficeLauncher &backOffice() const;

signals:
    void opened();
    // Why the till cannot sell (a damaged ledger, a profile that names no usable gateway ...).
    void failed(const QString &message);

private:
    void createServices(const AppOptions &options);

    Settings &m_settings;
    QLocale m_locale;
    CashierWindow &m_window;
    KeychainSecretSource m_keychain;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<BackOfficeLauncher> m_backOffice;
    QString m_keychainError;
    bool m_started = false;
};
