#include "ui/ReceiptPrinter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The customer's receipt: its content, a PDF through QPdfWriter and a print through the real
// Qt PrintSupport path (the counterpay_print plugin, loaded from the build tree, with a QPrinter
// writing PDF, which is what a driver-less printer gets).
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

QTEST_MAIN(tst_ReceiptPrinter)
#include "tst_ReceiptPrinter.moc"
