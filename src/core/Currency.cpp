#include "core/Currency.h"

#include <QStringList>

namespace {

struct CurrencyEntry
{
    const char16_t *code;
    int exponent;
    const char16_t *symbol;
    const char16_t *aliases; // comma-separated, matched case-insensitively
};

// Exponents from ISO 4217. IDR is 2 in ISO 4217 even though rupiah cents are not used in cash.
constexpr CurrencyEntry kCurrencies[] = {
    { u"INR", 2, u"\u20B9", u"INR,Rs.,Rs,\u20A8" },
    { u"EUR", 2, u"\u20AC", u"EUR" },
    { u"IDR", 2, u"Rp", u"IDR,Rp" },
    { u"JPY", 0, u"\u00A5", u"JPY,\uFFE5" },
    { u"KWD", 3, u"KD", u"KWD,KD" },
    { u"USD", 2, u"$", u"USD,US$" },
    { u"GBP", 2, u"\u00A3", u"GBP" },
    { u"SGD", 2, u"S$", u"SGD,S$" },
    { u"AED", 2, u"AED", u"AED" },
    { u"BHD", 3, u"BD", u"BHD,BD" },
    { u"OMR", 3, u"OMR", u"OMR" },
};

constexpr int kInrIndex = 0;

} // namespace

std::optional<Currency> Currency::fromCode(QStringView code)
{
    for (int i = 0; i < int(std::size(kCurrencies)); ++i) {
        if (code.compare(QStringView(kCurrencies[i].code), Qt::CaseInsensitive) == 0)
            return Currency(i);
    }
    return std::nullopt;
}

Currency Currency::inr()
{
    return Currency(kInrIndex);
}

QString Currency::code() const
{
    return QString::fromUtf16(kCurrencies[m_index].code);
}

int Currency::exponent() const
{
    return kCurrencies[m_index].exponent;
}

QString Currency::symbol() const
{
    return QString::fromUtf16(kCurrencies[m_index].symbol);
}

QStringList Currency::inputAliases() const
{
    QStringList aliases = QString::fromUtf16(kCurrencies[m_index].aliases).split(u',');
    aliases.prepend(symbol());
    return aliases;
}

qint64 Currency::minorPerMajor() const
{
    qint64 factor = 1;
    for (int i = 0; i < exponent(); ++i)
        factor *= 10;
    return factor;
}
