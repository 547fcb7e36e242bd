#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QPrinter;
class QWidget;

// The customer's receipt after a successful sale: as HTML for a printer (Qt PrintSupport) or a
// PDF file (QPdfWriter). Pure rendering: the caller fills it from the ledger's record.
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
    // Opens the system print dialog; false if the cashier cancelled.
    static bool print(const Receipt &receipt, QWidget *parent);
    // Prints without asking (what print() does once the cashier has chosen a printer).
    static void printTo(const Receipt &receipt, QPrinter &printer);
};
