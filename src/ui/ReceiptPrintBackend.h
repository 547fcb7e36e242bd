#pragma once

#include <QString>
#include <QtPlugin>

class QWidget;

// Printing for ReceiptPrinter, provided by a plugin (Qt PrintSupport and the CUPS client) so
// those libraries load when a receipt is printed, not when the cashier's window starts.
class ReceiptPrintBackend
{
public:
    virtual ~ReceiptPrintBackend() = default;

    // Asks for a printer with the system dialog and prints the HTML; false if the cashier
    // cancelled.
    virtual bool printWithDialog(const QString &html, const QString &title, QWidget *parent) = 0;
    // Prints the HTML on the named printer without asking (the counter's receipt printer, as
    // chosen in the back office); false with `error` set if there is no such printer.
    virtual bool printToPrinter(const QString &html, const QString &printerName, QString *error) = 0;
    // The system's default printer; empty when none is set up.
    virtual QString defaultPrinterName() = 0;
    // Prints the HTML through Qt PrintSupport into a PDF file (a print-to-file printer, which is
    // also what a driver-less printer gets). The caller has checked that `path` can be written.
    virtual void printToFile(const QString &html, const QString &path) = 0;
};

#define CounterPayReceiptPrintBackend_iid "org.counterpay.ReceiptPrintBackend/1.1"
Q_DECLARE_INTERFACE(ReceiptPrintBackend, CounterPayReceiptPrintBackend_iid)
