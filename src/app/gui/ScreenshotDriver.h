#pragma once

#include <QDir>
#include <QObject>

class CashierWindow;
class CustomerDisplay;
class SandboxServer;

// --screenshot-dir DIR: drives the real window through a sale the way a cashier would (types,
// presses Enter), lets the demo sandbox approve or decline, and saves idle, waiting-qr, paid,
// failed, help, dark and customer-display PNGs into DIR. Then quits. Demo mode only (the
// customer is played by the in-process sandbox).
class ScreenshotDriver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotDriver)

public:
    ScreenshotDriver(CashierWindow &window, CustomerDisplay *display, SandboxServer &sandbox, const QString &dir,
                     QObject *parent = nullptr);
    ~ScreenshotDriver() override;

    void start();

private:
    void step();
    void save(QWidget *widget, const QString &name);
    // Fills the form for a sale by `method` (a provider id; the push method shown in most shots).
    void typeSale(const QString &amount, const QString &mobile,
                  const QString &method = QStringLiteral("juspay-cred"));
    void after(int ms);

    CashierWindow &m_window;
    CustomerDisplay *m_display;
    SandboxServer &m_sandbox;
    QDir m_dir;
    int m_step = 0;
};
