#pragma once

#include "core/PaymentState.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ResultView;
}

// The end of a sale: the outcome in words, colour and icon, the amount, order id, masked
// mobile and method, and what to do next. "New sale" has the focus.
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
        QString methodText;
        QString detail;
        bool qrPossible = true; // false: no "Show QR instead" (Google Pay direct)
    };

    explicit ResultView(QWidget *parent = nullptr);
    ~ResultView() override;

    void showOutcome(const Outcome &outcome);
    PaymentState state() const { return m_outcome.state; }
    QString headline() const;

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
    std::unique_ptr<Ui::ResultView> m_ui;
    Outcome m_outcome;
};
