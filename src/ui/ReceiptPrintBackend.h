#pragma once

#include <QString>
#include <QtPlugin>

// Printing for ReceiptPrinter, provided by a plugin (Qt PrintSupport and the CUPS client) so
// those libraries load when a receipt is printed, not when the cashier's window starts.
class ReceiptPrintBackend
{
public:
    virtual ~ReceiptPrintBackend() = default;

    // Prints the HTML on the named printer without asking (the counter's receipt printer, as
    // chosen in the back office, or the system's default), as a job called `jobName`; false
    // with `error` set (one line) if there is no such printer. There is no dialog anywhere:
    // a cashier at a counter never picks a printer or a file.
    virtual bool printToPrinter(const QString &html, const QString &jobName, const QString &printerName,
                                QString *error) = 0;
    // The system's default printer; empty when none is set up.
    virtual QString defaultPrinterName() = 0;
    // Prints the HTML through Qt PrintSupport into a PDF file (a print-to-file printer, which is
    // also what a driver-less printer gets). The caller has checked that `path` can be written.
    virtual void printToFile(const QString &html, const QString &path) = 0;
};

#define CounterPayReceiptPrintBackend_iid "org.counterpay.ReceiptPrintBackend/1.2"
Q_DECLARE_INTERFACE(ReceiptPrintBackend, CounterPayReceiptPrintBackend_iid)
