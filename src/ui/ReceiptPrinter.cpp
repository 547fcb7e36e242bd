#include "ui/ReceiptPrinter.h"

#include "ui/ReceiptPrintBackend.h"
#include "ui/UiPluginLoader.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextDocument>
#include <QTimeZone>

namespace {

ReceiptPrintBackend *s_testBackend = nullptr;

QTimeZone storeZone(const QString &id)
{
    if (!id.isEmpty()) {
        const QTimeZone zone(id.toLatin1());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::systemTimeZone();
}

} // namespace

void ReceiptPrinter::Receipt::setHeader(const ReceiptHeader &header)
{
    merchantName = header.merchantName;
    merchantAddress = header.merchantAddress;
    gstin = header.gstin;
    timeZone = header.timeZone;
}

QString ReceiptPrinter::timeText(const QDateTime &at, const QString &timeZone)
{
    if (!at.isValid())
        return QString();
    // English month abbreviations on every receipt: a day-month order and a month in words
    // cannot be misread, whatever the reader's habit (03/12 is March to some, December to others).
    return QLocale(QLocale::English, QLocale::India)
            .toString(at.toTimeZone(storeZone(timeZone)), QStringLiteral("d MMM yyyy, HH:mm"));
}

QString ReceiptPrinter::html(const Receipt &receipt)
{
    const auto row = [](const QString &caption, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
                                         .arg(caption.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString out = QStringLiteral("<h2 align='center'>%1</h2>").arg(receipt.merchantName.toHtmlEscaped());
    const QString address = receipt.merchantAddress.trimmed();
    if (!address.isEmpty()) {
        QStringList lines;
        for (const QString &line : address.split(QLatin1Char('\n')))
            if (!line.trimmed().isEmpty())
                lines.append(line.trimmed().toHtmlEscaped());
        out += QStringLiteral("<p align='center'>%1</p>").arg(lines.join(QStringLiteral("<br>")));
    }
    if (!receipt.gstin.trimmed().isEmpty())
        out += QStringLiteral("<p align='center'>%1</p>").arg(tr("GSTIN %1").arg(receipt.gstin.trimmed()).toHtmlEscaped());
    out += QStringLiteral("<p align='center'>%1</p><h1 align='center'>%2</h1><table width='100%'>")
                   .arg(tr("Payment receipt").toHtmlEscaped(), receipt.amountText.toHtmlEscaped());
    out += row(tr("Method"), receipt.methodText);
    out += row(tr("Order"), receipt.orderId);
    out += row(tr("UPI RRN"), receipt.upiRrn);
    out += row(tr("Provider reference"), receipt.providerReference);
    out += row(tr("Mobile"), receipt.maskedPhone);
    out += row(tr("Time"), timeText(receipt.at, receipt.timeZone));
    out += QStringLiteral("</table><p align='center'>%1</p>").arg(tr("Thank you").toHtmlEscaped());
    return out;
}

QString ReceiptPrinter::plainText(const Receipt &receipt)
{
    QTextDocument document;
    document.setHtml(html(receipt));
    return document.toPlainText();
}

// QPdfWriter and QPrinter do not report a file they cannot write: try it first.
bool ReceiptPrinter::canWrite(const QString &path, QString *error)
{
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, probe.errorString());
        return false;
    }
    return true;
}

bool ReceiptPrinter::savePdf(const Receipt &receipt, const QString &path, QString *error)
{
    if (!canWrite(path, error))
        return false;
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QSizeF(105, 148), QPageSize::Millimeter));
    writer.setResolution(300);
    writer.setTitle(tr("Receipt %1").arg(receipt.orderId));
    writer.setCreator(QStringLiteral("CounterPay"));
    QTextDocument document;
    document.setHtml(html(receipt));
    document.setPageSize(QSizeF(writer.width(), writer.height()));
    QFont font = document.defaultFont();
    font.setPointSizeF(8);
    document.setDefaultFont(font);
    document.print(&writer);
    return true;
}

QString ReceiptPrinter::receiptFolder()
{
    const QString folderName = QStringLiteral("CounterPay receipts");
    QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (base.isEmpty() || !QDir(base).exists())
        base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(folderName);
}

Result<QString> ReceiptPrinter::savePdfAsNewFile(const Receipt &receipt, const QString &folder, const QDateTime &now)
{
    if (!QDir().mkpath(folder)) {
        return Result<QString>::failure(QStringLiteral("receipt_unwritable"),
                                        tr("Cannot create the folder %1 for receipts.").arg(folder));
    }
    const QDir dir(folder);
    const QString stamp = now.toTimeZone(storeZone(receipt.timeZone)).toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString id = receipt.orderId;
    id.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")));
    const QString base = id.isEmpty() ? QStringLiteral("receipt-%1").arg(stamp)
                                      : QStringLiteral("receipt-%1-%2").arg(stamp, id);
    for (int n = 1; n <= 999; ++n) {
        const QString path = dir.filePath(n == 1 ? base + QStringLiteral(".pdf") : QStringLiteral("%1-%2.pdf").arg(base).arg(n));
        QFile claim(path);
        // NewOnly: the name is taken atomically, so two saves never write the same file.
        if (!claim.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            if (claim.exists())
                continue;
            return Result<QString>::failure(QStringLiteral("receipt_unwritable"),
                                            tr("Cannot write %1: %2").arg(path, claim.errorString()));
        }
        claim.close();
        QString error;
        if (!savePdf(receipt, path, &error)) {
            QFile::remove(path);
            return Result<QString>::failure(QStringLiteral("receipt_unwritable"), error);
        }
        return path;
    }
    return Result<QString>::failure(QStringLiteral("receipt_unwritable"),
                                    tr("Too many receipts named %1 in %2.").arg(base, folder));
}

void ReceiptPrinter::setBackendForTesting(ReceiptPrintBackend *backend)
{
    s_testBackend = backend;
}

ReceiptPrintBackend *ReceiptPrinter::backend(QString *error)
{
    return s_testBackend ? s_testBackend : UiPluginLoader::printBackend(error);
}

Result<QString> ReceiptPrinter::print(const Receipt &receipt, const QString &printerName)
{
    QString error;
    ReceiptPrintBackend *printing = backend(&error);
    if (!printing)
        return Result<QString>::failure(QStringLiteral("print_unavailable"), error);
    const QString target = printerName.isEmpty() ? printing->defaultPrinterName() : printerName;
    if (target.isEmpty()) {
        return Result<QString>::failure(QStringLiteral("no_printer"),
                                        tr("No printer is set up on this computer; the receipt was not printed "
                                           "(Save as PDF keeps a copy)."));
    }
    if (!printing->printToPrinter(html(receipt), tr("Receipt %1").arg(receipt.orderId), target, &error))
        return Result<QString>::failure(QStringLiteral("no_such_printer"), error);
    return target;
}

bool ReceiptPrinter::printToFile(const Receipt &receipt, const QString &path, QString *error)
{
    ReceiptPrintBackend *printing = backend(error);
    if (!printing || !canWrite(path, error))
        return false;
    printing->printToFile(html(receipt), path);
    return true;
}
