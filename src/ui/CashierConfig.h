#pragma once

#include "core/Currency.h"
#include "ui/NavigationFilter.h"
#include "ui/ReceiptPrinter.h"
#include "ui/SaleFeedback.h"

#include <QLocale>
#include <QStringList>

#include <functional>

// How the cashier window is set up; filled by the executable from options and settings.
struct CashierConfig
{
    QStringList providers;                // configured providers only
    Currency currency = Currency::inr();
    QLocale locale;                       // amount input and display (en_IN: Indian grouping)
    QString merchantName = QStringLiteral("CounterPay demo store");
    QString cashier;
    bool demo = false;                    // shows the DEMO banner
    NavigationFilter navigation;          // what the embedded browser may open
    bool sound = true;
    // Saying the amount on Paid: for UPI QR sales by default (Settings' Speech).
    SaleFeedback::SpeechMode speech = SaleFeedback::SpeechMode::QrSales;
    QString language = QStringLiteral("en"); // the current UI language, for the picker
    // The receipt printer chosen in the back office, read at each print (it can change while
    // the window is open); empty or unset = the system's default printer.
    std::function<QString()> receiptPrinter;
    // Receipts: the shop's name, address, GSTIN and time zone from the back office's settings,
    // read at each print or save (a change shows on the next receipt, without a restart);
    // unset = merchantName alone, in the system's zone.
    std::function<ReceiptHeader()> receiptHeader;
    // The till's per-sale ceiling and the amount above which the cashier confirms it in words
    // first (0 = never), in minor units (Settings::Key::SaleCeilingMinor, ConfirmAboveMinor).
    qint64 saleCeilingMinor = 20'000'000;
    qint64 confirmAboveMinor = 2'000'000;
};
