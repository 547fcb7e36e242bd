#pragma once

#include "core/PaymentState.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ResultView;
}

// The end of a sale: the outcome in words, colour and icon, the amount, order id, masked
// mobile and method, and what to do next in the cashier's language (advice()). The gateway's
// own words (Outcome::detail) are shown as they came, under "Gateway's words": CounterPay
// cannot translate a gateway's free text. The button Enter presses is the large one: Retry
// after a failure, decline or expiry, New sale otherwise.
class ResultView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultView)

public:
    struct Outcome
    {
        PaymentState state = PaymentState::Charged;
        QString amountText;
        QString orderId;
        QString maskedPhone;
        QString upiRrn; // the UPI reference the customer's app shows, once paid
        QString methodText;
        QString detail;
        bool qrPossible = true; // false: no "Show QR instead" (Google Pay direct)
        bool upiQrFallback = false; // F7 retries the same order as a UPI QR (a Juspay push)
    };

    explicit ResultView(QWidget *parent = nullptr);
    ~ResultView() override;

    void showOutcome(const Outcome &outcome);
    PaymentState state() const { return m_outcome.state; }
    QString headline() const;
    // What the cashier can do next, translated ("The customer did not approve in time ...").
    QString advice() const;

signals:
    void newSaleRequested();
    void retryRequested();
    void showQrRequested();
    void printRequested();
    void pdfRequested();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateKeyTexts();
    QFont m_buttonFont;
    QFont m_primaryFont;
    std::unique_ptr<Ui::ResultView> m_ui;
    Outcome m_outcome;
};
