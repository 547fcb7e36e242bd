#include "CashierRig.h"
#include "QrDecode.h"
#include "app/common/AppServices.h"
#include "app/common/StaticSecretSource.h"
#include "checkout/CheckoutEngine.h"
#include "sandbox/SandboxServer.h"
#include "storage/Ledger.h"
#include "ui/CashierWindow.h"
#include "ui/CustomerDisplay.h"
#include "ui/HelpOverlay.h"
#include "ui/PaymentView.h"
#include "ui/QrCodeWidget.h"
#include "ui/ResultView.h"
#include "ui/StatusIndicator.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
// As counterpay's main() does, before the application object: Qt WebEngine (the browser
// plugin) renders through OpenGL contexts shared with Qt's global one.
const bool kShareOpenGlContexts = [] {
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    return true;
}();
} // namespace

// Drives the real window over the real engine (connected as the app connects it) and an
// in-process sandbox on 127.0.0.1.
class tst_CashierWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void enterPaysQrDecodesToAuthUrlAndApprovalShowsPaid();
    void walletFromThePickerIsPaid();
    void profileWalletsAreInThePickerAndPaid();
    void escapeCancels();
    void invalidInputShowsMessageAndPayStaysDisabled();
    void secondEnterDoesNotStartASecondSale();
    void declineOffersRetryOnTheSameOrder();
    void googlePayDirectDeclineRetryCharged();
    void customerDisplayFollowsTheCashier();
    void enterOnResultScreens();
    void demoBannerOffersSetUp();
    void expiryOffersRetryAndQr_data();
    void expiryOffersRetryAndQr();
    void helpOverlayListsKeys();
    void windowTakesInputBeforeTheEngineIsAttached();

private:
    QLineEdit *edit(const char *name) const { return m_window->findChild<QLineEdit *>(QLatin1String(name)); }
    void typeSale(const QString &amount, const QString &mobile, const QString &provider = QStringLiteral("juspay-cred"));
    void waitForQr();
    void openWindow(const QUrl &sandboxUrl);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_profileSandbox; // for a window built from a profile file
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<CashierWindow> m_window;
    QString m_receiptPrinter; // what the back office's printer setting says (read at each print)
};

void tst_CashierWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_CashierWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto services = AppServices::create(CashierRig::demoOptions(m_dir->filePath(QStringLiteral("ledger.sqlite"))));
    QVERIFY2(services.ok(), qPrintable(services.errorMessage()));
    m_services = std::move(services).value();
    openWindow(m_services->sandbox()->baseUrl());
}

void tst_CashierWindow::openWindow(const QUrl &sandboxUrl)
{
    CashierConfig config = CashierRig::demoConfig(*m_services, sandboxUrl);
    m_receiptPrinter.clear();
    config.receiptPrinter = [this] { return m_receiptPrinter; };
    m_window = std::make_unique<CashierWindow>(m_services->engine(), config);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
}

void tst_CashierWindow::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_profileSandbox.reset();
    m_dir.reset();
}

void tst_CashierWindow::typeSale(const QString &amount, const QString &mobile, const QString &provider)
{
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    combo->setCurrentIndex(combo->findData(provider));
    QVERIFY(combo->currentIndex() >= 0);
    QTest::keyClicks(edit("amountEdit"), amount);
    QTest::keyClicks(edit("mobileEdit"), mobile);
}

void tst_CashierWindow::waitForQr()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_window->paymentView()->qrCode()->hasCode(), 10'000);
}

void tst_CashierWindow::enterPaysQrDecodesToAuthUrlAndApprovalShowsPaid()
{
    typeSale(QStringLiteral("149.50"), QStringLiteral("98765 43210"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    waitForQr();
    const QString orderId = m_window->currentOrderId();
    QVERIFY(!orderId.isEmpty());

    const QString authUrl = m_window->paymentView()->session().authUrl.toString(QUrl::FullyEncoded);
    QVERIFY(authUrl.startsWith(m_services->sandbox()->baseUrl().toString()));
    QrCodeWidget *qr = m_window->paymentView()->qrCode();
    QVERIFY(qr->isVisible());
    QVERIFY(qr->width() >= 180);
    QCOMPARE(decodeQr(qr->grab().toImage()), authUrl);

    StatusIndicator *indicator = m_window->paymentView()->statusIndicator();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), PaymentState::AwaitingCustomer, 5000);
    QVERIFY(indicator->isWaiting());
    // The cashier sees words for people, not the engine's ledger notes.
    QVERIFY2(!indicator->accessibleDescription().contains(QLatin1String("txn")), qPrintable(indicator->accessibleDescription()));
    QVERIFY(!indicator->accessibleDescription().contains(QLatin1String("authenticate with")));

    QVERIFY(m_services->sandbox()->approve(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), PaymentState::Charged, 10'000);
    QTRY_COMPARE(m_window->page(), CashierWindow::Page::Result);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Charged);
    QCOMPARE(m_window->resultView()->headline(), StatusIndicator::wordsFor(PaymentState::Charged));
    auto *newSale = m_window->findChild<QPushButton *>(QStringLiteral("newSaleButton"));
    QVERIFY(newSale->hasFocus());
    const QList<QLabel *> labels = m_window->resultView()->findChildren<QLabel *>();
    const auto shows = [&labels](const QString &text) {
        return std::any_of(labels.begin(), labels.end(), [&text](QLabel *l) { return l->text().contains(text); });
    };
    QVERIFY(shows(orderId));
    QVERIFY(shows(QStringLiteral("3210")));
    QVERIFY(!shows(QStringLiteral("98765")));
    QVERIFY(shows(QStringLiteral("₹149.50")));

    const auto stored = m_services->ledger().findOrder(orderId);
    QVERIFY(stored && stored.value());
    QCOMPARE(stored.value()->state, PaymentState::Charged);

    // F9 prints on the printer chosen in the back office, without a dialog; one that is not
    // there is named in the message line (through the real print plugin).
    m_receiptPrinter = QStringLiteral("CounterPay-No-Such-Printer");
    QTest::keyClick(m_window.get(), Qt::Key_F9);
    const QString message = m_window->findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(message.contains(QLatin1String("CounterPay-No-Such-Printer"))
                     && message.contains(QLatin1String("not available")),
             qPrintable(message));
    QCOMPARE(m_window->page(), CashierWindow::Page::Result);

    QTest::keyClick(newSale, Qt::Key_Return); // where the key goes: the focused "New sale"
    QTRY_COMPARE(m_window->page(), CashierWindow::Page::Sale);
    QVERIFY(edit("amountEdit")->text().isEmpty());
}

void tst_CashierWindow::walletFromThePickerIsPaid()
{
    // The demo profile offers a Payments API wallet (inline order); GOPAY authenticates with a
    // POST form at the sandbox, which the payment page submits in the embedded browser.
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    const int index = combo->findData(QStringLiteral("juspay-wallet:GOPAY"));
    QVERIFY2(index >= 0, "the wallet is not in the cashier's picker");
    QCOMPARE(combo->itemText(index), QStringLiteral("Wallet GOPAY (via Juspay)"));
    typeSale(QStringLiteral("149.50"), QStringLiteral("98765 43210"), QStringLiteral("juspay-wallet:GOPAY"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    StatusIndicator *indicator = m_window->paymentView()->statusIndicator();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), PaymentState::AwaitingCustomer, 10'000);
    const QString orderId = m_window->currentOrderId();
    const PaymentSession session = m_window->paymentView()->session();
    QCOMPARE(session.method, PaymentSession::Method::Post);
    QVERIFY(session.authUrl.toString().startsWith(m_services->sandbox()->baseUrl().toString()));
    QCOMPARE(session.params.value(QStringLiteral("order_id")), orderId);
    QVERIFY(!session.params.value(QStringLiteral("txn_uuid")).isEmpty());

    QVERIFY(m_services->sandbox()->approve(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), PaymentState::Charged, 10'000);
    QTRY_COMPARE(m_window->page(), CashierWindow::Page::Result);
    QCOMPARE(m_window->resultView()->headline(), StatusIndicator::wordsFor(PaymentState::Charged));
    const auto stored = m_services->ledger().findOrder(orderId);
    QVERIFY(stored && stored.value());
    QCOMPARE(stored.value()->provider, QStringLiteral("juspay-wallet:GOPAY"));
    QCOMPARE(stored.value()->state, PaymentState::Charged);
}

void tst_CashierWindow::profileWalletsAreInThePickerAndPaid()
{
    // Not the demo: a profile file with [juspay] wallets=PAYTM,GOPAY over a sandbox on 127.0.0.1.
    // PAYTM authenticates with a GET URL, shown as a QR code.
    m_window.reset();
    m_services.reset();
    SandboxOptions sandboxOptions;
    m_profileSandbox = std::make_unique<SandboxServer>(sandboxOptions);
    const Result<QUrl> base = m_profileSandbox->start();
    QVERIFY2(base.ok(), qPrintable(base.errorMessage()));
    const QString profilePath = m_dir->filePath(QStringLiteral("profile.ini"));
    QFile profile(profilePath);
    QVERIFY(profile.open(QIODevice::WriteOnly));
    profile.write("[juspay]\nbase_url=" + base->toString().toUtf8() + "\nmerchant_id=" + sandboxOptions.juspayMerchantId.toUtf8()
                  + "\nwallets=PAYTM,GOPAY\n");
    profile.close();
    AppOptions options;
    options.configPath = profilePath;
    options.dbPath = m_dir->filePath(QStringLiteral("profile-ledger.sqlite"));
    options.pollPolicy = PollPolicy().scaled(0.02);
    StaticSecretSource secrets;
    secrets.set(SecretSource::Secret::JuspayApiKey, sandboxOptions.juspayApiKey);
    auto services = AppServices::create(options, &secrets);
    QVERIFY2(services.ok(), qPrintable(services.errorMessage()));
    m_services = std::move(services).value();
    QCOMPARE(m_services->providers(), QStringList({ QStringLiteral("juspay-upi-qr"), QStringLiteral("juspay-gpay"),
                                                    QStringLiteral("juspay-wallet:PAYTM"), QStringLiteral("juspay-wallet:GOPAY") }));
    openWindow(base.value());

    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    QVERIFY(combo->findData(QStringLiteral("juspay-wallet:GOPAY")) >= 0);
    typeSale(QStringLiteral("75.25"), QStringLiteral("98765 43210"), QStringLiteral("juspay-wallet:PAYTM"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    waitForQr();
    const QString orderId = m_window->currentOrderId();
    const PaymentSession session = m_window->paymentView()->session();
    QCOMPARE(session.method, PaymentSession::Method::Get);
    const QString authUrl = session.authUrl.toString(QUrl::FullyEncoded);
    QVERIFY(authUrl.startsWith(base->toString()));
    QCOMPARE(decodeQr(m_window->paymentView()->qrCode()->grab().toImage()), authUrl);

    QVERIFY(m_profileSandbox->approve(orderId));
    StatusIndicator *indicator = m_window->paymentView()->statusIndicator();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), PaymentState::Charged, 10'000);
    QTRY_COMPARE(m_window->page(), CashierWindow::Page::Result);
    const auto stored = m_services->ledger().findOrder(orderId);
    QVERIFY(stored && stored.value());
    QCOMPARE(stored.value()->provider, QStringLiteral("juspay-wallet:PAYTM"));
    QCOMPARE(stored.value()->state, PaymentState::Charged);
}

void tst_CashierWindow::escapeCancels()
{
    typeSale(QStringLiteral("250"), QStringLiteral("9876543210"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_Enter);
    waitForQr();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              5000);
    const QString orderId = m_window->currentOrderId();
    // The customer may be approving right now: the first Esc only asks.
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    auto *message = m_window->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY2(message->text().contains(QLatin1String("Esc again")), qPrintable(message->text()));
    const auto first = m_services->ledger().findOrder(orderId);
    QVERIFY(first && first.value());
    QCOMPARE(first.value()->state, PaymentState::AwaitingCustomer);
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QTRY_COMPARE(m_window->page(), CashierWindow::Page::Result);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Cancelled);
    const auto stored = m_services->ledger().findOrder(orderId);
    QVERIFY(stored && stored.value());
    QCOMPARE(stored.value()->state, PaymentState::Cancelled);
}

void tst_CashierWindow::invalidInputShowsMessageAndPayStaysDisabled()
{
    typeSale(QStringLiteral("12.345"), QStringLiteral("12345"));
    auto *amountError = m_window->findChild<QLabel *>(QStringLiteral("amountError"));
    auto *mobileError = m_window->findChild<QLabel *>(QStringLiteral("mobileError"));
    auto *pay = m_window->findChild<QPushButton *>(QStringLiteral("payButton"));
    QVERIFY(amountError->isVisible());
    QVERIFY(!amountError->text().isEmpty());
    QVERIFY(mobileError->isVisible());
    QVERIFY(!mobileError->text().isEmpty());
    // Each message sits by its own field.
    QVERIFY(qAbs(amountError->mapTo(m_window.get(), QPoint()).y() - edit("amountEdit")->mapTo(m_window.get(), QPoint()).y())
            < 120);
    QVERIFY(!pay->isEnabled());
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    QVERIFY(m_window->currentOrderId().isEmpty());
    const auto open = m_services->ledger().openOrders();
    QVERIFY(open);
    QVERIFY(open.value().isEmpty());
}

void tst_CashierWindow::secondEnterDoesNotStartASecondSale()
{
    typeSale(QStringLiteral("99"), QStringLiteral("9876543210"));
    auto *pay = m_window->findChild<QPushButton *>(QStringLiteral("payButton"));
    QVERIFY(pay->isEnabled());
    QTest::mouseClick(pay, Qt::LeftButton);
    QVERIFY(!pay->isEnabled());
    QTest::mouseClick(pay, Qt::LeftButton);
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    waitForQr();
    OrderFilter all;
    const auto orders = m_services->ledger().findOrders(all);
    QVERIFY(orders);
    QCOMPARE(orders.value().size(), 1);
}

void tst_CashierWindow::declineOffersRetryOnTheSameOrder()
{
    typeSale(QStringLiteral("42"), QStringLiteral("9876543210"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    waitForQr();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              5000);
    const QString orderId = m_window->currentOrderId();
    QVERIFY(m_services->sandbox()->decline(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Declined);
    auto *retry = m_window->resultView()->findChild<QPushButton *>(QStringLiteral("retryButton"));
    QVERIFY(retry->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_F6);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    QCOMPARE(m_window->currentOrderId(), orderId);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              10'000);
    QVERIFY(m_services->sandbox()->approve(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->resultView()->state(), PaymentState::Charged, 10'000);
}

void tst_CashierWindow::googlePayDirectDeclineRetryCharged()
{
    typeSale(QStringLiteral("42"), QStringLiteral("9876543210"), QStringLiteral("googlepay"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              10'000);
    // A pure push: nothing to scan, and the words do not say there is.
    auto *hint = m_window->paymentView()->findChild<QLabel *>(QStringLiteral("hintLabel"));
    QVERIFY2(!hint->text().contains(QLatin1String("scan")), qPrintable(hint->text()));
    QVERIFY(!m_window->paymentView()->qrCode()->isVisible());
    auto *message = m_window->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QTest::keyClick(m_window.get(), Qt::Key_F7);
    QVERIFY2(message->text().contains(QLatin1String("no QR code")), qPrintable(message->text()));
    QTest::keyClick(m_window.get(), Qt::Key_F8);
    QVERIFY2(message->text().contains(QLatin1String("no QR code")), qPrintable(message->text()));
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);

    const QString orderId = m_window->currentOrderId();
    QVERIFY(m_services->sandbox()->decline(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Declined);
    auto *detail = m_window->resultView()->findChild<QLabel *>(QStringLiteral("detailLabel"));
    QVERIFY2(!detail->text().contains(QLatin1String("authenticate with")), qPrintable(detail->text()));
    QVERIFY(!m_window->resultView()->findChild<QPushButton *>(QStringLiteral("showQrButton"))->isVisible());

    // Retry: a new Google transaction on the same order, which the customer can approve.
    QTest::keyClick(m_window.get(), Qt::Key_F6);
    QCOMPARE(m_window->currentOrderId(), orderId);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              10'000);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment); // not declined again at once
    const auto retried = m_services->ledger().findOrder(orderId);
    QVERIFY(retried && retried.value());
    QCOMPARE(retried.value()->txnId, orderId + QStringLiteral("-2"));
    QVERIFY(m_services->sandbox()->approve(orderId + QStringLiteral("-2")));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Charged);
    const auto paid = m_services->ledger().findOrder(orderId);
    QVERIFY(paid && paid.value());
    QCOMPARE(paid.value()->state, PaymentState::Charged);
    QCOMPARE(paid.value()->amount.minorUnits(), 4200);
}

void tst_CashierWindow::customerDisplayFollowsTheCashier()
{
    CustomerDisplay display(QStringLiteral("Sharma General Store"));
    display.show();
    m_window->setCustomerDisplay(&display);
    m_window->activateWindow(); // the cashier's keys go to the cashier's window
    QTRY_VERIFY(m_window->isActiveWindow());
    StatusIndicator *customer = display.statusIndicator();
    const auto same = [this, customer] {
        switch (m_window->page()) {
        case CashierWindow::Page::Sale: return !customer->isVisible();
        case CashierWindow::Page::Payment: return customer->state() == m_window->paymentView()->statusIndicator()->state();
        case CashierWindow::Page::Result: return customer->state() == m_window->resultView()->state();
        }
        return false;
    };
    QVERIFY(same());
    typeSale(QStringLiteral("42"), QStringLiteral("9876543210"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    waitForQr();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              5000);
    QTRY_VERIFY(same());
    QCOMPARE(display.amountText(), m_window->paymentView()->findChild<QLabel *>(QStringLiteral("amountLabel"))->text());
    const QString orderId = m_window->currentOrderId();
    QVERIFY(m_services->sandbox()->decline(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QTRY_VERIFY(same());
    QCOMPARE(customer->state(), PaymentState::Declined);
    QTest::keyClick(m_window.get(), Qt::Key_F6); // retry
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              10'000);
    QTRY_VERIFY(same());
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QTRY_COMPARE(m_window->page(), CashierWindow::Page::Result);
    QTRY_VERIFY(same());
    QCOMPARE(customer->state(), PaymentState::Cancelled);
    // A refused retry (a cancelled sale cannot be retried) leaves both screens on the outcome.
    QTest::keyClick(m_window.get(), Qt::Key_F6);
    QCOMPARE(m_window->page(), CashierWindow::Page::Result);
    QVERIFY(same());
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    QVERIFY(same());
    m_window->setCustomerDisplay(nullptr);
}

void tst_CashierWindow::enterOnResultScreens()
{
    // Declined: Enter retries the same order; it does not throw the sale away.
    typeSale(QStringLiteral("42"), QStringLiteral("9876543210"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              10'000);
    const QString orderId = m_window->currentOrderId();
    QVERIFY(m_services->sandbox()->decline(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    auto *newSale = m_window->resultView()->findChild<QPushButton *>(QStringLiteral("newSaleButton"));
    QVERIFY2(newSale->text().contains(QLatin1String("F2")), qPrintable(newSale->text()));
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    QCOMPARE(m_window->currentOrderId(), orderId);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              10'000);
    // Paid: Enter starts the next sale.
    QVERIFY(m_services->sandbox()->approve(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Charged);
    QVERIFY2(newSale->text().contains(QLatin1String("Enter")), qPrintable(newSale->text()));
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale);
    QVERIFY(m_window->currentOrderId().isEmpty());
}

void tst_CashierWindow::demoBannerOffersSetUp()
{
    auto *setup = m_window->findChild<QPushButton *>(QStringLiteral("setupButton"));
    QVERIFY(setup);
    QVERIFY(setup->isVisible());
    QSignalSpy requested(m_window.get(), &CashierWindow::setupRequested);
    QTest::mouseClick(setup, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    // Not in the sale's keyboard path: the amount keeps the focus.
    QVERIFY(edit("amountEdit")->hasFocus() || setup->focusPolicy() == Qt::ClickFocus);
}

void tst_CashierWindow::expiryOffersRetryAndQr_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("mobile");
    QTest::addColumn<int>("key");
    QTest::newRow("juspay retry") << QStringLiteral("juspay-cred") << QStringLiteral("9876543210") << int(Qt::Key_F6);
    QTest::newRow("juspay show qr") << QStringLiteral("juspay-cred") << QStringLiteral("9876543210") << int(Qt::Key_F7);
    QTest::newRow("cm.com retry") << QStringLiteral("cmcom") << QString() << int(Qt::Key_F6);
    QTest::newRow("cm.com show qr") << QStringLiteral("cmcom") << QString() << int(Qt::Key_F7);
}

void tst_CashierWindow::expiryOffersRetryAndQr()
{
    QFETCH(QString, provider);
    QFETCH(QString, mobile);
    QFETCH(int, key);
    QVERIFY2(m_services->providers().contains(provider), qPrintable(m_services->providers().join(u',')));
    typeSale(QStringLiteral("42"), mobile, provider);
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    waitForQr();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              5000);
    const QString orderId = m_window->currentOrderId();
    QVERIFY(m_services->sandbox()->expire(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Expired);
    // What to do next, in words, and the large button is the one Enter presses: Retry. A
    // Juspay method offers the UPI QR on F7; CM.com shows its own QR.
    const bool juspay = provider.startsWith(QLatin1String("juspay-"));
    QCOMPARE(m_window->resultView()->advice(),
             juspay ? QStringLiteral("The customer did not approve in time. Press F7 for a UPI QR of the same sale: "
                                     "the customer scans it with any UPI app.")
                    : QStringLiteral("The customer did not approve in time. Retry, or show a QR to scan."));
    auto *showQrButton = m_window->resultView()->findChild<QPushButton *>(QStringLiteral("showQrButton"));
    QCOMPARE(showQrButton->text(), juspay ? QStringLiteral("Retry as UPI QR (F7)") : QStringLiteral("Show QR instead (F7)"));
    auto *retryButton = m_window->resultView()->findChild<QPushButton *>(QStringLiteral("retryButton"));
    auto *newSaleButton = m_window->resultView()->findChild<QPushButton *>(QStringLiteral("newSaleButton"));
    QVERIFY(retryButton->isDefault() && !newSaleButton->isDefault());
    QVERIFY(retryButton->font().bold() && !newSaleButton->font().bold());
    QTest::keyClick(m_window.get(), Qt::Key(key));
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    QCOMPARE(m_window->currentOrderId(), orderId);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                              10'000);
    if (key == Qt::Key_F7)
        QTRY_VERIFY(m_window->paymentView()->qrCode()->isVisible());
    // F7 after a Juspay push: the same order, now a UPI QR any UPI app pays.
    if (key == Qt::Key_F7 && juspay)
        QVERIFY2(m_window->paymentView()->qrCode()->text().startsWith(QLatin1String("upi://pay?")),
                 qPrintable(m_window->paymentView()->qrCode()->text()));
    QVERIFY(m_services->sandbox()->approve(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Charged);
    QVERIFY(newSaleButton->isDefault() && !retryButton->isDefault());
    QVERIFY(newSaleButton->font().bold());
}

void tst_CashierWindow::helpOverlayListsKeys()
{
    // Built on the first F1, not with the window (the first frame does not need it).
    QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("helpOverlay")));
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QWidget *overlay = m_window->findChild<QWidget *>(QStringLiteral("helpOverlay"));
    QVERIFY(overlay);
    QVERIFY(overlay->isVisible());
    const QString keys = overlay->findChild<QLabel *>(QStringLiteral("keysLabel"))->text();
    for (const char *key : { "Esc", "F1", "F2", "F3", "F5", "F6", "F7", "F8", "F9", "F10" })
        QVERIFY2(keys.contains(QLatin1String(key)), key);
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!overlay->isVisible());
    QCOMPARE(m_window->page(), CashierWindow::Page::Sale); // Esc closed the help, nothing else
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QCOMPARE(m_window->findChild<QWidget *>(QStringLiteral("helpOverlay")), overlay); // one overlay
    QVERIFY(overlay->isVisible());
    QVERIFY(HelpOverlay::aboutText().contains(QStringLiteral(COUNTERPAY_VERSION)));
    QVERIFY(m_window->helpOverlay()->findChild<QPushButton *>(QStringLiteral("aboutButton")));
}

void tst_CashierWindow::windowTakesInputBeforeTheEngineIsAttached()
{
    // As the app starts: the window is on screen before the ledger and gateways are open.
    CashierConfig config;
    config.locale = QLocale(QLocale::English, QLocale::India);
    config.sound = false;
    CashierWindow early(config);
    early.show();
    QVERIFY(QTest::qWaitForWindowExposed(&early));
    QVERIFY(!early.hasEngine());
    auto *amount = early.findChild<QLineEdit *>(QStringLiteral("amountEdit"));
    auto *mobile = early.findChild<QLineEdit *>(QStringLiteral("mobileEdit"));
    auto *pay = early.findChild<QPushButton *>(QStringLiteral("payButton"));
    QVERIFY(amount && mobile && pay);
    amount->setFocus();
    QTest::keyClicks(amount, QStringLiteral("25"));
    QTest::keyClicks(mobile, QStringLiteral("9876543210"));
    QCOMPARE(amount->text(), QStringLiteral("25"));
    QVERIFY(!pay->isEnabled()); // no provider yet: nothing can be charged
    auto *backOffice = early.findChild<QPushButton *>(QStringLiteral("backOfficeButton"));
    QVERIFY(backOffice && !backOffice->isEnabled()); // no ledger behind it yet
    QTest::keyClick(mobile, Qt::Key_Return);
    QCOMPARE(early.page(), CashierWindow::Page::Sale);
    QVERIFY(early.currentOrderId().isEmpty());

    QSignalSpy attached(&early, &CashierWindow::engineAttached);
    early.attachEngine(m_services->engine());
    QCOMPARE(attached.count(), 1);
    QVERIFY(early.hasEngine());
    QVERIFY(backOffice->isEnabled());
    QSignalSpy backOfficeAsked(&early, &CashierWindow::backOfficeRequested);
    QTest::keyClick(&early, Qt::Key_F10);
    QCOMPARE(backOfficeAsked.count(), 1);
    QTest::mouseClick(backOffice, Qt::LeftButton);
    QCOMPARE(backOfficeAsked.count(), 2);
    QTRY_VERIFY(pay->isEnabled()); // what was typed is kept
    QTest::keyClick(mobile, Qt::Key_Return);
    QTRY_COMPARE(early.page(), CashierWindow::Page::Payment);
    QVERIFY(!early.currentOrderId().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(early.paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer, 5000);
    QVERIFY(m_services->engine().cancel(early.currentOrderId()).ok());
}

QTEST_MAIN(tst_CashierWindow)
#include "tst_CashierWindow.moc"
