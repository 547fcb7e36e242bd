#include "PrintPlugin.h"

#include <QCoreApplication>
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

bool PrintPlugin::printToPrinter(const QString &html, const QString &jobName, const QString &printerName,
                                 QString *error)
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
    // Without a print system QPrinter falls back to writing a PDF file, which only a dialog
    // would name (print.pdf, overwritten each time): refuse instead of printing nowhere.
    if (printer.outputFormat() != QPrinter::NativeFormat) {
        if (error)
            *error = QCoreApplication::translate("ReceiptPrinter", "The printer %1 cannot be reached through the "
                                                                   "print system.")
                             .arg(printerName);
        return false;
    }
    printer.setDocName(jobName);
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
