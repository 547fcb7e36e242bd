#include "ui/CashierWindow.h"

#include "checkout/Checkout.h"
#include "gateway/ProviderRules.h"
#include "storage/OrderRecord.h"
#include "ui/AlertsPanel.h"
#include "ui/CustomerDisplay.h"
#include "ui/HelpOverlay.h"
#include "ui/PaymentView.h"
#include "ui/ReceiptPrinter.h"
#include "ui/ResultView.h"
#include "ui/SaleFeedback.h"
#include "ui/SaleForm.h"
#include "ui/UiLogging.h"
#include "ui_CashierWindow.h"

#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QPushButton>
#include <QEvent>
#include <QFileDialog>
#include <QScreen>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimer>

// Unknown is retryable (PaymentStates::isRetryable) but does not end the sale on screen: the
// engine is still asking. A sale ends on screen in a final state (PaymentStates::isFinal).

CashierWindow::CashierWindow(Checkout &checkout, CashierConfig config, QWidget *parent)
    : CashierWindow(std::move(config), parent)
{
    attachEngine(checkout);
}

CashierWindow::CashierWindow(CashierConfig config, QWidget *parent)
    : QMainWindow(parent),
      m_ui(std::make_unique<Ui::CashierWindow>()),
      m_config(std::move(config))
{
    m_ui->setupUi(this);
    m_ui->demoBanner->setVisible(m_config.demo);
    m_ui->demoBanner->setColors(QColor(0xff, 0xd4, 0x00), Qt::black);
    QFont bannerFont = m_ui->demoBanner->font();
    bannerFont.setBold(true);
    m_ui->demoBanner->setFont(bannerFont);
    {
        // Set-up is offered, never forced: the demo is ready at once, and the manager
        // chooses when to set up real payments.
        auto *row = new QHBoxLayout(m_ui->demoBanner);
        row->setContentsMargins(4, 2, 4, 2);
        row->addStretch(1);
        auto *setup = new QPushButton(tr("Set up for real payments…"), m_ui->demoBanner);
        setup->setObjectName(QStringLiteral("setupButton"));
        setup->setFocusPolicy(Qt::ClickFocus); // not in the sale's Tab chain
        row->addWidget(setup);
        // The banner is a label sized for its text: make room for the button under it.
        m_ui->demoBanner->setMinimumHeight(setup->sizeHint().height() + 4);
        connect(setup, &QPushButton::clicked, this, &CashierWindow::setupRequested);
    }
    m_ui->saleForm->configure(m_config.providers, m_config.currency, m_config.locale);
    m_ui->saleForm->setLimits(m_config.saleCeilingMinor, m_config.confirmAboveMinor);

    m_ui->alertsContainer->hide();
    m_feedback = new SaleFeedback(m_config.sound, m_config.speech, this);

    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("हिन्दी"), QStringLiteral("hi"));
    m_ui->languageCombo->setCurrentIndex(qMax(0, m_ui->languageCombo->findData(m_config.language)));
    connect(m_ui->languageCombo, &QComboBox::activated, this, [this](int index) {
        emit languageRequested(m_ui->languageCombo->itemData(index).toString());
    });

    connect(m_ui->saleForm, &SaleForm::payRequested, this, &CashierWindow::pay);
    connect(m_ui->backOfficeButton, &QPushButton::clicked, this, &CashierWindow::backOfficeRequested);
    m_ui->backOfficeButton->setEnabled(false); // until the engine (and the ledger) is there
    addShortcuts();

    setMinimumSize(800, 560);
    QSize size(1100, 720);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size());
    resize(size);
    setPage(Page::Sale);
}

CashierWindow::~CashierWindow() = default;

HelpOverlay *CashierWindow::helpOverlay()
{
    // Built on first use (F1): nothing the first frame needs.
    if (!m_help)
        m_help = new HelpOverlay(this);
    return m_help;
}

SaleForm *CashierWindow::saleForm() const
{
    return m_ui->saleForm;
}

// The payment and result pages are built on first use: the first frame needs the sale page only.
PaymentView *CashierWindow::paymentView()
{
    if (!m_payment) {
        m_payment = new PaymentView(m_ui->pages);
        m_payment->setObjectName(QStringLiteral("paymentView"));
        m_payment->setNavigationFilter(m_config.navigation);
        m_ui->pages->addWidget(m_payment);
        connect(m_payment, &PaymentView::cancelRequested, this, &CashierWindow::cancelPayment);
        connect(m_payment, &PaymentView::retryRequested, this, &CashierWindow::retry);
        connect(m_payment, &PaymentView::showQrRequested, this, &CashierWindow::showQrInstead);
        connect(m_payment, &PaymentView::checkNowRequested, this, &CashierWindow::checkNow);
    }
    return m_payment;
}

ResultView *CashierWindow::resultView()
{
    if (!m_result) {
        m_result = new ResultView(m_ui->pages);
        m_result->setObjectName(QStringLiteral("resultView"));
        m_ui->pages->addWidget(m_result);
        connect(m_result, &ResultView::newSaleRequested, this, &CashierWindow::newSale);
        connect(m_result, &ResultView::retryRequested, this, &CashierWindow::retry);
        connect(m_result, &ResultView::showQrRequested, this, &CashierWindow::showQrInstead);
        connect(m_result, &ResultView::printRequested, this, &CashierWindow::printReceipt);
        connect(m_result, &ResultView::pdfRequested, this, [this] { saveReceiptPdf(); });
    }
    return m_result;
}

void CashierWindow::setCustomerDisplay(CustomerDisplay *display)
{
    m_customer = display;
    if (m_customer)
        m_customer->setDemo(m_config.demo);
}

QString CashierWindow::upiQrFallback() const
{
    const QString fallback = ProviderRules::upiQrFallback(m_request.provider);
    return m_config.providers.contains(fallback) ? fallback : QString();
}

void CashierWindow::beginPaymentPage()
{
    PaymentView *view = paymentView();
    view->setDemo(m_config.demo);
    view->setUpiQrFallback(!upiQrFallback().isEmpty());
    view->begin(amountText(), ProviderRules::displayName(m_request.provider), maskedPhone(),
                ProviderRules::isPush(m_request.provider), ProviderRules::showsQr(m_request.provider));
    if (m_customer)
        m_customer->showSale(amountText());
    setPage(Page::Payment);
}

CashierWindow::Page CashierWindow::page() const
{
    QWidget *current = m_ui->pages->currentWidget();
    if (current && current == m_payment)
        return Page::Payment;
    if (current && current == m_result)
        return Page::Result;
    return Page::Sale;
}

void CashierWindow::setPage(Page page)
{
    switch (page) {
    case Page::Sale:
        m_ui->pages->setCurrentWidget(m_ui->saleForm);
        m_ui->saleForm->focusAmount();
        break;
    case Page::Payment:
        m_ui->pages->setCurrentWidget(paymentView());
        paymentView()->setFocus(Qt::OtherFocusReason);
        break;
    case Page::Result:
        m_ui->pages->setCurrentWidget(resultView());
        break;
    }
}

void CashierWindow::setNavigationFilter(const NavigationFilter &filter)
{
    m_config.navigation = filter;
    if (m_payment)
        m_payment->setNavigationFilter(filter);
}

void CashierWindow::attachEngine(Checkout &checkout)
{
    Q_ASSERT(!m_engine);
    m_engine = &checkout;
    m_config.providers = checkout.providers();
    m_ui->saleForm->setProviders(m_config.providers);

    m_alerts = new AlertsPanel(checkout, m_ui->alertsContainer);
    m_ui->alertsLayout->addWidget(m_alerts);
    m_ui->alertsContainer->setVisible(m_alerts->count() > 0);
    connect(m_alerts, &AlertsPanel::countChanged, m_ui->alertsContainer, [this](int count) {
        m_ui->alertsContainer->setVisible(count > 0);
    });
    connect(m_engine, &Checkout::sessionStarted, this, &CashierWindow::onSessionStarted);
    connect(m_engine, &Checkout::stateChanged, this, &CashierWindow::onStateChanged);
    connect(m_engine, &Checkout::gatewayFailed, this, &CashierWindow::onGatewayFailed);
    connect(m_engine, &Checkout::statusChecked, this, [this](const QString &orderId, const QDateTime &at) {
        if (ownsOrder(orderId) && m_payment)
            m_payment->setLastCheck(at);
    });
    m_ui->backOfficeButton->setEnabled(true);
    emit engineAttached();
}

void CashierWindow::addShortcuts()
{
    const auto add = [this](QKeySequence key, auto slot) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(Qt::Key_Escape), &CashierWindow::cancelOrClear);
    add(QKeySequence(Qt::Key_F1), [this] { helpOverlay()->toggle(); });
    add(QKeySequence(Qt::Key_F2), &CashierWindow::newSale);
    add(QKeySequence(Qt::Key_F5), &CashierWindow::checkNow);
    add(QKeySequence(Qt::Key_F6), &CashierWindow::retry);
    add(QKeySequence(Qt::Key_F7), &CashierWindow::showQrInstead);
    add(QKeySequence(Qt::Key_F8), [this] {
        if (page() != Page::Payment)
            return;
        if (paymentView()->session().authUrl.isEmpty()) {
            showMessage(noQrMessage());
            return;
        }
        paymentView()->showWebPage();
    });
    add(QKeySequence(Qt::Key_F9), &CashierWindow::printReceipt);
    add(QKeySequence(Qt::Key_F10), &CashierWindow::backOfficeRequested);
}

bool CashierWindow::ownsOrder(const QString &orderId) const
{
    return !orderId.isEmpty() && orderId == m_orderId;
}

QString CashierWindow::amountText() const
{
    return m_request.amount.toDisplayString(m_config.locale);
}

QString CashierWindow::maskedPhone() const
{
    return m_request.mobile ? m_request.mobile->masked() : QString();
}

void CashierWindow::pay()
{
    if (page() != Page::Sale || m_sending)
        return;
    if (!m_engine) {
        showMessage(tr("CounterPay is still starting; press Pay again in a moment."));
        return;
    }
    std::optional<CheckoutRequest> request = m_ui->saleForm->request();
    if (!request)
        return;
    // The sale's order id is chosen here, before pay(), so every event for it is known to be
    // this sale's; the same sale again (a second Pay) keeps it, and the engine attaches to the
    // first payment instead of starting another.
    const bool newOrder = m_orderId.isEmpty();
    if (newOrder) {
        const Result<QString> id = m_engine->newOrderId();
        if (!id) {
            showMessage(id.errorMessage());
            return;
        }
        m_orderId = id.value();
    }
    request->orderId = m_orderId;
    request->cashier = m_config.cashier;
    m_request = *request;
    m_ui->saleForm->setBusy(true);
    beginPaymentPage();
    m_state = PaymentState::Submitting;
    m_sending = true;
    const Result<QString> started = m_engine->pay(m_request);
    m_sending = false;
    if (!started) {
        qCInfo(lcUi) << "pay refused:" << started.errorCode();
        if (newOrder)
            m_orderId.clear(); // nothing was written: the next Pay is a new sale
        setPage(Page::Sale);
        m_ui->saleForm->setBusy(false);
        m_ui->saleForm->showEngineError(started.errorCode(), started.errorMessage());
        if (m_customer)
            m_customer->showIdle();
    }
}

void CashierWindow::cancelOrClear()
{
    if (m_help && m_help->isVisible()) {
        m_help->hide();
        return;
    }
    switch (page()) {
    case Page::Sale:
        if (!m_sending)
            m_ui->saleForm->clear();
        m_ui->saleForm->focusAmount();
        break;
    case Page::Payment: {
        if (PaymentStates::isFinal(m_state)) {
            showResult(m_state, m_detail);
            break;
        }
        // The customer may be approving at this very moment: Esc asks once, a second Esc
        // (within a few seconds) cancels. The Cancel button is deliberate and cancels at once.
        constexpr qint64 kConfirmWindowMs = 5000;
        if (!m_escArmed.isValid() || m_escArmed.hasExpired(kConfirmWindowMs)) {
            m_escArmed.start();
            showMessage(tr("Press Esc again to cancel this payment. The customer may be approving it right now."));
            break;
        }
        cancelPayment();
        break;
    }
    case Page::Result:
        newSale();
        break;
    }
}

void CashierWindow::cancelPayment()
{
    m_escArmed.invalidate();
    if (page() != Page::Payment || PaymentStates::isFinal(m_state) || m_orderId.isEmpty())
        return;
    showMessage(QString());
    if (const VoidResult cancelled = m_engine->cancel(m_orderId, tr("cancelled by the cashier")); !cancelled)
        showMessage(cancelled.errorMessage());
}

QString CashierWindow::noQrMessage() const
{
    return tr("%1 has no QR code or payment page: the customer approves on their phone.")
            .arg(ProviderRules::displayName(m_request.provider));
}

void CashierWindow::retry()
{
    retryAs(QString());
}

void CashierWindow::retryAs(const QString &provider)
{
    if (m_orderId.isEmpty() || !PaymentStates::isRetryable(m_state))
        return;
    const QString was = m_request.provider;
    if (!provider.isEmpty())
        m_request.provider = provider; // the page, the receipt and the words follow the new method
    beginPaymentPage();
    if (const VoidResult retried = m_engine->retry(m_orderId, provider); !retried) {
        m_request.provider = was;
        showResult(m_state, retried.errorMessage()); // the customer's screen follows (showResult)
        showMessage(retried.errorMessage());
    }
}

void CashierWindow::showQrInstead()
{
    if (page() == Page::Sale)
        return;
    // A Juspay push that was declined, expired, failed or refused: the same order goes on as
    // a UPI QR, which any UPI app pays (one key, F7, named on the screen).
    if (const QString fallback = upiQrFallback(); !fallback.isEmpty() && PaymentStates::isRetryable(m_state)) {
        retryAs(fallback);
        return;
    }
    if (!ProviderRules::showsQr(m_request.provider)) {
        showMessage(noQrMessage());
        return;
    }
    m_preferQr = true;
    if (PaymentStates::isRetryable(m_state))
        retry();
    else if (page() == Page::Payment)
        paymentView()->showQr();
}

void CashierWindow::newSale()
{
    if (page() == Page::Payment && !PaymentStates::isFinal(m_state))
        return; // cancel first: a sale in progress is never dropped silently
    m_orderId.clear();
    m_request = CheckoutRequest();
    m_state = PaymentState::Created;
    m_detail.clear();
    m_preferQr = false;
    m_ui->saleForm->clear();
    showMessage(QString());
    if (m_customer)
        m_customer->showIdle();
    setPage(Page::Sale);
}

void CashierWindow::checkNow()
{
    if (page() != Page::Payment || m_orderId.isEmpty())
        return;
    if (const VoidResult checked = m_engine->checkNow(m_orderId); !checked)
        showMessage(checked.errorMessage());
}

void CashierWindow::onSessionStarted(const QString &orderId, const PaymentSession &session)
{
    if (!ownsOrder(orderId))
        return;
    paymentView()->setSession(session);
    if (m_preferQr)
        paymentView()->showQr();
    if (m_customer)
        m_customer->setSession(session);
}

void CashierWindow::onStateChanged(const QString &orderId, PaymentState state, const QString &detail)
{
    if (!ownsOrder(orderId))
        return;
    m_state = state;
    m_detail = detail;
    // While the sale is open the engine's detail is bookkeeping ("txn …, authenticate with
    // GET") meant for the ledger; the hint under the indicator tells the cashier what to do.
    // Reasons (declined, expired, failed) are shown once the sale has ended.
    paymentView()->setState(state, PaymentStates::isFinal(state) ? detail : QString());
    if (m_customer)
        m_customer->setState(state);
    if (PaymentStates::isFinal(state))
        showResult(state, detail);
}

void CashierWindow::onGatewayFailed(const QString &orderId, const GatewayError &error)
{
    if (!ownsOrder(orderId))
        return;
    showMessage(tr("Gateway: %1").arg(error.message));
}

void CashierWindow::showResult(PaymentState state, const QString &detail)
{
    ResultView::Outcome outcome;
    outcome.state = state;
    outcome.amountText = amountText();
    outcome.orderId = m_orderId;
    outcome.maskedPhone = maskedPhone();
    outcome.methodText = ProviderRules::displayName(m_request.provider);
    outcome.detail = state == PaymentState::Charged ? QString() : detail;
    outcome.qrPossible = ProviderRules::showsQr(m_request.provider);
    outcome.upiQrFallback = !upiQrFallback().isEmpty();
    if (state == PaymentState::Charged && m_engine) {
        if (const auto order = m_engine->order(m_orderId); order && order.value())
            outcome.upiRrn = order.value()->upiRrn;
    }
    m_escArmed.invalidate();
    if (m_customer)
        m_customer->setState(state); // one truth on both screens, whatever led here
    resultView()->showOutcome(outcome);
    setPage(Page::Result);
    resultView()->setFocus(Qt::OtherFocusReason);
    resultView()->showOutcome(outcome); // focuses "New sale" now that the page is visible
    if (state == PaymentState::Charged)
        m_feedback->paid(m_request.amount, m_config.locale, ProviderRules::isUpiQr(m_request.provider) || m_preferQr);
    else if (state != PaymentState::Cancelled)
        m_feedback->failed();
}

void CashierWindow::showMessage(const QString &text)
{
    m_ui->messageLabel->setText(text);
}

std::optional<ReceiptPrinter::Receipt> CashierWindow::receipt() const
{
    if (!m_engine)
        return std::nullopt;
    const auto order = m_engine->order(m_orderId);
    if (!order || !order.value())
        return std::nullopt;
    const OrderRecord &record = *order.value();
    ReceiptPrinter::Receipt receipt;
    // Read now, not at start-up: the back office may have changed the shop's details.
    receipt.setHeader(m_config.receiptHeader ? m_config.receiptHeader()
                                             : ReceiptHeader { m_config.merchantName, QString(), QString(), QString() });
    receipt.amountText = amountText();
    receipt.methodText = ProviderRules::displayName(record.provider);
    receipt.orderId = record.orderId;
    receipt.providerReference = record.providerReference.isEmpty() ? record.txnId : record.providerReference;
    receipt.upiRrn = record.upiRrn;
    receipt.maskedPhone = maskedPhone();
    receipt.at = record.updatedAt.isValid() ? record.updatedAt : record.createdAt;
    return receipt;
}

void CashierWindow::printReceipt()
{
    if (page() != Page::Result || m_state != PaymentState::Charged)
        return;
    const std::optional<ReceiptPrinter::Receipt> data = receipt();
    if (!data)
        return;
    // Straight to the counter's printer (or the system's default): never a dialog.
    const QString printer = m_config.receiptPrinter ? m_config.receiptPrinter() : QString();
    const Result<QString> printed = ReceiptPrinter::print(*data, printer);
    if (printed)
        showMessage(tr("Receipt sent to %1.").arg(printed.value()));
    else if (printed.errorCode() == QLatin1String("no_printer"))
        showMessage(printed.errorMessage());
    else
        showMessage(tr("Cannot print: %1").arg(printed.errorMessage()));
}

void CashierWindow::saveReceiptPdf(const QString &folder)
{
    if (m_state != PaymentState::Charged || m_orderId.isEmpty())
        return;
    const std::optional<ReceiptPrinter::Receipt> data = receipt();
    if (!data)
        return;
    // A new dated file each time, in the receipts folder: no file dialog, nothing overwritten.
    const Result<QString> saved = ReceiptPrinter::savePdfAsNewFile(
            *data, folder.isEmpty() ? ReceiptPrinter::receiptFolder() : folder, QDateTime::currentDateTimeUtc());
    showMessage(saved ? tr("Receipt saved: %1").arg(QDir::toNativeSeparators(saved.value())) : saved.errorMessage());
}

void CashierWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        // Sounds come from a plugin; load it once the window has been idle for a moment so
        // neither start-up nor the first sale waits for Qt Multimedia.
        QTimer::singleShot(1500, m_feedback, &SaleFeedback::preload);
    }
}

bool CashierWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_readyEmitted) {
        m_readyEmitted = true;
        // The window is painted first, then its children, then the frame is flushed to the
        // screen: `ready` follows once that pass is over.
        QTimer::singleShot(0, this, &CashierWindow::ready);
    }
    return QMainWindow::event(event);
}

void CashierWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->demoBanner->setVisible(m_config.demo);
    }
    QMainWindow::changeEvent(event);
}
