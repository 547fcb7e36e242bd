#pragma once

#include "core/Result.h"

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
    // Prints without asking on `printerName` (the receipt printer chosen in the back office) or,
    // when it is empty, on the system's default printer; only when there is no printer at all
    // does it ask with the system print dialog. Gives the printer used (empty after the dialog).
    // Errors: cancelled (the cashier closed the dialog; no message), no_such_printer,
    // print_unavailable (the plugin is missing).
    static Result<QString> print(const Receipt &receipt, QWidget *parent, const QString &printerName);
    // Prints without asking, through Qt PrintSupport into a PDF file (a print-to-file printer);
    // false with `error` set if the plugin is missing or the file cannot be written.
    static bool printToFile(const Receipt &receipt, const QString &path, QString *error);

private:
    static bool canWrite(const QString &path, QString *error);
};
