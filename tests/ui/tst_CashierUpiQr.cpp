// The dynamic UPI QR in the cashier's window (issue 16), with the real engine, the real Juspay
// client and the in-process sandbox over 127.0.0.1. The customer's phone is ZXing reading the
// rendered pixels, and the customer's UPI app is the sandbox's simulated one: it pays the
// decoded text only when its tr, pa, am and cu are what the sandbox issued.
#include "CashierRig.h"
#include "QrDecode.h"

#include "storage/Ledger.h"
#include "ui/CashierWindow.h"
#include "ui/CustomerDisplay.h"
#include "ui/PaymentView.h"
#include "ui/QrCodeWidget.h"
#include "ui/ResultView.h"
#include "ui/StatusIndicator.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

class tst_CashierUpiQr : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void amountEnterScanPayShowsPaid();
    void anExpiredPushGoesOnAsAUpiQrWithF7();

private:
    QLineEdit *edit(const char *name) const { return m_window->findChild<QLineEdit *>(QLatin1String(name)); }
    QLabel *label(const char *name) const { return m_window->paymentView()->findChild<QLabel *>(QLatin1String(name)); }
    // The customer's phone: the code as it is drawn, read by ZXing.
    static QString scan(const QrCodeWidget *qr) { return decodeQr(qr->toImage(6)); }
    // The customer's UPI app: the sandbox's, given the scanned text. Its HTTP status.
    int payWithUpiApp(const QString &scanned);
    QJsonArray sandboxOrders();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<CashierWindow> m_window;
    QNetworkAccessManager m_manager;
};

void tst_CashierUpiQr::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto services = AppServices::create(CashierRig::demoOptions(m_dir->filePath(QStringLiteral("ledger.sqlite"))));
    QVERIFY2(services.ok(), qPrintable(services.errorMessage()));
    m_services = std::move(services).value();
    const CashierConfig config = CashierRig::demoConfig(*m_services, m_services->sandbox()->baseUrl());
    m_window = std::make_unique<CashierWindow>(m_services->engine(), config);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_CashierUpiQr::cleanup()
{
    m_window.reset();
    m_services.reset();
    m_dir.reset();
}

int tst_CashierUpiQr::payWithUpiApp(const QString &scanned)
{
    QNetworkRequest post(m_services->sandbox()->baseUrl().resolved(QUrl(QStringLiteral("/__sandbox/upi/pay"))));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("uri"), QString::fromLatin1(QUrl::toPercentEncoding(scanned)));
    QNetworkReply *reply = m_manager.post(post, form.toString(QUrl::FullyEncoded).toLatin1());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(5000))
        return -1;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QJsonArray tst_CashierUpiQr::sandboxOrders()
{
    QNetworkReply *reply = m_manager.get(QNetworkRequest(m_services->sandbox()->baseUrl().resolved(QUrl(QStringLiteral("/__sandbox/orders")))));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(5000);
    reply->deleteLater();
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    return document.isArray() ? document.array() : document.object().value(QLatin1String("orders")).toArray();
}

void tst_CashierUpiQr::amountEnterScanPayShowsPaid()
{
    CustomerDisplay display(QStringLiteral("CounterPay demo store"));
    display.show();
    m_window->setCustomerDisplay(&display);
    m_window->activateWindow();

    // The demo's default method, first in the picker: no mobile, amount then Enter.
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    QCOMPARE(combo->itemData(0).toString(), QStringLiteral("juspay-upi-qr"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("juspay-upi-qr"));
    QCOMPARE(combo->currentText(), QStringLiteral("UPI QR (any UPI app)"));
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("149.50"));
    QTest::keyClick(edit("amountEdit"), Qt::Key_Return);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    PaymentView *view = m_window->paymentView();
    QTRY_VERIFY_WITH_TIMEOUT(view->qrCode()->hasCode(), 10'000);
    const QString orderId = m_window->currentOrderId();

    // What the customer's phone reads is the upi:// intent, for this sale's amount.
    const QString scanned = scan(view->qrCode());
    QVERIFY2(scanned.startsWith(QLatin1String("upi://pay?")), qPrintable(scanned));
    QCOMPARE(scanned, view->session().upiUri);
    const QUrlQuery query(scanned.mid(scanned.indexOf(u'?') + 1));
    QCOMPARE(query.queryItemValue(QStringLiteral("am")), QStringLiteral("149.50"));
    QCOMPARE(query.queryItemValue(QStringLiteral("cu")), QStringLiteral("INR"));

    // Beside the code: the words, the amount, the payee, the time left, and (demo) the warning.
    QVERIFY(label("upiScanLabel")->isVisible());
    QCOMPARE(label("upiScanLabel")->text(), QStringLiteral("Scan with any UPI app"));
    QCOMPARE(label("upiAmountLabel")->text(), QStringLiteral("₹149.50"));
    QCOMPARE(label("upiPayeeLabel")->text(), QStringLiteral("To CounterPay Demo Store"));
    QVERIFY2(QRegularExpression(QStringLiteral("^Valid for [45]:[0-5][0-9]$")).match(label("upiCountdownLabel")->text()).hasMatch(),
             qPrintable(label("upiCountdownLabel")->text()));
    QVERIFY(label("demoWarningLabel")->isVisible());
    QVERIFY(label("demoWarningLabel")->text().contains(QLatin1String("Do not scan it with a real UPI app")));
    // The code has its quiet zone and fills most of the page.
    QVERIFY(view->qrCode()->width() >= view->width() / 3);

    // The customer display shows the same code, large, and says how to pay.
    QTRY_VERIFY(display.qrCode()->isVisible());
    QCOMPARE(scan(display.qrCode()), scanned);
    QVERIFY(display.qrCode()->height() >= display.height() / 3);
    QVERIFY(display.findChild<QLabel *>(QStringLiteral("messageLabel"))->text().contains(QLatin1String("real UPI app")));

    // The customer's UPI app pays what it scanned; the window shows Paid for the amount.
    QCOMPARE(payWithUpiApp(scanned), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Charged);
    QCOMPARE(m_window->resultView()->headline(), QStringLiteral("Paid"));
    QCOMPARE(m_window->resultView()->findChild<QLabel *>(QStringLiteral("amountLabel"))->text(), QStringLiteral("₹149.50"));
    QCOMPARE(display.statusIndicator()->state(), PaymentState::Charged);
    // The ledger keeps the UPI RRN, which the receipt prints.
    const auto order = m_services->ledger().findOrder(orderId).value();
    QVERIFY(order);
    QCOMPARE(order->provider, QStringLiteral("juspay-upi-qr"));
    QCOMPARE(order->upiRrn.size(), 12);
    // The cashier sees it on the result (no "Mobile" row for a sale without one); the receipt
    // prints it from the same record (tst_CashierReceipt).
    auto *rrnLabel = m_window->resultView()->findChild<QLabel *>(QStringLiteral("rrnLabel"));
    QVERIFY(rrnLabel->isVisible());
    QCOMPARE(rrnLabel->text(), order->upiRrn);
    QVERIFY(!m_window->resultView()->findChild<QLabel *>(QStringLiteral("phoneLabel"))->isVisible());
    m_window->setCustomerDisplay(nullptr);
}

void tst_CashierUpiQr::anExpiredPushGoesOnAsAUpiQrWithF7()
{
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("juspay-gpay")));
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("42"));
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("98765 43210"));
    QTest::keyClick(edit("mobileEdit"), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer, 10'000);
    const QString orderId = m_window->currentOrderId();
    QVERIFY(m_services->sandbox()->expire(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Expired);
    // The key is named on the screen.
    auto *switchButton = m_window->resultView()->findChild<QPushButton *>(QStringLiteral("showQrButton"));
    QVERIFY(switchButton->isVisible());
    QCOMPARE(switchButton->text(), QStringLiteral("Retry as UPI QR (F7)"));
    QVERIFY(m_window->resultView()->advice().contains(QLatin1String("F7")));

    QTest::keyClick(m_window.get(), Qt::Key_F7);
    QCOMPARE(m_window->page(), CashierWindow::Page::Payment);
    QCOMPARE(m_window->currentOrderId(), orderId);
    PaymentView *view = m_window->paymentView();
    QTRY_VERIFY_WITH_TIMEOUT(view->qrCode()->text().startsWith(QLatin1String("upi://pay?")), 10'000);
    const QString scanned = scan(view->qrCode());
    QCOMPARE(scanned, view->session().upiUri);
    QCOMPARE(payWithUpiApp(scanned), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
    QCOMPARE(m_window->resultView()->state(), PaymentState::Charged);
    QCOMPARE(m_window->currentOrderId(), orderId);
    QCOMPARE(m_services->ledger().findOrder(orderId).value()->provider, QStringLiteral("juspay-upi-qr"));

    // One order at the sandbox: the push and the QR are two transactions of it.
    int orders = 0;
    for (const QJsonValue &value : sandboxOrders()) {
        const QJsonObject o = value.toObject();
        if (o.value(QLatin1String("order_id")).toString() == orderId) {
            ++orders;
            QCOMPARE(o.value(QLatin1String("txns")).toInt(), 2);
        }
    }
    QCOMPARE(orders, 1);
    QCOMPARE(sandboxOrders().size(), 1);
}

QTEST_MAIN(tst_CashierUpiQr)
#include "tst_CashierUpiQr.moc"
