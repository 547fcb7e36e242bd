#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QWidget;

// The customer's receipt after a successful sale: as HTML for a printer or a PDF file
// (QPdfWriter). Pure rendering: the caller fills it from the ledger's record. Printing goes
// through the counterpay_print plugin (Qt PrintSupport), loaded on the first print.
class ReceiptPrinter
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptPrinter)

public:
    struct Receipt
    {
        QString merchantName;
        QString amountText;
        QString methodText;
        QString orderId;
        QString providerReference; // Google / CM.com transaction id, Juspay txn id
        QString upiRrn;
        QString maskedPhone;
        QDateTime at;
    };

    static QString html(const Receipt &receipt);
    // Writes an A6-ish PDF; false with `error` set if the file cannot be written.
    static bool savePdf(const Receipt &receipt, const QString &path, QString *error);
    // Prints on `printerName` without asking (the receipt printer chosen in the back office) or,
    // when it is empty, asks with the system print dialog. False if the cashier cancelled, or
    // with `error` set if printing is not available (no such printer, the plugin is missing).
    static bool print(const Receipt &receipt, QWidget *parent, const QString &printerName, QString *error = nullptr);
    // Prints without asking, through Qt PrintSupport into a PDF file (a print-to-file printer);
    // false with `error` set if the plugin is missing or the file cannot be written.
    static bool printToFile(const Receipt &receipt, const QString &path, QString *error);
};
