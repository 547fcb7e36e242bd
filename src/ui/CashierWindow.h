#pragma once

#include "checkout/CheckoutRequest.h"
#include "core/PaymentState.h"
#include "gateway/PaymentSession.h"
#include "ui/CashierConfig.h"
#include "ui/ReceiptPrinter.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <memory>

namespace Ui {
class CashierWindow;
}
class AlertsPanel;
class Checkout;
class CustomerDisplay;
class HelpOverlay;
class PaymentView;
class ResultView;
class SaleFeedback;
class SaleForm;
struct GatewayError;

// The cashier's window. It renders the engine's signals for the current sale and turns keys
// and buttons into engine intents (pay, cancel, retry, check). It holds one thing of its own:
// the current sale's order id, passed again on a second Pay so the sale is never doubled.
class CashierWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CashierWindow)

public:
    enum class Page { Sale, Payment, Result };

    CashierWindow(Checkout &checkout, CashierConfig config, QWidget *parent = nullptr);
    // A window that can be shown (and typed into) before the engine exists; Pay works once
    // attachEngine() has been called. The app starts this way: outside demo mode the gateway
    // secrets come from the OS keychain, which answers asynchronously.
    explicit CashierWindow(CashierConfig config, QWidget *parent = nullptr);
    ~CashierWindow() override;

    // Connects the engine's signals and offers its providers, in their configured order. Once
    // only; `checkout` must outlive the window.
    void attachEngine(Checkout &checkout);
    bool hasEngine() const { return m_engine != nullptr; }
    // What the embedded browser may open (the demo sandbox's address is known only later).
    void setNavigationFilter(const NavigationFilter &filter);

    // Mirrors the sale there (not owned).
    void setCustomerDisplay(CustomerDisplay *display);

    Page page() const;
    QString currentOrderId() const { return m_orderId; }
    SaleForm *saleForm() const;
    PaymentView *paymentView();
    ResultView *resultView();
    AlertsPanel *alertsPanel() const { return m_alerts; }
    HelpOverlay *helpOverlay();

    // The intents behind the keys (public so a driver can press them like the cashier).
    void pay();
    void cancelOrClear();
    // Cancels the live payment at once (the Cancel button; Esc asks first).
    void cancelPayment();
    void retry();
    void showQrInstead();
    void newSale();
    void checkNow();
    void printReceipt();
    // Into a new dated file in `folder` (empty = ReceiptPrinter::receiptFolder()), no dialog.
    void saveReceiptPdf(const QString &folder = {});

signals:
    void languageRequested(const QString &language);
    // The window's first frame has been painted: it is on screen and takes input (for the
    // start-up benchmark).
    void ready();
    // The engine is connected: Pay works from here on.
    void engineAttached();
    // F10 or the Back office button: the app opens the manager's window.
    void backOfficeRequested();
    // "Set up for real payments" on the DEMO banner: the app opens the set-up wizard (or the
    // back office's settings once a manager PIN exists).
    void setupRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void addShortcuts();
    QString noQrMessage() const;
    bool ownsOrder(const QString &orderId) const;
    void onSessionStarted(const QString &orderId, const PaymentSession &session);
    void onStateChanged(const QString &orderId, PaymentState state, const QString &detail);
    void onGatewayFailed(const QString &orderId, const GatewayError &error);
    void showResult(PaymentState state, const QString &detail);
    void setPage(Page page);
    void showMessage(const QString &text);
    QString amountText() const;
    QString maskedPhone() const;
    std::optional<ReceiptPrinter::Receipt> receipt() const;
    // The configured method a declined, expired or failed sale may go on as (the UPI QR for a
    // Juspay push); empty when none.
    QString upiQrFallback() const;
    void retryAs(const QString &provider);
    void beginPaymentPage();

    std::unique_ptr<Ui::CashierWindow> m_ui;
    Checkout *m_engine = nullptr;
    CashierConfig m_config;
    AlertsPanel *m_alerts = nullptr; // created with the engine
    PaymentView *m_payment = nullptr; // built on first use
    ResultView *m_result = nullptr;   // built on first use
    HelpOverlay *m_help = nullptr; // built on first use
    SaleFeedback *m_feedback;
    CustomerDisplay *m_customer = nullptr;

    QString m_orderId;            // the current sale, chosen before its first Pay; empty before it
    CheckoutRequest m_request;    // what was sent for it
    PaymentState m_state = PaymentState::Created;
    QString m_detail;
    bool m_sending = false;       // inside engine.pay(): a second Pay or a clear waits
    bool m_preferQr = false;
    QElapsedTimer m_escArmed;     // since the first Esc on a live payment; a second one within 5 s cancels
    bool m_readyEmitted = false;
    bool m_shownOnce = false;
};
