#pragma once

#include "core/Money.h"

#include <QLocale>
#include <QString>

// An amount in words, for the cashier to confirm before a large sale is sent ("Fourteen
// thousand nine hundred fifty rupees"). Pure functions over the integer minor units.
// Rupees use the Indian scale (thousand, lakh, crore); euros and other currencies the short
// scale (thousand, million, billion). Currencies without their own words end in the ISO code.
class AmountWords
{
public:
    // "Twelve lakh thirty-four thousand five hundred sixty-seven rupees and eighty-nine paise",
    // "One hundred euros and five cents". Starts with a capital; no final punctuation.
    static QString english(const Money &amount);
    // "चौदह हज़ार नौ सौ पचास रुपये", "एक रुपया और पचास पैसे".
    static QString hindi(const Money &amount);
    // hindi() for a Hindi locale, english() for any other.
    static QString forLocale(const Money &amount, const QLocale &locale);

    // The number alone, for tests and other callers: "one lakh", "ninety-nine".
    static QString englishNumber(qint64 value, bool indianScale);
    static QString hindiNumber(qint64 value);
};
