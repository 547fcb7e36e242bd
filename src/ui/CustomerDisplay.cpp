#include "ui/CustomerDisplay.h"

#include "ui/QrCodeWidget.h"
#include "ui/StatusIndicator.h"
#include "ui_CustomerDisplay.h"

#include <QEvent>

CustomerDisplay::CustomerDisplay(const QString &merchantName, QWidget *parent)
    : QWidget(parent, Qt::Window), m_ui(std::make_unique<Ui::CustomerDisplay>()), m_merchant(merchantName)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("customerDisplay"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 3.2);
    big.setBold(true);
    m_ui->amountLabel->setFont(big);
    QFont merchant = font();
    merchant.setPointSizeF(merchant.pointSizeF() * 1.6);
    m_ui->merchantLabel->setFont(merchant);
    QFont message = font();
    message.setPointSizeF(message.pointSizeF() * 1.4);
    m_ui->messageLabel->setFont(message);
    QFont status = font();
    status.setPointSizeF(status.pointSizeF() * 1.3);
    m_ui->statusIndicator->setFont(status);
    m_ui->merchantLabel->setText(m_merchant);
    resize(600, 800);
    showIdle();
}

CustomerDisplay::~CustomerDisplay() = default;

QrCodeWidget *CustomerDisplay::qrCode() const
{
    return m_ui->qrCode;
}

StatusIndicator *CustomerDisplay::statusIndicator() const
{
    return m_ui->statusIndicator;
}

QString CustomerDisplay::amountText() const
{
    return m_ui->amountLabel->text();
}

void CustomerDisplay::showIdle()
{
    m_ui->amountLabel->clear();
    m_ui->qrCode->setText(QString());
    m_ui->qrCode->hide();
    m_ui->statusIndicator->reset();
    m_ui->statusIndicator->hide();
    m_ui->messageLabel->setText(tr("Welcome"));
}

void CustomerDisplay::showSale(const QString &amountText)
{
    m_ui->amountLabel->setText(amountText);
    m_ui->qrCode->setText(QString());
    m_ui->qrCode->hide();
    m_ui->statusIndicator->reset();
    m_ui->statusIndicator->setStartedAt(QDateTime::currentDateTimeUtc());
    m_ui->statusIndicator->setState(PaymentState::Submitting);
    m_ui->statusIndicator->show();
    m_ui->messageLabel->setText(tr("Please wait…"));
}

void CustomerDisplay::setSession(const PaymentSession &session)
{
    m_ui->statusIndicator->setExpiresAt(session.expiresAt);
    // The same code as on the cashier's screen (a UPI QR's intent, else the page), large.
    const QString code = session.scanCode();
    m_ui->qrCode->setText(code);
    m_ui->qrCode->setVisible(!code.isEmpty());
    const bool upi = !session.upiUri.isEmpty();
    m_ui->messageLabel->setText(upi && m_demo ? tr("DEMO: this code pays no one. Do not scan it with a real UPI app.")
                                : upi ? tr("Scan with any UPI app to pay")
                                : !code.isEmpty() ? tr("Scan the code with your phone to pay")
                                                  : tr("Approve the payment on your phone"));
}

void CustomerDisplay::setState(PaymentState state)
{
    m_ui->statusIndicator->setState(state);
    switch (state) {
    case PaymentState::Charged:
        m_ui->qrCode->hide();
        m_ui->messageLabel->setText(tr("Thank you! Payment received."));
        break;
    case PaymentState::Failed:
    case PaymentState::Declined:
    case PaymentState::Expired:
    case PaymentState::Cancelled:
        m_ui->qrCode->hide();
        m_ui->messageLabel->setText(tr("The payment was not completed."));
        break;
    default:
        break;
    }
}

void CustomerDisplay::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QWidget::changeEvent(event);
}
