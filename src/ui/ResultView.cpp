#include "ui/ResultView.h"

#include "ui/StatusIndicator.h"
#include "ui_ResultView.h"

#include <QEvent>
#include <QKeyEvent>
#include <QPushButton>

ResultView::ResultView(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::ResultView>())
{
    m_ui->setupUi(this);
    QFont big = m_ui->amountLabel->font();
    big.setPointSizeF(big.pointSizeF() * 2.4);
    big.setBold(true);
    m_ui->amountLabel->setFont(big);
    m_buttonFont = m_ui->newSaleButton->font();
    m_primaryFont = m_buttonFont;
    m_primaryFont.setPointSizeF(m_primaryFont.pointSizeF() * 1.4);
    m_primaryFont.setBold(true);
    QFont advice = m_ui->adviceLabel->font();
    advice.setPointSizeF(advice.pointSizeF() * 1.2);
    m_ui->adviceLabel->setFont(advice);
    connect(m_ui->newSaleButton, &QPushButton::clicked, this, &ResultView::newSaleRequested);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &ResultView::retryRequested);
    connect(m_ui->showQrButton, &QPushButton::clicked, this, &ResultView::showQrRequested);
    connect(m_ui->printButton, &QPushButton::clicked, this, &ResultView::printRequested);
    connect(m_ui->pdfButton, &QPushButton::clicked, this, &ResultView::pdfRequested);
    // Outside a dialog a push button ignores Enter unless it is (auto-)default: these two
    // act on Enter/Return when they have the focus, like Space.
    m_ui->printButton->setAutoDefault(true);
    m_ui->pdfButton->setAutoDefault(true);
}

ResultView::~ResultView() = default;

QString ResultView::headline() const
{
    return m_ui->outcomeIndicator->stateText();
}

void ResultView::showOutcome(const Outcome &outcome)
{
    m_outcome = outcome;
    m_ui->outcomeIndicator->reset();
    m_ui->outcomeIndicator->setState(outcome.state, QString());
    m_ui->amountLabel->setText(outcome.amountText);
    m_ui->orderIdLabel->setText(outcome.orderId);
    m_ui->methodLabel->setText(outcome.methodText);
    // A QR sale has no mobile: the row would only say "(none)".
    m_ui->phoneLabel->setText(outcome.maskedPhone);
    m_ui->phoneCaption->setVisible(!outcome.maskedPhone.isEmpty());
    m_ui->phoneLabel->setVisible(!outcome.maskedPhone.isEmpty());
    m_ui->rrnLabel->setText(outcome.upiRrn);
    m_ui->rrnCaption->setVisible(!outcome.upiRrn.isEmpty());
    m_ui->rrnLabel->setVisible(!outcome.upiRrn.isEmpty());
    m_ui->detailLabel->setText(outcome.detail);
    m_ui->detailCaption->setVisible(!outcome.detail.isEmpty());
    m_ui->detailLabel->setVisible(!outcome.detail.isEmpty());
    const bool paid = outcome.state == PaymentState::Charged;
    const bool retryable = PaymentStates::isRetryable(outcome.state);
    m_ui->printButton->setVisible(paid);
    m_ui->pdfButton->setVisible(paid);
    m_ui->retryButton->setVisible(retryable);
    m_ui->showQrButton->setVisible(retryable && (outcome.qrPossible || outcome.upiQrFallback));
    // The button Enter presses is the large one.
    QPushButton *primary = retryable ? m_ui->retryButton : m_ui->newSaleButton;
    QPushButton *secondary = retryable ? m_ui->newSaleButton : m_ui->retryButton;
    primary->setFont(m_primaryFont);
    primary->setMinimumHeight(52);
    primary->setDefault(true);
    secondary->setFont(m_buttonFont);
    secondary->setMinimumHeight(0);
    secondary->setDefault(false);
    updateKeyTexts();
    // After a failure the likely next step is to try again: Enter retries, and "New sale" has
    // its own key (F2), so a declined or expired sale is never thrown away by one Enter.
    if (retryable)
        m_ui->retryButton->setFocus(Qt::OtherFocusReason);
    else
        m_ui->newSaleButton->setFocus(Qt::OtherFocusReason);
}

QString ResultView::advice() const
{
    // A Juspay push that ended without money: F7 goes on with a UPI QR of the same sale.
    const QString upi = tr("Press F7 for a UPI QR of the same sale: the customer scans it with any UPI app.");
    if (m_outcome.upiQrFallback) {
        switch (m_outcome.state) {
        case PaymentState::Declined: return tr("The customer or their bank declined.") + u' ' + upi;
        case PaymentState::Expired: return tr("The customer did not approve in time.") + u' ' + upi;
        case PaymentState::Failed: return tr("The payment did not go through.") + u' ' + upi;
        default: break;
        }
    }
    switch (m_outcome.state) {
    case PaymentState::Declined:
        return m_outcome.qrPossible
                       ? tr("The customer or their bank declined. Retry, or show a QR to pay with another app.")
                       : tr("The customer or their bank declined. Retry, or take another method.");
    case PaymentState::Expired:
        return m_outcome.qrPossible ? tr("The customer did not approve in time. Retry, or show a QR to scan.")
                                    : tr("The customer did not approve in time. Retry, or take another method.");
    case PaymentState::Failed:
        return tr("The payment did not go through. Retry, or take another method.");
    case PaymentState::Cancelled:
        return tr("The payment was cancelled.");
    case PaymentState::Unknown:
        return tr("The outcome is not known yet. Do not charge again: check it in the back office (F10).");
    case PaymentState::Charged:
        return tr("Paid. The receipt can be printed (F9).");
    case PaymentState::Refunded:
    case PaymentState::PartiallyRefunded:
    case PaymentState::Created:
    case PaymentState::Submitting:
    case PaymentState::AwaitingCustomer:
        return QString();
    }
    return QString();
}

void ResultView::updateKeyTexts()
{
    m_ui->adviceLabel->setText(advice());
    m_ui->adviceLabel->setVisible(!m_ui->adviceLabel->text().isEmpty());
    const bool retryable = PaymentStates::isRetryable(m_outcome.state);
    m_ui->newSaleButton->setText(retryable ? tr("New sale (F2)") : tr("New sale (Enter)"));
    m_ui->retryButton->setText(retryable ? tr("Retry (Enter or F6)") : tr("Retry (F6)"));
    m_ui->showQrButton->setText(m_outcome.upiQrFallback ? tr("Retry as UPI QR (F7)") : tr("Show QR instead (F7)"));
}

void ResultView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (QWidget *focus = focusWidget(); focus && focus != m_ui->newSaleButton && focus != m_ui->retryButton) {
            QWidget::keyPressEvent(event);
            return;
        }
        if (PaymentStates::isRetryable(m_outcome.state))
            emit retryRequested();
        else
            emit newSaleRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ResultView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateKeyTexts();
    }
    QWidget::changeEvent(event);
}
