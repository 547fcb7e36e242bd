#pragma once

#include "app/common/AppOptions.h"
#include "ui/CheckoutPort.h"

#include <QObject>

#include <memory>

class CashierWindow;
class Terminal;

// What the cashier's window needs but need not wait for. Once the window is on screen it loads
// the terminal plugin (Qt Network, Qt Sql, OpenSSL, libphonenumber, QtKeychain and the back
// office's Qt Charts and PrintSupport come with it), which opens the keychain (outside demo
// mode), the ledger, the gateways, the engine and, in demo mode, the in-process sandbox; then
// the engine is attached to the window and unfinished orders are resumed. The cashier can
// type while this happens; Pay works when it finishes (tens of milliseconds).
class GuiStartup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiStartup)

public:
    GuiStartup(AppOptions options, CashierWindow &window, QObject *parent = nullptr);
    ~GuiStartup() override;

    // Queues the work; `finished` or `failed` follows. Calls after the first do nothing.
    void start();
    // Valid after `finished`.
    Terminal *terminal() const { return m_terminal.get(); }
    CheckoutPort &checkout() { return m_checkout; }

signals:
    void finished();
    void failed(const QString &message);

private:
    void opened(const QString &error);

    AppOptions m_options;
    CashierWindow &m_window;
    CheckoutPort m_checkout;                // declared before the terminal, which reports to it
    std::unique_ptr<Terminal> m_terminal;
    bool m_started = false;
};
