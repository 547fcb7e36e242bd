#include "ReceiptPrinterStandIn.h"
#include "ui/ReceiptPrinter.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

// The customer's receipt: its content, a PDF through QPdfWriter and a print through the real
// Qt PrintSupport path (the counterpay_print plugin, loaded from the build tree, with a QPrinter
// writing PDF, which is what a driver-less printer gets). Printing on a named or the default
// printer goes through ReceiptPrinterStandIn (a QPrinter writing one PDF per job): this machine
// has no print system.
class tst_ReceiptPrinter final : public QObject
{
    Q_OBJECT

private slots:
    void htmlCarriesWhatTheReceiptMustShow();
    void htmlEscapesMerchantText();
    void savePdfWritesAPdf();
    void savePdfReportsAnUnwritablePath();
    void printToAPrinterProducesPages();
    void printToAnUnwritablePathReportsIt();
    void aMissingPrinterIsNamed();
    void headerAddressAndGstinArePrinted();
    void timeIsInTheStoresZoneWithTheMonthInWords();
    void savePdfAsNewFileNeverOverwrites();
    void savePdfAsNewFileReportsAnUnwritableFolder();
    void printsOnTheConfiguredPrinterThenTheDefaultWithoutADialog();
    void noPrinterAtAllIsOneLineAndNoDialog();

private:
    static ReceiptPrinter::Receipt sample();
    static QByteArray readAll(const QString &path);
};

ReceiptPrinter::Receipt tst_ReceiptPrinter::sample()
{
    ReceiptPrinter::Receipt receipt;
    receipt.merchantName = QStringLiteral("Sharma General Store");
    receipt.amountText = QStringLiteral("₹1,49,999.50");
    receipt.methodText = QStringLiteral("Google Pay (Juspay)");
    receipt.orderId = QStringLiteral("T01-20261122-ABCDEF");
    receipt.providerReference = QStringLiteral("txn_7781");
    receipt.upiRrn = QStringLiteral("432112345678");
    receipt.maskedPhone = QStringLiteral("+91 ••••••3210");
    receipt.at = QDateTime(QDate(2026, 11, 22), QTime(10, 30), Qt::UTC);
    receipt.merchantAddress = QStringLiteral("12 MG Road\nBengaluru 560001");
    receipt.gstin = QStringLiteral("29ABCDE1234F1Z5");
    receipt.timeZone = QStringLiteral("Asia/Kolkata");
    return receipt;
}

QByteArray tst_ReceiptPrinter::readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_ReceiptPrinter::htmlCarriesWhatTheReceiptMustShow()
{
    const QString html = ReceiptPrinter::html(sample());
    for (const char *expected : { "Sharma General Store", "₹1,49,999.50", "Google Pay (Juspay)", "T01-20261122-ABCDEF",
                                  "txn_7781", "432112345678", "+91 ••••••3210" }) {
        QVERIFY2(html.contains(QString::fromUtf8(expected)), expected);
    }
    QVERIFY(!html.contains(QLatin1String("9876543210")));
}

void tst_ReceiptPrinter::htmlEscapesMerchantText()
{
    ReceiptPrinter::Receipt receipt = sample();
    receipt.merchantName = QStringLiteral("<script>x</script> & Sons");
    const QString html = ReceiptPrinter::html(receipt);
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;x&lt;/script&gt; &amp; Sons")));
}

void tst_ReceiptPrinter::savePdfWritesAPdf()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("receipt.pdf"));
    QString error;
    QVERIFY2(ReceiptPrinter::savePdf(sample(), path, &error), qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QVERIFY2(pdf.size() > 2000, QByteArray::number(pdf.size()).constData());
    QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 1);
}

void tst_ReceiptPrinter::savePdfReportsAnUnwritablePath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no-such-folder/receipt.pdf"));
    QString error;
    QVERIFY(!ReceiptPrinter::savePdf(sample(), path, &error));
    QVERIFY2(error.contains(QLatin1String("Cannot write")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void tst_ReceiptPrinter::printToAPrinterProducesPages()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("printed.pdf"));
    QString error;
    QVERIFY2(ReceiptPrinter::printToFile(sample(), path, &error), qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY2(pdf.size() > 2000, QByteArray::number(pdf.size()).constData());
}

void tst_ReceiptPrinter::printToAnUnwritablePathReportsIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-folder/printed.pdf"));
    QString error;
    QVERIFY(!ReceiptPrinter::printToFile(sample(), path, &error));
    QVERIFY2(error.contains(QStringLiteral("missing-folder")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void tst_ReceiptPrinter::aMissingPrinterIsNamed()
{
    // The back office's printer setting names a printer that is not (or no longer) there.
    const Result<QString> printed = ReceiptPrinter::print(sample(), nullptr, QStringLiteral("CounterPay-No-Such-Printer"));
    QVERIFY(!printed);
    QCOMPARE(printed.errorCode(), QStringLiteral("no_such_printer"));
    QVERIFY2(printed.errorMessage().contains(QLatin1String("CounterPay-No-Such-Printer")),
             qPrintable(printed.errorMessage()));
}

void tst_ReceiptPrinter::headerAddressAndGstinArePrinted()
{
    const QString text = ReceiptPrinter::plainText(sample());
    const QStringList lines = text.split(QLatin1Char('\n'));
    // The shop first, then each address line on its own, then the GSTIN.
    const qsizetype name = lines.indexOf(QStringLiteral("Sharma General Store"));
    QVERIFY2(name >= 0, qPrintable(text));
    QCOMPARE(lines.value(name + 1), QStringLiteral("12 MG Road"));
    QCOMPARE(lines.value(name + 2), QStringLiteral("Bengaluru 560001"));
    QCOMPARE(lines.value(name + 3), QStringLiteral("GSTIN 29ABCDE1234F1Z5"));
    for (const char *expected : { "UPI RRN", "432112345678", "txn_7781", "T01-20261122-ABCDEF", "22 Nov 2026, 16:00" })
        QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);

    // No address and no GSTIN: no empty lines or a bare "GSTIN".
    ReceiptPrinter::Receipt bare = sample();
    bare.setHeader(ReceiptHeader { QStringLiteral("Corner Shop"), QStringLiteral("  \n "), QString(), QString() });
    const QString bareText = ReceiptPrinter::plainText(bare);
    QVERIFY(bareText.startsWith(QLatin1String("Corner Shop\nPayment receipt")));
    QVERIFY(!bareText.contains(QLatin1String("GSTIN")));
}

void tst_ReceiptPrinter::timeIsInTheStoresZoneWithTheMonthInWords()
{
    const QDateTime at(QDate(2026, 12, 3), QTime(9, 2, 40), Qt::UTC);
    QCOMPARE(ReceiptPrinter::timeText(at, QStringLiteral("Asia/Kolkata")), QStringLiteral("3 Dec 2026, 14:32"));
    QCOMPARE(ReceiptPrinter::timeText(at, QStringLiteral("Europe/Amsterdam")), QStringLiteral("3 Dec 2026, 10:02"));
    QCOMPARE(ReceiptPrinter::timeText(at, QStringLiteral("America/Los_Angeles")), QStringLiteral("3 Dec 2026, 01:02"));
    // Empty or unknown: the system's zone.
    const QString system = QLocale(QLocale::English).toString(at.toTimeZone(QTimeZone::systemTimeZone()),
                                                              QStringLiteral("d MMM yyyy, HH:mm"));
    QCOMPARE(ReceiptPrinter::timeText(at, QString()), system);
    QCOMPARE(ReceiptPrinter::timeText(at, QStringLiteral("Mars/Olympus")), system);
    QCOMPARE(ReceiptPrinter::timeText(QDateTime(), QStringLiteral("Asia/Kolkata")), QString());
}

void tst_ReceiptPrinter::savePdfAsNewFileNeverOverwrites()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("CounterPay receipts")); // created on first save
    const QDateTime now(QDate(2026, 12, 3), QTime(9, 2, 10), Qt::UTC);
    const ReceiptPrinter::Receipt receipt = sample();

    const Result<QString> first = ReceiptPrinter::savePdfAsNewFile(receipt, folder, now);
    QVERIFY2(first, qPrintable(first.errorMessage()));
    QCOMPARE(QFileInfo(first.value()).fileName(), QStringLiteral("receipt-20261203-143210-T01-20261122-ABCDEF.pdf"));
    const QByteArray firstPdf = readAll(first.value());
    QVERIFY(firstPdf.startsWith("%PDF-"));

    // The same second again (a second copy for the customer), then a third.
    const Result<QString> second = ReceiptPrinter::savePdfAsNewFile(receipt, folder, now);
    QVERIFY2(second, qPrintable(second.errorMessage()));
    QCOMPARE(QFileInfo(second.value()).fileName(), QStringLiteral("receipt-20261203-143210-T01-20261122-ABCDEF-2.pdf"));
    const Result<QString> third = ReceiptPrinter::savePdfAsNewFile(receipt, folder, now);
    QVERIFY2(third, qPrintable(third.errorMessage()));
    QCOMPARE(QFileInfo(third.value()).fileName(), QStringLiteral("receipt-20261203-143210-T01-20261122-ABCDEF-3.pdf"));
    QVERIFY(readAll(second.value()).startsWith("%PDF-"));
    QCOMPARE(readAll(first.value()), firstPdf); // untouched
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 3);

    // A later second is a new dated name.
    const Result<QString> later = ReceiptPrinter::savePdfAsNewFile(receipt, folder, now.addSecs(61));
    QVERIFY(later);
    QCOMPARE(QFileInfo(later.value()).fileName(), QStringLiteral("receipt-20261203-143311-T01-20261122-ABCDEF.pdf"));
}

void tst_ReceiptPrinter::savePdfAsNewFileReportsAnUnwritableFolder()
{
    QTemporaryDir dir;
    const QString notAFolder = dir.filePath(QStringLiteral("plain-file"));
    QFile file(notAFolder);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const Result<QString> saved = ReceiptPrinter::savePdfAsNewFile(sample(), notAFolder + QStringLiteral("/receipts"),
                                                                   QDateTime::currentDateTimeUtc());
    QVERIFY(!saved);
    QCOMPARE(saved.errorCode(), QStringLiteral("receipt_unwritable"));
    QVERIFY2(saved.errorMessage().contains(QLatin1String("plain-file")), qPrintable(saved.errorMessage()));
    QVERIFY(!saved.errorMessage().contains(QLatin1Char('\n')));
}

void tst_ReceiptPrinter::printsOnTheConfiguredPrinterThenTheDefaultWithoutADialog()
{
    QTemporaryDir dir;
    ReceiptPrinterStandIn printers(dir.path(), { QStringLiteral("Counter-1"), QStringLiteral("Office") },
                                   QStringLiteral("Office"));
    ReceiptPrinter::setBackendForTesting(&printers);
    DialogWatch dialogs;

    const Result<QString> configured = ReceiptPrinter::print(sample(), QStringLiteral("Counter-1"));
    QVERIFY2(configured, qPrintable(configured.errorMessage()));
    QCOMPARE(configured.value(), QStringLiteral("Counter-1"));
    const Result<QString> fallback = ReceiptPrinter::print(sample(), QString());
    QVERIFY2(fallback, qPrintable(fallback.errorMessage()));
    QCOMPARE(fallback.value(), QStringLiteral("Office"));
    const Result<QString> missing = ReceiptPrinter::print(sample(), QStringLiteral("Gone"));
    QCOMPARE(missing.errorCode(), QStringLiteral("no_such_printer"));
    ReceiptPrinter::setBackendForTesting(nullptr);

    QCOMPARE(dialogs.seen(), QStringList());
    QCOMPARE(printers.jobs().size(), 2);
    QCOMPARE(printers.jobs().at(0).printer, QStringLiteral("Counter-1"));
    QCOMPARE(printers.jobs().at(1).printer, QStringLiteral("Office"));
    QCOMPARE(printers.jobs().at(0).name, QStringLiteral("Receipt T01-20261122-ABCDEF"));
    QVERIFY(printers.jobs().at(0).file != printers.jobs().at(1).file);
    for (const ReceiptPrinterStandIn::Job &job : printers.jobs()) {
        QCOMPARE(job.text, ReceiptPrinter::plainText(sample()));
        QVERIFY(readAll(job.file).startsWith("%PDF-"));
    }
}

void tst_ReceiptPrinter::noPrinterAtAllIsOneLineAndNoDialog()
{
    QTemporaryDir dir;
    ReceiptPrinterStandIn none(dir.path(), {}, QString());
    ReceiptPrinter::setBackendForTesting(&none);
    DialogWatch dialogs;
    const Result<QString> printed = ReceiptPrinter::print(sample(), QString());
    ReceiptPrinter::setBackendForTesting(nullptr);
    QVERIFY(!printed);
    QCOMPARE(printed.errorCode(), QStringLiteral("no_printer"));
    QVERIFY2(printed.errorMessage().contains(QLatin1String("No printer")), qPrintable(printed.errorMessage()));
    QVERIFY(!printed.errorMessage().contains(QLatin1Char('\n')));
    QCOMPARE(dialogs.seen(), QStringList());
    QVERIFY(none.jobs().isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList()); // no print.pdf either
}

QTEST_MAIN(tst_ReceiptPrinter)
#include "tst_ReceiptPrinter.moc"
