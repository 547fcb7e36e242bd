#include "CashierRig.h"
#include "ReceiptPrinterStandIn.h"
#include "app/common/AppServices.h"
#include "sandbox/SandboxServer.h"
#include "storage/Ledger.h"
#include "ui/CashierWindow.h"
#include "ui/PaymentView.h"
#include "ui/ReceiptPrinter.h"
#include "ui/ResultView.h"
#include "ui/StatusIndicator.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The receipt from the cashier's window after a real sandbox sale: F9 prints on the counter's
// printer with no dialog, twice, with the shop's details as the settings say at that moment;
// Save as PDF writes a new dated file each time, with no file dialog. The printer is
// ReceiptPrinterStandIn (a QPrinter writing PDF per job): this machine has no print system.
class tst_CashierReceipt final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void receiptWithAddressGstinAndRrnPrintedTwiceWithoutAPrompt();
    void noPrinterAtAllIsOneLine();
    void saveAsPdfTwiceGivesTwoDatedFilesAndEnterActivatesTheButtons();

private:
    QLineEdit *edit(const char *name) const { return m_window->findChild<QLineEdit *>(QLatin1String(name)); }
    QString message() const { return m_window->findChild<QLabel *>(QStringLiteral("messageLabel"))->text(); }
    // A Google Pay (direct) sale paid in the sandbox; gives the ledger's record once its RRN is in.
    OrderRecord chargedSale();

    QTemporaryDir m_home; // HOME, so "Documents" is a folder of the test's own
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReceiptPrinterStandIn> m_printers;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<CashierWindow> m_window;
    // What the back office's settings say; read by the window at each print.
    QString m_printer;
    ReceiptHeader m_header;
};

void tst_CashierReceipt::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toLocal8Bit());
    QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("Documents")));
    QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), m_home.filePath(QStringLiteral("Documents")));
}

void tst_CashierReceipt::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_printers = std::make_unique<ReceiptPrinterStandIn>(m_dir->path(),
                                                         QStringList { QStringLiteral("Counter-1"), QStringLiteral("Office") },
                                                         QStringLiteral("Office"));
    ReceiptPrinter::setBackendForTesting(m_printers.get());
    m_printer = QStringLiteral("Counter-1");
    m_header = ReceiptHeader { QStringLiteral("Sharma General Store"), QStringLiteral("12 MG Road\nBengaluru 560001"),
                               QStringLiteral("29ABCDE1234F1Z5"), QStringLiteral("Asia/Kolkata") };

    auto services = AppServices::create(CashierRig::demoOptions(m_dir->filePath(QStringLiteral("ledger.sqlite"))));
    QVERIFY2(services.ok(), qPrintable(services.errorMessage()));
    m_services = std::move(services).value();

    CashierConfig config = CashierRig::demoConfig(*m_services, m_services->sandbox()->baseUrl());
    config.merchantName = QStringLiteral("CounterPay demo store"); // what the window started with
    config.receiptPrinter = [this] { return m_printer; };
    config.receiptHeader = [this] { return m_header; };
    m_window = std::make_unique<CashierWindow>(m_services->engine(), config);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_CashierReceipt::cleanup()
{
    ReceiptPrinter::setBackendForTesting(nullptr);
    m_window.reset();
    m_services.reset();
    m_printers.reset();
    m_dir.reset();
    QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/CounterPay receipts"))
            .removeRecursively();
}

OrderRecord tst_CashierReceipt::chargedSale()
{
    const QString provider = QStringLiteral("googlepay");
    if (!m_services->providers().contains(provider)) {
        QTest::qFail(qPrintable(m_services->providers().join(u',')), __FILE__, __LINE__);
        return {};
    }
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    combo->setCurrentIndex(combo->findData(provider));
    QTest::keyClicks(edit("amountEdit"), QStringLiteral("149.50"));
    QTest::keyClicks(edit("mobileEdit"), QStringLiteral("98765 43210"));
    m_window->pay();
    const QString orderId = m_window->currentOrderId();
    [&] {
        QVERIFY(!orderId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Payment, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->paymentView()->statusIndicator()->state(), PaymentState::AwaitingCustomer,
                                  10'000);
        QVERIFY(m_services->sandbox()->approve(orderId));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->page(), CashierWindow::Page::Result, 10'000);
        QCOMPARE(m_window->resultView()->state(), PaymentState::Charged);
        QTRY_VERIFY_WITH_TIMEOUT(!m_services->ledger().findOrder(orderId).value()->upiRrn.isEmpty(), 10'000);
    }();
    const auto stored = m_services->ledger().findOrder(orderId);
    return stored && stored.value() ? *stored.value() : OrderRecord {};
}

void tst_CashierReceipt::receiptWithAddressGstinAndRrnPrintedTwiceWithoutAPrompt()
{
    const OrderRecord sale = chargedSale();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sale.upiRrn.size(), 12);
    DialogWatch dialogs;

    QTest::keyClick(m_window.get(), Qt::Key_F9);
    QCOMPARE(m_printers->jobs().size(), 1);
    QCOMPARE(message(), QStringLiteral("Receipt sent to Counter-1."));
    const ReceiptPrinterStandIn::Job first = m_printers->jobs().at(0);
    QCOMPARE(first.printer, QStringLiteral("Counter-1"));
    const QStringList lines = first.text.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("Sharma General Store")); // not the name the window started with
    QCOMPARE(lines.value(1), QStringLiteral("12 MG Road"));
    QCOMPARE(lines.value(2), QStringLiteral("Bengaluru 560001"));
    QCOMPARE(lines.value(3), QStringLiteral("GSTIN 29ABCDE1234F1Z5"));
    const QString when = ReceiptPrinter::timeText(sale.updatedAt, QStringLiteral("Asia/Kolkata"));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}$")).match(when).hasMatch());
    for (const QString &expected : { QStringLiteral("₹149.50"), QStringLiteral("Google Pay"), sale.orderId,
                                     QStringLiteral("UPI RRN"), sale.upiRrn, QStringLiteral("••3210"), when })
        QVERIFY2(first.text.contains(expected), qPrintable(expected + QStringLiteral(" in:\n") + first.text));
    QVERIFY(!first.text.contains(QLatin1String("98765")));
    QVERIFY(!first.text.contains(QLatin1String("CounterPay demo store")));

    // The manager renames the shop, moves it to another zone and picks "the system's default
    // printer" in the back office while the window stays open: the next receipt shows it.
    m_header.merchantName = QStringLiteral("Sharma Stores");
    m_header.merchantAddress = QStringLiteral("4 Park Street, Kolkata");
    m_header.timeZone = QStringLiteral("Europe/London");
    m_printer.clear();
    QTest::keyClick(m_window.get(), Qt::Key_F9);
    QCOMPARE(m_printers->jobs().size(), 2);
    const ReceiptPrinterStandIn::Job second = m_printers->jobs().at(1);
    QCOMPARE(second.printer, QStringLiteral("Office"));
    QCOMPARE(message(), QStringLiteral("Receipt sent to Office."));
    QVERIFY(second.text.startsWith(QLatin1String("Sharma Stores\n4 Park Street, Kolkata\nGSTIN 29ABCDE1234F1Z5\n")));
    QVERIFY(second.text.contains(ReceiptPrinter::timeText(sale.updatedAt, QStringLiteral("Europe/London"))));
    QVERIFY(second.text.contains(sale.upiRrn));
    QVERIFY(second.file != first.file);
    QVERIFY(QFileInfo(first.file).size() > 1000);
    QVERIFY(QFileInfo(second.file).size() > 1000);

    QCOMPARE(dialogs.seen(), QStringList());
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    QCOMPARE(m_window->page(), CashierWindow::Page::Result);
}

void tst_CashierReceipt::noPrinterAtAllIsOneLine()
{
    m_printers = std::make_unique<ReceiptPrinterStandIn>(m_dir->path(), QStringList(), QString());
    ReceiptPrinter::setBackendForTesting(m_printers.get());
    m_printer.clear();
    chargedSale();
    if (QTest::currentTestFailed())
        return;
    DialogWatch dialogs;
    QTest::keyClick(m_window.get(), Qt::Key_F9);
    QVERIFY2(message().startsWith(QLatin1String("No printer is set up")), qPrintable(message()));
    QVERIFY(!message().contains(QLatin1Char('\n')));
    QCOMPARE(dialogs.seen(), QStringList());
    QVERIFY(m_printers->jobs().isEmpty());
    QVERIFY(!QFile::exists(QDir::current().filePath(QStringLiteral("print.pdf"))));
}

void tst_CashierReceipt::saveAsPdfTwiceGivesTwoDatedFilesAndEnterActivatesTheButtons()
{
    const OrderRecord sale = chargedSale();
    if (QTest::currentTestFailed())
        return;
    DialogWatch dialogs;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                           + QStringLiteral("/CounterPay receipts");
    auto *pdf = m_window->resultView()->findChild<QPushButton *>(QStringLiteral("pdfButton"));
    auto *print = m_window->resultView()->findChild<QPushButton *>(QStringLiteral("printButton"));
    QVERIFY(pdf && pdf->isVisible() && print && print->isVisible());

    // Tab to "Save as PDF" and press Enter, twice: where the key goes is the focused button.
    const QRegularExpression name(QStringLiteral("^receipt-\\d{8}-\\d{6}-%1(-2)?\\.pdf$").arg(sale.orderId));
    QStringList saved;
    for (int i = 0; i < 2; ++i) {
        pdf->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(pdf->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), i == 0 ? Qt::Key_Return : Qt::Key_Enter);
        const QStringList files = QDir(folder).entryList({ QStringLiteral("*.pdf") }, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), i + 1);
        QVERIFY2(message().startsWith(QLatin1String("Receipt saved: ")) && message().contains(folder), qPrintable(message()));
        const QString path = message().mid(QStringLiteral("Receipt saved: ").size());
        QVERIFY2(!saved.contains(path), qPrintable(path));
        QVERIFY2(name.match(QFileInfo(path).fileName()).hasMatch(), qPrintable(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("%PDF-"));
        saved.append(path);
    }

    // Enter on the focused "Print receipt" prints, like F9.
    print->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(print->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(m_printers->jobs().size(), 1);
    QCOMPARE(message(), QStringLiteral("Receipt sent to Counter-1."));

    QCOMPARE(dialogs.seen(), QStringList());
    QCOMPARE(m_window->page(), CashierWindow::Page::Result);
}

QTEST_MAIN(tst_CashierReceipt)
#include "tst_CashierReceipt.moc"
