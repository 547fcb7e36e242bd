#include "PrintPlugin.h"

#include <QCoreApplication>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QTextDocument>

namespace {

void printHtml(const QString &html, QPrinter &printer)
{
    QTextDocument document;
    document.setHtml(html);
    document.print(&printer);
}

} // namespace

bool PrintPlugin::printWithDialog(const QString &html, const QString &title, QWidget *parent)
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(title);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    printHtml(html, printer);
    return true;
}

bool PrintPlugin::printToPrinter(const QString &html, const QString &printerName, QString *error)
{
    const QPrinterInfo info = QPrinterInfo::printerInfo(printerName);
    if (info.isNull()) {
        if (error)
            *error = QCoreApplication::translate("ReceiptPrinter", "The printer %1 is not available; choose another "
                                                                   "in the back office's settings.")
                             .arg(printerName);
        return false;
    }
    QPrinter printer(info, QPrinter::HighResolution);
    printHtml(html, printer);
    return true;
}

QString PrintPlugin::defaultPrinterName()
{
    return QPrinterInfo::defaultPrinterName();
}

void PrintPlugin::printToFile(const QString &html, const QString &path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printHtml(html, printer);
}
