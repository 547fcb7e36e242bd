#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QWidget;
class ReceiptPrintBackend;

// What the shop prints at the top of every receipt, from the back office's settings. The
// cashier's window reads it again at each print, so a change shows on the next receipt.
struct ReceiptHeader
{
    QString merchantName;
    QString merchantAddress; // may hold several lines
    QString gstin;
    QString timeZone;        // the store's zone, an IANA id; empty = the system's zone
};

// The customer's receipt after a successful sale: as HTML for a printer or a PDF file
// (QPdfWriter). Pure rendering: the caller fills it from the ledger's record. Printing goes
// through the counterpay_print plugin (Qt PrintSupport), loaded on the first print. Nothing
// here opens a dialog: a cashier at a counter never picks a printer or a folder.
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
        QString merchantAddress;
        QString gstin;
        QString timeZone; // IANA id; empty = the system's zone

        void setHeader(const ReceiptHeader &header);
    };

    static QString html(const Receipt &receipt);
    // The same document as plain text (what the printer is given, before it is painted).
    static QString plainText(const Receipt &receipt);
    // `at` in the zone (IANA id; empty or unknown = the system's), with the month in words so
    // no one reads 03/12 as March: "3 Dec 2026, 14:32".
    static QString timeText(const QDateTime &at, const QString &timeZone);

    // Writes an A6-ish PDF; false with `error` set if the file cannot be written.
    static bool savePdf(const Receipt &receipt, const QString &path, QString *error);
    // Where "Save as PDF" puts receipts: <Documents>/CounterPay receipts, or the same folder
    // in the application's data folder when there is no Documents folder.
    static QString receiptFolder();
    // Saves into `folder` (created if missing) under a new name each time, never over an
    // existing file: receipt-<yyyyMMdd-HHmmss in the store's zone>-<order id>.pdf, then -2,
    // -3... Gives the path. Errors: receipt_unwritable (with the path and reason).
    static Result<QString> savePdfAsNewFile(const Receipt &receipt, const QString &folder, const QDateTime &now);

    // Prints without asking on `printerName` (the receipt printer chosen in the back office)
    // or, when it is empty, on the system's default printer. Gives the printer used.
    // Errors: no_printer (no printer is set up on this computer), no_such_printer,
    // print_unavailable (the plugin is missing); each with one line for the cashier.
    static Result<QString> print(const Receipt &receipt, const QString &printerName);
    // Older callers passed a parent for the print dialog that no longer exists.
    static Result<QString> print(const Receipt &receipt, QWidget *, const QString &printerName)
    {
        return print(receipt, printerName);
    }
    // Prints without asking, through Qt PrintSupport into a PDF file (a print-to-file printer);
    // false with `error` set if the plugin is missing or the file cannot be written.
    static bool printToFile(const Receipt &receipt, const QString &path, QString *error);

    // Tests: print through `backend` instead of the plugin (not owned; nullptr = the plugin).
    static void setBackendForTesting(ReceiptPrintBackend *backend);

private:
    static bool canWrite(const QString &path, QString *error);
    static ReceiptPrintBackend *backend(QString *error);
};
