#pragma once

#include "core/Currency.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QLocale>
#include <QString>

// An amount of money: integer minor units plus the currency. There is no floating point
// anywhere in this class; every text and wire format is produced from and parsed into the
// integer exactly.
class Money
{
public:
    // Sanity bound for any amount CounterPay handles: 13 integer digits, far beyond any sale,
    // and far from qint64 overflow whatever the exponent.
    static constexpr qint64 kAbsoluteMaxMinorUnits = 999'999'999'999'999;
    // CM.com's documented maximum for `amount`.
    static constexpr qint64 kCmComMaxMinorUnits = 99'999'999;

    // Google's money message: units and nanos (10^-9 of a unit), same sign.
    struct GoogleAmount
    {
        qint64 units = 0;
        qint32 nanos = 0;
    };

    // Any non-negative amount, as wire parsers need (a refunded amount may be zero).
    static Result<Money> fromMinorUnits(qint64 minorUnits, const Currency &currency);

    // What a cashier typed: "149.5", "1,499.50", "₹ 149", "1,49,999.00", "1.499,50" (de_DE).
    // The locale gives the decimal and group separators. The amount must be greater than zero
    // and carry no more fraction digits than the currency allows.
    static Result<Money> parse(QStringView input, const Currency &currency,
                               const QLocale &locale = QLocale());

    // Juspay's decimal string in major units: "149.50", "149.5", "100".
    static Result<Money> fromDecimalString(QStringView text, const Currency &currency);
    // A JSON value holding a decimal amount in major units, as a string or a number
    // (Juspay's order status sends `amount` as a number).
    static Result<Money> fromJsonDecimal(const QJsonValue &value, const Currency &currency);
    // CM.com's integer minor units, as a JSON number.
    static Result<Money> fromJsonMinorUnits(const QJsonValue &value, const Currency &currency);
    // Google's {currencyCode, units, nanos}; units may be a JSON string or a number.
    static Result<Money> fromGoogleJson(const QJsonObject &object);

    qint64 minorUnits() const { return m_minorUnits; }
    const Currency &currency() const { return m_currency; }

    // Checks the bounds of a payment: greater than zero and at most maxMinorUnits.
    std::optional<Error> checkPaymentBounds(qint64 maxMinorUnits = kAbsoluteMaxMinorUnits) const;

    // Juspay wire format: "149.50" (always the currency's full exponent; "149" for JPY).
    QString toDecimalString() const;
    // Google wire format.
    GoogleAmount toGoogleAmount() const;
    // {"currencyCode":"INR","units":"149","nanos":500000000}. units is a string, as the proto3
    // JSON mapping writes int64 and as Google's own samples show.
    QJsonObject toGoogleJson() const;

    // For a person: "₹1,49,999.00" in en_IN and hi_IN (Indian grouping), "1.499,50 €" in de_DE.
    QString toDisplayString(const QLocale &locale = QLocale()) const;

    bool operator==(const Money &other) const
    {
        return m_currency == other.m_currency && m_minorUnits == other.m_minorUnits;
    }
    bool operator!=(const Money &other) const { return !(*this == other); }

private:
    Money(qint64 minorUnits, const Currency &currency)
        : m_minorUnits(minorUnits), m_currency(currency)
    {
    }

    qint64 m_minorUnits;
    Currency m_currency;
};
