#pragma once

#include "core/PaymentState.h"
#include "gateway/PaymentSession.h"
#include "ui/NavigationFilter.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class PaymentView;
}
class GatewayBrowser;
class QrCodeWidget;
class StatusIndicator;

// The sale while the customer acts: the QR (a UPI QR's upi://pay intent, beside it the amount,
// the payee, "Scan with any UPI app" and the time left; otherwise the authentication URL), or
// the gateway's page in an embedded browser (created only when first needed), the live status
// and the actions.
// It renders what it is told and reports what the cashier asked for; it decides nothing.
class PaymentView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaymentView)

public:
    explicit PaymentView(QWidget *parent = nullptr);
    ~PaymentView() override;

    void setNavigationFilter(const NavigationFilter &filter) { m_filter = filter; }
    // Demo mode: a UPI QR says in words that no real UPI app may scan it.
    void setDemo(bool demo);
    // Whether F7 retries a declined, expired or failed sale as a UPI QR on the same order
    // (a Juspay push with the UPI QR configured); the button then says so.
    void setUpiQrFallback(bool available);

    // `qrPossible`: false where the provider shows nothing to scan (Google Pay direct).
    void begin(const QString &amountText, const QString &methodText, const QString &maskedPhone, bool push,
               bool qrPossible = true);
    void setSession(const PaymentSession &session);
    void setState(PaymentState state, const QString &detail);
    void setLastCheck(const QDateTime &at);
    void showQr();
    // Loads the browser plugin and creates the web view on first use, then opens the session's
    // page in it. Without the plugin it says so and stays on the QR.
    void showWebPage();

    QrCodeWidget *qrCode() const;
    StatusIndicator *statusIndicator() const;
    GatewayBrowser *webView() const { return m_web; }
    bool isShowingWebPage() const;
    const PaymentSession &session() const { return m_session; }

signals:
    void cancelRequested();
    void retryRequested();
    void showQrRequested();
    void checkNowRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateHint();
    void updateActions();
    void updateCountdown();

    std::unique_ptr<Ui::PaymentView> m_ui;
    NavigationFilter m_filter;
    PaymentSession m_session;
    GatewayBrowser *m_web = nullptr;
    PaymentState m_state = PaymentState::Created;
    QString m_maskedPhone;
    QString m_browserError; // why the embedded browser could not be shown
    bool m_push = false;
    bool m_qrPossible = true;
    bool m_demo = false;
    bool m_upiQrFallback = false;
    QString m_amountText;
    QTimer *m_countdown = nullptr; // ticks the UPI QR's time left while it can be paid
};
