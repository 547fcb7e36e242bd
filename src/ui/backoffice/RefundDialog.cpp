#include "ui/backoffice/RefundDialog.h"

#include "gateway/ProviderRules.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui_RefundDialog.h"

#include <QPushButton>

RefundDialog::RefundDialog(const OrderRecord &order, const QLocale &locale, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::RefundDialog>()), m_order(order), m_locale(locale)
{
    m_ui->setupUi(this);
    const QString currency = order.amount.currency().code();
    m_ui->orderLabel->setText(tr("Order %1 took %2 by %3. Refundable now: %4.")
                                      .arg(order.orderId,
                                           BackOfficeText::money(order.amount.minorUnits(), currency, locale),
                                           ProviderRules::displayName(order.provider),
                                           BackOfficeText::money(refundableMinorUnits(), currency, locale)));
    m_ui->amountError->setStyleSheet(QStringLiteral("color: #ffffff; background: #b31d1d; padding: 2px 6px; "
                                                    "border-radius: 4px;"));
    m_ui->amountError->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->partialRadio, &QRadioButton::toggled, this, [this](bool partial) {
        m_ui->amountEdit->setEnabled(partial);
        if (partial)
            m_ui->amountEdit->setFocus();
        revalidate();
    });
    connect(m_ui->amountEdit, &QLineEdit::textChanged, this, &RefundDialog::revalidate);
    revalidate();
}

RefundDialog::~RefundDialog() = default;

qint64 RefundDialog::refundableMinorUnits() const
{
    return qMax<qint64>(0, m_order.amount.minorUnits() - m_order.refundedMinorUnits);
}

std::optional<Money> RefundDialog::amount() const
{
    if (!m_ui->partialRadio->isChecked())
        return std::nullopt;
    const Result<Money> parsed = Money::parse(m_ui->amountEdit->text().trimmed(), m_order.amount.currency(), m_locale);
    return parsed.ok() ? std::optional<Money>(parsed.value()) : std::nullopt;
}

QString RefundDialog::amountError() const
{
    if (!m_ui->partialRadio->isChecked())
        return refundableMinorUnits() > 0 ? QString() : tr("Nothing is left to refund.");
    const QString text = m_ui->amountEdit->text().trimmed();
    if (text.isEmpty())
        return tr("Type the amount to refund.");
    const Result<Money> parsed = Money::parse(text, m_order.amount.currency(), m_locale);
    if (!parsed.ok())
        return parsed.errorMessage();
    if (parsed.value().minorUnits() > refundableMinorUnits())
        return tr("At most %1 can be refunded.")
                .arg(BackOfficeText::money(refundableMinorUnits(), m_order.amount.currency().code(), m_locale));
    return {};
}

void RefundDialog::revalidate()
{
    const QString problem = amountError();
    const bool typing = m_ui->partialRadio->isChecked() && m_ui->amountEdit->text().trimmed().isEmpty();
    m_ui->amountError->setText(QStringLiteral("\u26a0 ") + problem);
    m_ui->amountError->setVisible(!problem.isEmpty() && !typing);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    const std::optional<Money> part = amount();
    const qint64 minor = part ? part->minorUnits() : refundableMinorUnits();
    m_ui->confirmLabel->setText(problem.isEmpty()
                                        ? tr("Press OK to send %1 back to the customer. This cannot be undone.")
                                                  .arg(BackOfficeText::money(minor, m_order.amount.currency().code(), m_locale))
                                        : QString());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Refund"));
}
