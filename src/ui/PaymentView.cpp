#include "ui/PaymentView.h"

#include "ui/GatewayBrowser.h"
#include "ui/UiPluginLoader.h"
#include "ui/StatusIndicator.h"
#include "ui_PaymentView.h"

#include <QEvent>

PaymentView::PaymentView(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::PaymentView>())
{
    m_ui->setupUi(this);
    QFont big = m_ui->amountLabel->font();
    big.setPointSizeF(big.pointSizeF() * 2.4);
    big.setBold(true);
    m_ui->amountLabel->setFont(big);
    QFont hint = m_ui->hintLabel->font();
    hint.setPointSizeF(hint.pointSizeF() * 1.2);
    m_ui->hintLabel->setFont(hint);
    // A UPI QR: the code takes most of the width, its facts beside it in large type.
    m_ui->qrLayout->setStretch(0, 3);
    m_ui->qrLayout->setStretch(1, 2);
    QFont scan = font();
    scan.setPointSizeF(scan.pointSizeF() * 1.8);
    scan.setBold(true);
    m_ui->upiScanLabel->setFont(scan);
    m_ui->upiAmountLabel->setFont(big);
    QFont facts = font();
    facts.setPointSizeF(facts.pointSizeF() * 1.4);
    m_ui->upiPayeeLabel->setFont(facts);
    m_ui->upiCountdownLabel->setFont(facts);
    m_ui->demoWarningLabel->setStyleSheet(QStringLiteral("QLabel { background: #ffd400; color: black; padding: 6px; }"));
    m_ui->upiPanel->hide();
    m_ui->demoWarningLabel->hide();
    m_countdown = new QTimer(this);
    // As often as the status line's clock (100 ms), so "Valid for" and "Time left" agree
    // to within a tick instead of drifting a second apart.
    m_countdown->setInterval(100);
    connect(m_countdown, &QTimer::timeout, this, &PaymentView::updateCountdown);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &PaymentView::cancelRequested);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &PaymentView::retryRequested);
    connect(m_ui->showQrButton, &QPushButton::clicked, this, [this] {
        // While the customer can still act, the QR is already there: just show it. After a
        // failed push the window asks the engine for a new transaction first.
        if (m_ui->retryButton->isVisible() || m_ui->qrCode->text().isEmpty())
            emit showQrRequested();
        else
            showQr();
    });
    connect(m_ui->checkNowButton, &QPushButton::clicked, this, &PaymentView::checkNowRequested);
    connect(m_ui->openPageButton, &QPushButton::clicked, this, &PaymentView::showWebPage);
    updateActions();
}

PaymentView::~PaymentView() = default;

QrCodeWidget *PaymentView::qrCode() const
{
    return m_ui->qrCode;
}

StatusIndicator *PaymentView::statusIndicator() const
{
    return m_ui->statusIndicator;
}

bool PaymentView::isShowingWebPage() const
{
    return m_ui->authStack->currentWidget() == m_ui->webPage;
}

void PaymentView::begin(const QString &amountText, const QString &methodText, const QString &maskedPhone, bool push,
                        bool qrPossible)
{
    m_session = PaymentSession();
    m_amountText = amountText;
    m_ui->upiPanel->hide();
    m_countdown->stop();
    m_maskedPhone = maskedPhone;
    m_push = push;
    m_qrPossible = qrPossible;
    m_ui->amountLabel->setText(amountText);
    m_ui->methodLabel->setText(maskedPhone.isEmpty() ? methodText : methodText + u'\n' + maskedPhone);
    m_ui->qrCode->setText(QString());
    m_ui->statusIndicator->reset();
    m_ui->statusIndicator->setStartedAt(QDateTime::currentDateTimeUtc());
    m_ui->statusIndicator->setState(PaymentState::Submitting);
    m_state = PaymentState::Submitting;
    if (m_web)
        m_web->stopLoading();
    m_ui->authStack->setCurrentWidget(m_ui->qrPage);
    updateHint();
    updateActions();
}

void PaymentView::setSession(const PaymentSession &session)
{
    m_session = session;
    m_ui->statusIndicator->setExpiresAt(session.expiresAt);
    // A POST authentication cannot travel in a QR code: it is a form the browser must submit.
    // It is shown in the embedded browser instead (see docs/cashier.md, "POST authentication").
    if (session.method == PaymentSession::Method::Post) {
        m_ui->qrCode->setText(QString());
        showWebPage();
    } else {
        m_ui->qrCode->setText(session.scanCode());
        if (m_web && isShowingWebPage())
            m_web->openSession(session);
    }
    const bool upi = !session.upiUri.isEmpty();
    m_ui->upiPanel->setVisible(upi);
    m_ui->demoWarningLabel->setVisible(upi && m_demo);
    if (upi) {
        m_ui->upiAmountLabel->setText(m_amountText);
        m_ui->upiPayeeLabel->setText(session.payeeName.isEmpty() ? QString() : tr("To %1").arg(session.payeeName));
        m_ui->upiPayeeLabel->setVisible(!session.payeeName.isEmpty());
        updateCountdown();
        m_countdown->start();
    }
    updateHint();
    updateActions();
}

void PaymentView::setDemo(bool demo)
{
    m_demo = demo;
    m_ui->demoWarningLabel->setVisible(demo && !m_session.upiUri.isEmpty());
}

void PaymentView::setUpiQrFallback(bool available)
{
    m_upiQrFallback = available;
    updateActions();
}

void PaymentView::updateCountdown()
{
    const bool payable = m_state == PaymentState::AwaitingCustomer || m_state == PaymentState::Submitting
                         || m_state == PaymentState::Unknown;
    if (!m_session.expiresAt.isValid() || !payable) {
        // Once the sale has ended the status line says why; no clock beside a dead code.
        m_ui->upiCountdownLabel->hide();
        if (!payable)
            m_countdown->stop();
        return;
    }
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_session.expiresAt);
    m_ui->upiCountdownLabel->setVisible(true);
    if (left <= 0) {
        m_ui->upiCountdownLabel->setText(tr("This QR has expired"));
        return;
    }
    m_ui->upiCountdownLabel->setText(tr("Valid for %1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
}

void PaymentView::setState(PaymentState state, const QString &detail)
{
    m_state = state;
    m_ui->statusIndicator->setState(state, detail);
    updateCountdown();
    updateHint();
    updateActions();
}

void PaymentView::setLastCheck(const QDateTime &at)
{
    m_ui->statusIndicator->setLastCheck(at);
}

void PaymentView::showQr()
{
    m_ui->authStack->setCurrentWidget(m_ui->qrPage);
    updateActions();
}

void PaymentView::showWebPage()
{
    if (!m_web) {
        QString error;
        GatewayBrowserFactory *factory = UiPluginLoader::browserFactory(&error);
        if (!factory) {
            m_browserError = tr("The embedded browser is not available (%1). Use the QR code.").arg(error);
            showQr();
            updateHint();
            return;
        }
        // Created lazily: WebEngine costs start-up time and memory.
        m_web = factory->createBrowser(m_filter, m_ui->webPage, [this](const QUrl &url) {
            m_ui->webNotice->setText(tr("Blocked a page outside the payment gateway (%1).")
                                             .arg(url.scheme() + u':' + url.host()));
            m_ui->webNotice->show();
        });
        m_ui->webLayout->addWidget(m_web->widget(), 1);
    }
    m_ui->webNotice->hide();
    m_ui->authStack->setCurrentWidget(m_ui->webPage);
    if (!m_session.authUrl.isEmpty())
        m_web->openSession(m_session);
    updateActions();
}

void PaymentView::updateHint()
{
    QString hint;
    if (m_state == PaymentState::Submitting || m_state == PaymentState::Created) {
        hint = tr("Contacting the payment gateway…");
    } else if (m_state == PaymentState::AwaitingCustomer) {
        if (m_session.method == PaymentSession::Method::Post)
            hint = tr("This wallet signs in with a form: the customer completes it on this screen.");
        else if (m_push && !m_maskedPhone.isEmpty() && m_session.authUrl.isEmpty())
            hint = tr("A payment request was sent to %1. Ask the customer to approve it on their phone.")
                           .arg(m_maskedPhone);
        else if (m_push && !m_maskedPhone.isEmpty())
            hint = tr("A payment request was sent to %1. Ask the customer to approve it on their phone, "
                      "or to scan the code.").arg(m_maskedPhone);
        else if (!m_session.upiUri.isEmpty())
            hint = tr("Ask the customer to scan the code with any UPI app and approve the payment.");
        else
            hint = tr("Ask the customer to scan the code with their phone and approve the payment.");
    } else if (m_state == PaymentState::Unknown) {
        hint = tr("The gateway did not answer clearly. CounterPay keeps checking; do not charge again.");
    }
    if (!m_browserError.isEmpty())
        hint = hint.isEmpty() ? m_browserError : hint + u'\n' + m_browserError;
    m_ui->hintLabel->setText(hint);
    m_ui->hintLabel->setVisible(!hint.isEmpty());
}

void PaymentView::updateActions()
{
    const bool retryable = PaymentStates::isRetryable(m_state);
    const bool waiting = m_state == PaymentState::Submitting || m_state == PaymentState::AwaitingCustomer
                         || m_state == PaymentState::Unknown || m_state == PaymentState::Created;
    m_ui->cancelButton->setEnabled(waiting);
    m_ui->checkNowButton->setEnabled(waiting && m_state != PaymentState::Created);
    m_ui->retryButton->setVisible(retryable);
    const bool switchToUpi = retryable && m_upiQrFallback;
    m_ui->showQrButton->setText(switchToUpi ? tr("Retry as UPI QR (F7)") : tr("Show QR instead (F7)"));
    m_ui->showQrButton->setVisible(switchToUpi
                                   || (m_qrPossible
                                       && (retryable || (isShowingWebPage() && !m_ui->qrCode->text().isEmpty()))));
    // Nothing to scan (Google Pay direct): no empty square where a code would be.
    m_ui->qrCode->setVisible(m_qrPossible);
    m_ui->openPageButton->setVisible(waiting && !m_session.authUrl.isEmpty() && !isShowingWebPage());
}

void PaymentView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (!m_session.payeeName.isEmpty())
            m_ui->upiPayeeLabel->setText(tr("To %1").arg(m_session.payeeName));
        updateCountdown();
        updateHint();
        updateActions();
    }
    QWidget::changeEvent(event);
}
