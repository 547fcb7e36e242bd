#include "core/AmountWords.h"

#include <QStringList>

namespace {

constexpr const char *kOnes[] = { "zero",    "one",     "two",       "three",    "four",
                                  "five",    "six",     "seven",     "eight",    "nine",
                                  "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                  "fifteen", "sixteen", "seventeen", "eighteen", "nineteen" };
constexpr const char *kTens[] = { "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" };

// Hindi number words 0-99 are not composed from tens and ones: one word each.
constexpr const char16_t *kHindi[100] = {
    u"शून्य",    u"एक",      u"दो",       u"तीन",      u"चार",      u"पाँच",     u"छह",       u"सात",      u"आठ",      u"नौ",
    u"दस",      u"ग्यारह",   u"बारह",     u"तेरह",      u"चौदह",     u"पंद्रह",    u"सोलह",     u"सत्रह",     u"अठारह",    u"उन्नीस",
    u"बीस",     u"इक्कीस",   u"बाईस",     u"तेईस",     u"चौबीस",    u"पच्चीस",    u"छब्बीस",   u"सत्ताईस",   u"अट्ठाईस",   u"उनतीस",
    u"तीस",     u"इकतीस",   u"बत्तीस",    u"तैंतीस",     u"चौंतीस",    u"पैंतीस",     u"छत्तीस",    u"सैंतीस",     u"अड़तीस",    u"उनतालीस",
    u"चालीस",   u"इकतालीस", u"बयालीस",   u"तैंतालीस",   u"चवालीस",   u"पैंतालीस",   u"छियालीस",  u"सैंतालीस",   u"अड़तालीस",  u"उनचास",
    u"पचास",    u"इक्यावन",  u"बावन",     u"तिरेपन",    u"चौवन",     u"पचपन",     u"छप्पन",    u"सत्तावन",   u"अट्ठावन",   u"उनसठ",
    u"साठ",     u"इकसठ",    u"बासठ",     u"तिरेसठ",    u"चौंसठ",     u"पैंसठ",      u"छियासठ",   u"सड़सठ",     u"अड़सठ",     u"उनहत्तर",
    u"सत्तर",    u"इकहत्तर",  u"बहत्तर",    u"तिहत्तर",    u"चौहत्तर",   u"पचहत्तर",   u"छिहत्तर",   u"सतहत्तर",   u"अठहत्तर",   u"उन्यासी",
    u"अस्सी",    u"इक्यासी",  u"बयासी",    u"तिरासी",    u"चौरासी",   u"पचासी",    u"छियासी",   u"सत्तासी",   u"अट्ठासी",   u"नवासी",
    u"नब्बे",    u"इक्यानवे", u"बानवे",    u"तिरानवे",   u"चौरानवे",  u"पचानवे",   u"छियानवे",  u"सत्तानवे",  u"अट्ठानवे",  u"निन्यानवे",
};

QString below100(qint64 n)
{
    if (n < 20)
        return QLatin1String(kOnes[n]);
    QString words = QLatin1String(kTens[n / 10]);
    if (n % 10)
        words += u'-' + QLatin1String(kOnes[n % 10]);
    return words;
}

QString below1000(qint64 n)
{
    QStringList parts;
    if (n >= 100)
        parts << QLatin1String(kOnes[n / 100]) + QLatin1String(" hundred");
    if (n % 100 || n == 0)
        parts << below100(n % 100);
    return parts.join(u' ');
}

QString indian(qint64 n)
{
    QStringList parts;
    if (n >= 10'000'000) {
        parts << indian(n / 10'000'000) + QLatin1String(" crore");
        n %= 10'000'000;
    }
    if (n >= 100'000) {
        parts << below100(n / 100'000) + QLatin1String(" lakh");
        n %= 100'000;
    }
    if (n >= 1000) {
        parts << below100(n / 1000) + QLatin1String(" thousand");
        n %= 1000;
    }
    if (n > 0)
        parts << below1000(n);
    return parts.join(u' ');
}

QString international(qint64 n)
{
    static constexpr const char *kScales[] = { "", " thousand", " million", " billion", " trillion", " quadrillion",
                                               " quintillion" };
    QStringList groups;
    for (int scale = 0; n > 0; ++scale, n /= 1000) {
        if (n % 1000)
            groups.prepend(below1000(n % 1000) + QLatin1String(kScales[scale]));
    }
    return groups.join(u' ');
}

QString hindiIndian(qint64 n)
{
    const auto word = [](qint64 v) { return QString::fromUtf16(kHindi[v]); };
    QStringList parts;
    if (n >= 10'000'000) {
        parts << hindiIndian(n / 10'000'000) + QStringLiteral(" करोड़");
        n %= 10'000'000;
    }
    if (n >= 100'000) {
        parts << word(n / 100'000) + QStringLiteral(" लाख");
        n %= 100'000;
    }
    if (n >= 1000) {
        parts << word(n / 1000) + QStringLiteral(" हज़ार");
        n %= 1000;
    }
    if (n >= 100) {
        parts << word(n / 100) + QStringLiteral(" सौ");
        n %= 100;
    }
    if (n > 0)
        parts << word(n);
    return parts.join(u' ');
}

struct UnitNames
{
    QString majorOne, majorMany, minorOne, minorMany, joiner;
};

UnitNames englishUnits(const Currency &currency)
{
    if (currency.code() == QLatin1String("INR"))
        return { QStringLiteral("rupee"), QStringLiteral("rupees"), QStringLiteral("paisa"), QStringLiteral("paise"),
                 QStringLiteral(" and ") };
    if (currency.code() == QLatin1String("EUR"))
        return { QStringLiteral("euro"), QStringLiteral("euros"), QStringLiteral("cent"), QStringLiteral("cents"),
                 QStringLiteral(" and ") };
    // No words of its own: the code, and the minor units as a fraction of the major unit.
    return { currency.code(), currency.code(), QString(), QString(), QStringLiteral(" and ") };
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

QString AmountWords::englishNumber(qint64 value, bool indianScale)
{
    if (value <= 0)
        return QLatin1String(kOnes[0]);
    return indianScale ? indian(value) : international(value);
}

QString AmountWords::hindiNumber(qint64 value)
{
    if (value <= 0)
        return QString::fromUtf16(kHindi[0]);
    return hindiIndian(value);
}

QString AmountWords::english(const Money &amount)
{
    const Currency &currency = amount.currency();
    const qint64 perMajor = currency.minorPerMajor();
    const qint64 major = amount.minorUnits() / perMajor;
    const qint64 minor = amount.minorUnits() % perMajor;
    const bool indianScale = currency.code() == QLatin1String("INR");
    const UnitNames units = englishUnits(currency);
    QString text;
    if (major > 0 || minor == 0)
        text = englishNumber(major, indianScale) + u' ' + (major == 1 ? units.majorOne : units.majorMany);
    if (minor > 0) {
        QString minorText;
        if (units.minorOne.isEmpty())
            minorText = QStringLiteral("%1/%2").arg(minor).arg(perMajor);
        else
            minorText = englishNumber(minor, false) + u' ' + (minor == 1 ? units.minorOne : units.minorMany);
        text = text.isEmpty() ? minorText : text + units.joiner + minorText;
    }
    return capitalised(text);
}

QString AmountWords::hindi(const Money &amount)
{
    const Currency &currency = amount.currency();
    const qint64 perMajor = currency.minorPerMajor();
    const qint64 major = amount.minorUnits() / perMajor;
    const qint64 minor = amount.minorUnits() % perMajor;
    QString majorOne = currency.code(), majorMany = currency.code(), minorOne, minorMany;
    if (currency.code() == QLatin1String("INR")) {
        majorOne = QStringLiteral("रुपया");
        majorMany = QStringLiteral("रुपये");
        minorOne = QStringLiteral("पैसा");
        minorMany = QStringLiteral("पैसे");
    } else if (currency.code() == QLatin1String("EUR")) {
        majorOne = majorMany = QStringLiteral("यूरो");
        minorOne = minorMany = QStringLiteral("सेंट");
    }
    QString text;
    if (major > 0 || minor == 0)
        text = hindiNumber(major) + u' ' + (major == 1 ? majorOne : majorMany);
    if (minor > 0) {
        const QString minorText = minorOne.isEmpty() ? QStringLiteral("%1/%2").arg(minor).arg(perMajor)
                                                     : hindiNumber(minor) + u' ' + (minor == 1 ? minorOne : minorMany);
        text = text.isEmpty() ? minorText : text + QStringLiteral(" और ") + minorText;
    }
    return text;
}

QString AmountWords::forLocale(const Money &amount, const QLocale &locale)
{
    return locale.language() == QLocale::Hindi ? hindi(amount) : english(amount);
}
