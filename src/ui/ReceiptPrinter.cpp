#include "ui/ReceiptPrinter.h"

#include "ui/ReceiptPrintBackend.h"
#include "ui/UiPluginLoader.h"

#include <QFile>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

QString ReceiptPrinter::html(const Receipt &receipt)
{
    const auto row = [](const QString &caption, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
                                         .arg(caption.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString out = QStringLiteral("<h2 align='center'>%1</h2><p align='center'>%2</p>"
                                 "<h1 align='center'>%3</h1><table width='100%'>")
                          .arg(receipt.merchantName.toHtmlEscaped(), tr("Payment receipt").toHtmlEscaped(),
                               receipt.amountText.toHtmlEscaped());
    out += row(tr("Method"), receipt.methodText);
    out += row(tr("Order"), receipt.orderId);
    out += row(tr("Provider reference"), receipt.providerReference);
    out += row(tr("UPI RRN"), receipt.upiRrn);
    out += row(tr("Mobile"), receipt.maskedPhone);
    out += row(tr("Time"), receipt.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    out += QStringLiteral("</table><p align='center'>%1</p>").arg(tr("Thank you").toHtmlEscaped());
    return out;
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

Result<QString> ReceiptPrinter::print(const Receipt &receipt, QWidget *parent, const QString &printerName)
{
    QString error;
    ReceiptPrintBackend *backend = UiPluginLoader::printBackend(&error);
    if (!backend)
        return Result<QString>::failure(QStringLiteral("print_unavailable"), error);
    const QString target = printerName.isEmpty() ? backend->defaultPrinterName() : printerName;
    if (target.isEmpty()) {
        // No printer set up at all: let the cashier pick one (or print to a file).
        if (!backend->printWithDialog(html(receipt), tr("Print receipt"), parent))
            return Result<QString>::failure(QStringLiteral("cancelled"), QString());
        return QString();
    }
    if (!backend->printToPrinter(html(receipt), target, &error))
        return Result<QString>::failure(QStringLiteral("no_such_printer"), error);
    return target;
}

bool ReceiptPrinter::printToFile(const Receipt &receipt, const QString &path, QString *error)
{
    ReceiptPrintBackend *backend = UiPluginLoader::printBackend(error);
    if (!backend || !canWrite(path, error))
        return false;
    backend->printToFile(html(receipt), path);
    return true;
}
