#pragma once

#include "app/common/AppOptions.h"
#include "core/Result.h"
#include "gateway/profile/KeychainSecretSource.h"

#include <QObject>

#include <memory>

class AppServices;
class CashierWindow;

// What the cashier's window needs but need not wait for: the keychain (outside demo mode),
// then AppServices (ledger, gateways, engine and, in demo mode, the in-process sandbox), then
// the engine is attached to the window and unfinished orders are resumed. It runs once the
// window is on screen, so the cashier can start typing while the ledger is being opened;
// Pay becomes available when this finishes (tens of milliseconds).
class GuiStartup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiStartup)

public:
    GuiStartup(AppOptions options, CashierWindow &window, QObject *parent = nullptr);
    ~GuiStartup() override;

    // Queues the work; `finished` or `failed` follows.
    void start();
    // Valid after `finished`.
    AppServices *services() const { return m_services.get(); }

signals:
    void finished();
    void failed(const QString &message);

private:
    void createServices();

    AppOptions m_options;
    CashierWindow &m_window;
    KeychainSecretSource m_keychain;
    std::unique_ptr<AppServices> m_services;
};
