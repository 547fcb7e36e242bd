#include "ui/backoffice/ResolveDialog.h"

#include "ui/backoffice/BackOfficeText.h"
#include "ui_ResolveDialog.h"

ResolveDialog::ResolveDialog(const OrderRecord &order, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ResolveDialog>())
{
    m_ui->setupUi(this);
    m_ui->orderLabel->setText(tr("Order %1: nobody knows yet whether it was paid. Settle it only after the "
                                 "provider or the customer's bank confirmed the outcome.")
                                      .arg(order.orderId));
    for (PaymentState state : PaymentStates::all()) {
        if (state != PaymentState::Unknown && PaymentStates::isLegalTransition(PaymentState::Unknown, state))
            m_ui->outcomeCombo->addItem(BackOfficeText::state(state), int(state));
    }
    m_ui->reasonError->setStyleSheet(QStringLiteral("color: #ffffff; background: #b31d1d; padding: 2px 6px; "
                                                    "border-radius: 4px;"));
    m_ui->reasonError->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ResolveDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->reasonEdit, &QLineEdit::textChanged, m_ui->reasonError, &QLabel::hide);
}

ResolveDialog::~ResolveDialog() = default;

PaymentState ResolveDialog::outcome() const
{
    return PaymentState(m_ui->outcomeCombo->currentData().toInt());
}

QString ResolveDialog::reason() const
{
    return m_ui->reasonEdit->text().trimmed();
}

void ResolveDialog::accept()
{
    if (reason().isEmpty()) {
        m_ui->reasonError->setText(QStringLiteral("\u26a0 ") + tr("Say why: what the provider or the bank confirmed."));
        m_ui->reasonError->show();
        m_ui->reasonEdit->setFocus();
        return;
    }
    QDialog::accept();
}
