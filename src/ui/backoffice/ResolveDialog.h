#pragma once

#include "core/PaymentState.h"
#include "storage/OrderRecord.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ResolveDialog;
}

// Settles an order whose outcome is unknown: the outcome the manager confirmed with the
// provider or the bank, and why (required). The caller sends it through ManagerActions.
class ResolveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResolveDialog)

public:
    ResolveDialog(const OrderRecord &order, QWidget *parent = nullptr);
    ~ResolveDialog() override;

    PaymentState outcome() const;
    QString reason() const;

    void accept() override;

private:
    std::unique_ptr<Ui::ResolveDialog> m_ui;
};
