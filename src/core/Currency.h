#pragma once

#include <QString>

#include <optional>

// An ISO 4217 currency and its exponent (the number of minor-unit digits): INR 2, JPY 0, KWD 3.
class Currency
{
public:
    // The currencies CounterPay's gateways settle in; nullopt for anything else.
    static std::optional<Currency> fromCode(QStringView code);
    static Currency inr();

    QString code() const;
    int exponent() const;
    // What a cashier sees next to the amount: ₹, €, ¥ ... or the code where no symbol is common.
    QString symbol() const;
    // Other spellings a cashier may type for this currency, such as "Rs" for INR.
    QStringList inputAliases() const;
    // 10^exponent: how many minor units make one major unit.
    qint64 minorPerMajor() const;

    bool operator==(const Currency &other) const { return m_index == other.m_index; }
    bool operator!=(const Currency &other) const { return m_index != other.m_index; }

private:
    explicit Currency(int index) : m_index(index) { }
    int m_index;
};
