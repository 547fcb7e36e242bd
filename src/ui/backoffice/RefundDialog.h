#pragma once

#include "core/Money.h"
#include "storage/OrderRecord.h"

#include <QDialog>
#include <QLocale>

#include <memory>
#include <optional>

namespace Ui {
class RefundDialog;
}

// Confirms a refund: everything still refundable or a part of it, with the amount in words
// before OK. It only asks; the caller (OrderDetailPane) sends it through ManagerActions.
class RefundDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefundDialog)

public:
    RefundDialog(const OrderRecord &order, const QLocale &locale, QWidget *parent = nullptr);
    ~RefundDialog() override;

    // Empty for "everything not yet refunded"; a partial amount otherwise. Valid after OK.
    std::optional<Money> amount() const;
    qint64 refundableMinorUnits() const;
    QString amountError() const;

private:
    void revalidate();

    std::unique_ptr<Ui::RefundDialog> m_ui;
    OrderRecord m_order;
    QLocale m_locale;
};
