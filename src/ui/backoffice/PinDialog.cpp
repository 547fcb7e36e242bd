#include "ui/backoffice/PinDialog.h"

#include "ui_PinDialog.h"

#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>

PinDialog::PinDialog(AccessControl &access, const QString &reason, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PinDialog>()), m_access(access)
{
    m_ui->setupUi(this);
    setMinimumWidth(400);
    m_ui->reasonLabel->setText(reason.isEmpty() ? tr("This needs the manager PIN.") : reason);
    m_ui->pinEdit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("\\d{0,8}")), m_ui->pinEdit));
    m_ui->pinError->setStyleSheet(QStringLiteral("color: #ffffff; background: #b31d1d; padding: 2px 6px; "
                                                 "border-radius: 4px;"));
    m_ui->pinError->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PinDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &PinDialog::reject);
    connect(m_ui->pinEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_busy && m_ui->pinEdit->text().size() >= 4);
    });
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
    if (m_access.lockedOutUntil().isValid())
        showUnlockError(Error { QStringLiteral("locked_out"), QString() });
    m_ui->pinEdit->setFocus();
}

PinDialog::~PinDialog() = default;

void PinDialog::requireManager(AccessControl &access, AccessControl::Action action, QWidget *parent,
                               std::function<void()> granted)
{
    if (access.require(action).ok()) {
        granted();
        return;
    }
    auto *dialog = new PinDialog(access,
                                 tr("Only a manager may %1. Enter the manager PIN.").arg(AccessControl::actionWords(action)),
                                 parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("pinDialog"));
    connect(dialog, &QDialog::accepted, dialog, [granted = std::move(granted)] { granted(); });
    dialog->open();
}

QString PinDialog::errorText() const
{
    return m_ui->pinError->isVisible() ? m_ui->pinError->text() : QString();
}

void PinDialog::accept()
{
    if (m_busy || m_ui->pinEdit->text().isEmpty())
        return;
    setBusy(true);
    m_ui->pinError->hide();
    QPointer<PinDialog> self(this);
    m_access.unlock(m_ui->pinEdit->text(), [self](const VoidResult &result) {
        if (!self)
            return;
        self->setBusy(false);
        if (result.ok()) {
            self->QDialog::accept();
            return;
        }
        self->m_ui->pinEdit->clear();
        self->m_ui->pinEdit->setFocus();
        self->showUnlockError(result.error());
    });
}

void PinDialog::showUnlockError(const Error &error)
{
    if (error.code == QLatin1String("wrong_pin")) {
        // How close the lockout is, so a manager who mistypes knows when to stop and look.
        const int left = m_access.pinTriesLeft();
        const int minutes = m_access.lockoutMinutes();
        showError(left == 1 ? tr("Wrong PIN. 1 more wrong PIN and the PIN is refused for %1 minutes.").arg(minutes)
                            : tr("Wrong PIN. %1 more wrong PINs and the PIN is refused for %2 minutes.").arg(left).arg(minutes));
    } else if (error.code == QLatin1String("locked_out")) {
        const QDateTime until = m_access.lockedOutUntil();
        showError(until.isValid()
                          ? tr("Too many wrong PINs. The PIN is refused until %1.")
                                    .arg(until.toLocalTime().toString(QStringLiteral("HH:mm")))
                          : error.message);
    } else if (error.code == QLatin1String("no_pin_set")) {
        showError(tr("No manager PIN is set yet. Set one in the first-run wizard."));
    } else {
        showError(error.message);
    }
}

void PinDialog::showError(const QString &message)
{
    m_ui->pinError->setText(QStringLiteral("\u26a0 ") + message);
    m_ui->pinError->show();
}

void PinDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->pinEdit->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy && m_ui->pinEdit->text().size() >= 4);
}
