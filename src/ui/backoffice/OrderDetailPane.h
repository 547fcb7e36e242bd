#pragma once

#include "storage/OrderEvent.h"
#include "storage/OrderRecord.h"
#include "ui/ReceiptPrinter.h"

#include <QLocale>
#include <QTimeZone>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class OrderDetailPane;
}
class ManagerActions;
struct GatewayError;
struct RefundRecord;

// One order: its facts (masked phone, references, refunds) and its timeline - every request
// sent and every status seen - with the actions: re-check (anyone), refund and settle unknown
// (manager: the PIN is asked first, nothing happens without it) and reprint the receipt.
class OrderDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderDetailPane)

public:
    OrderDetailPane(ManagerActions &actions, const QLocale &locale, const QTimeZone &zone, QWidget *parent = nullptr);
    ~OrderDetailPane() override;

    // Shows an order (empty: nothing). Reads through ManagerActions (with its access check).
    void showOrder(const QString &orderId);
    void reload();
    QString orderId() const { return m_orderId; }
    std::optional<OrderRecord> order() const { return m_order; }
    // Every event (the tree folds repeated identical status checks into one row).
    const QList<OrderEvent> &timeline() const { return m_events; }
    QString message() const;
    void setMerchantName(const QString &name) { m_merchantName = name; }
    // Reprints go there without asking; empty = the system's default printer.
    void setReceiptPrinter(const QString &name) { m_receiptPrinter = name; }
    // Whether CounterPay can refund this provider's payments (ManagerActions::
    // refundUnavailableReason; where it cannot, the Refund button is disabled and the reason
    // is shown in words beside it).
    static bool refundsInCounterPay(const QString &provider);
    // The words beside a disabled Refund button; empty when a refund can be made.
    QString refundUnavailableText() const;
    // The receipt a reprint prints: the amount with what was refunded and the net, once any was.
    static ReceiptPrinter::Receipt receiptFor(const OrderRecord &order, const QString &merchantName,
                                              const QLocale &locale);

signals:
    // The order changed (refund sent, settled): the history should re-read.
    void orderChanged(const QString &orderId);

private:
    void recheck();
    void askRefund();
    void askResolve();
    void reprint();
    void refundFinished(const QString &orderId, const RefundRecord &refund, const QString &message);
    void refundFailed(const QString &orderId, const GatewayError &error);
    void showMessage(const QString &text, bool error);
    void updateButtons();
    QString eventWhat(const OrderEvent &event) const;
    // Two status checks that found the same thing (folded into one timeline row).
    static bool sameCheck(const OrderEvent &a, const OrderEvent &b);

    std::unique_ptr<Ui::OrderDetailPane> m_ui;
    ManagerActions &m_actions;
    QLocale m_locale;
    QTimeZone m_zone;
    QString m_orderId;
    std::optional<OrderRecord> m_order;
    QList<OrderEvent> m_events;
    QString m_merchantName;
    QString m_receiptPrinter;
};
