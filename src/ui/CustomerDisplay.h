#pragma once

#include "core/PaymentState.h"
#include "gateway/PaymentSession.h"

#include <QWidget>

#include <memory>

namespace Ui {
class CustomerDisplay;
}
class QrCodeWidget;
class StatusIndicator;

// The customer's window (a second screen or --customer-display): the amount, the QR and the
// status in large type. It mirrors what the cashier's window tells it.
class CustomerDisplay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerDisplay)

public:
    explicit CustomerDisplay(const QString &merchantName, QWidget *parent = nullptr);
    ~CustomerDisplay() override;

    // Demo mode: a UPI QR says in words that no real UPI app may scan it.
    void setDemo(bool demo) { m_demo = demo; }
    void showIdle();
    void showSale(const QString &amountText);
    void setSession(const PaymentSession &session);
    void setState(PaymentState state);

    QrCodeWidget *qrCode() const;
    StatusIndicator *statusIndicator() const;
    QString amountText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::CustomerDisplay> m_ui;
    QString m_merchant;
    bool m_demo = false;
};
