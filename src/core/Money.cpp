#include "core/Money.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace {

// A message the cashier reads next to the amount field: in the GUI's language once a translator
// is installed, English otherwise (the CLI, logs, tests). Marked with QT_TRANSLATE_NOOP so lupdate
// collects it under "Money".
QString msg(const char *source)
{
    return QCoreApplication::translate("Money", source);
}

qint64 pow10(int exponent)
{
    qint64 value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

bool isSpaceLike(QChar ch)
{
    return ch == u' ' || ch == QChar(0x00A0) || ch == QChar(0x202F) || ch == QChar(0x2009);
}

Error tooManyFractionDigits(const Currency &currency)
{
    if (currency.exponent() == 0) {
        return Error::make("too_many_fraction_digits",
                           msg(QT_TRANSLATE_NOOP("Money", "%1 has no minor unit; enter a whole amount."))
                                   .arg(currency.code()));
    }
    return Error::make("too_many_fraction_digits",
                       msg(QT_TRANSLATE_NOOP("Money", "%1 allows at most %2 digits after the decimal point."))
                               .arg(currency.code())
                               .arg(currency.exponent()));
}

// Builds minor units from the digits before and after the decimal point. Both views hold
// decimal digits only (any script: QChar::digitValue reads Devanagari digits too).
Result<qint64> composeMinorUnits(QStringView integerDigits, QStringView fractionDigits,
                                 const Currency &currency)
{
    if (fractionDigits.size() > currency.exponent())
        return tooManyFractionDigits(currency);

    qsizetype firstSignificant = 0;
    while (firstSignificant < integerDigits.size()
           && integerDigits.at(firstSignificant).digitValue() == 0)
        ++firstSignificant;
    if (integerDigits.size() - firstSignificant > 13)
        return Error::make("too_large", msg(QT_TRANSLATE_NOOP("Money", "The amount is too large.")));

    qint64 major = 0;
    for (QChar ch : integerDigits)
        major = major * 10 + ch.digitValue();
    qint64 fraction = 0;
    for (QChar ch : fractionDigits)
        fraction = fraction * 10 + ch.digitValue();
    fraction *= pow10(currency.exponent() - int(fractionDigits.size()));

    const qint64 minor = major * currency.minorPerMajor() + fraction;
    if (minor > Money::kAbsoluteMaxMinorUnits)
        return Error::make("too_large", msg(QT_TRANSLATE_NOOP("Money", "The amount is too large.")));
    return minor;
}

// Checks digit grouping in the integer part: Western (1,234,567) or Indian (12,34,567).
bool groupingIsValid(const QList<QStringView> &groups)
{
    if (groups.size() < 2)
        return true;
    if (groups.last().size() != 3 || groups.first().isEmpty() || groups.first().size() > 3)
        return false;
    const qsizetype middleSize = groups.size() > 2 ? groups.at(1).size() : 3;
    if (middleSize != 2 && middleSize != 3)
        return false;
    for (qsizetype i = 1; i + 1 < groups.size(); ++i) {
        if (groups.at(i).size() != middleSize)
            return false;
    }
    // Indian grouping puts at most two digits in the leading group.
    return !(middleSize == 2 && groups.first().size() > 2);
}

QString stripCurrencyMarkers(QString text, const Currency &currency)
{
    const QStringList aliases = currency.inputAliases();
    bool stripped = true;
    while (stripped && !text.isEmpty()) {
        stripped = false;
        for (const QString &alias : aliases) {
            if (text.startsWith(alias, Qt::CaseInsensitive)) {
                text = text.mid(alias.size()).trimmed();
                stripped = true;
            } else if (text.endsWith(alias, Qt::CaseInsensitive)) {
                text.chop(alias.size());
                text = text.trimmed();
                stripped = true;
            }
        }
    }
    return text;
}

QString groupDigits(const QString &digits, QStringView separator, bool indian)
{
    qsizetype remaining = digits.size();
    int groupSize = 3;
    QStringList groups;
    while (remaining > groupSize) {
        groups.prepend(digits.mid(remaining - groupSize, groupSize));
        remaining -= groupSize;
        if (indian)
            groupSize = 2;
    }
    groups.prepend(digits.left(remaining));
    return groups.join(separator);
}

} // namespace

Result<Money> Money::fromMinorUnits(qint64 minorUnits, const Currency &currency)
{
    if (minorUnits < 0)
        return Error::make("negative", msg(QT_TRANSLATE_NOOP("Money", "The amount must not be negative.")));
    if (minorUnits > kAbsoluteMaxMinorUnits)
        return Error::make("too_large", msg(QT_TRANSLATE_NOOP("Money", "The amount is too large.")));
    return Money(minorUnits, currency);
}

Result<Money> Money::parse(QStringView input, const Currency &currency, const QLocale &locale)
{
    QString text = input.trimmed().toString();
    if (text.isEmpty())
        return Error::make("empty", msg(QT_TRANSLATE_NOOP("Money", "Enter an amount.")));

    text = stripCurrencyMarkers(text, currency);
    if (text.isEmpty())
        return Error::make("no_digits", msg(QT_TRANSLATE_NOOP("Money", "Enter the amount in digits.")));
    if (text.front() == u'-' || text.front() == QChar(0x2212))
        return Error::make("not_positive", msg(QT_TRANSLATE_NOOP("Money", "The amount must be greater than zero.")));

    const QString decimalPoint = locale.decimalPoint();
    QString groupSeparator = locale.groupSeparator();
    if (groupSeparator.size() == 1 && isSpaceLike(groupSeparator.front())) {
        for (QChar &ch : text) {
            if (isSpaceLike(ch))
                ch = groupSeparator.front();
        }
    }

    qsizetype decimalAt = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch.isDigit() || QStringView(text).mid(i).startsWith(groupSeparator))
            continue;
        if (QStringView(text).mid(i).startsWith(decimalPoint)) {
            if (decimalAt >= 0) {
                return Error::make("multiple_decimal_points",
                                   msg(QT_TRANSLATE_NOOP("Money", "The amount has more than one decimal point.")));
            }
            decimalAt = i;
            continue;
        }
        if (ch == u'.' || ch == u',') {
            return Error::make("invalid_character",
                               msg(QT_TRANSLATE_NOOP("Money", "'%1' is not used in amounts here; use '%2' for the "
                                              "decimal point."))
                                       .arg(ch)
                                       .arg(decimalPoint));
        }
        return Error::make("invalid_character",
                           msg(QT_TRANSLATE_NOOP("Money", "'%1' is not allowed in an amount; use digits and '%2' "
                                          "for the decimal point."))
                                   .arg(ch)
                                   .arg(decimalPoint));
    }

    const QStringView integerPart
            = decimalAt >= 0 ? QStringView(text).left(decimalAt) : QStringView(text);
    const QStringView fractionPart = decimalAt >= 0
            ? QStringView(text).mid(decimalAt + decimalPoint.size())
            : QStringView();

    if (fractionPart.contains(groupSeparator)) {
        return Error::make("misplaced_group_separator",
                           msg(QT_TRANSLATE_NOOP("Money", "Digit group separators ('%1') belong before the decimal "
                                          "point only."))
                                   .arg(groupSeparator));
    }
    const QList<QStringView> groups = integerPart.split(groupSeparator);
    if (!groupingIsValid(groups)) {
        return Error::make("misplaced_group_separator",
                           msg(QT_TRANSLATE_NOOP("Money", "The digits are not grouped correctly; write %1 or "
                                                          "%2, or leave the separators out."))
                                   .arg(u'1' + groupSeparator + u"499" + decimalPoint + u"50",
                                        u'1' + groupSeparator + u"49" + groupSeparator + u"999" + decimalPoint
                                                + u"00"));
    }
    QString integerDigits;
    for (QStringView group : groups)
        integerDigits += group;

    if (integerDigits.isEmpty() && fractionPart.isEmpty())
        return Error::make("no_digits", msg(QT_TRANSLATE_NOOP("Money", "Enter the amount in digits.")));

    const Result<qint64> minor = composeMinorUnits(integerDigits, fractionPart, currency);
    if (!minor)
        return minor.error();
    if (minor.value() == 0)
        return Error::make("not_positive", msg(QT_TRANSLATE_NOOP("Money", "The amount must be greater than zero.")));
    return Money(minor.value(), currency);
}

Result<Money> Money::fromDecimalString(QStringView text, const Currency &currency)
{
    if (text.isEmpty())
        return Error::make("empty", QStringLiteral("The amount is empty."));
    if (text.front() == u'-')
        return Error::make("negative", QStringLiteral("The amount must not be negative."));
    const qsizetype dot = text.indexOf(u'.');
    const QStringView integerDigits = dot >= 0 ? text.left(dot) : text;
    const QStringView fractionDigits = dot >= 0 ? text.mid(dot + 1) : QStringView();
    auto isAsciiDigits = [](QStringView digits) {
        for (QChar ch : digits) {
            if (ch < u'0' || ch > u'9')
                return false;
        }
        return true;
    };
    if (integerDigits.isEmpty() || !isAsciiDigits(integerDigits) || !isAsciiDigits(fractionDigits)
        || (dot >= 0 && fractionDigits.isEmpty())) {
        return Error::make("malformed",
                           QStringLiteral("'%1' is not a decimal amount such as 149.50.")
                                   .arg(text.left(40)));
    }
    const Result<qint64> minor = composeMinorUnits(integerDigits, fractionDigits, currency);
    if (!minor)
        return minor.error();
    return Money(minor.value(), currency);
}

Result<Money> Money::fromJsonDecimal(const QJsonValue &value, const Currency &currency)
{
    if (value.isString())
        return fromDecimalString(value.toString(), currency);
    if (value.isDouble()) {
        // A JSON number reaches us through the parser as a double. Any decimal with at most
        // 15 significant digits survives that trip, and the shortest round-trip rendering
        // gives back exactly the digits the sender wrote; the amount is then read from that
        // text with integer arithmetic. Longer numbers cannot be trusted and are refused.
        const QString text = QString::number(value.toDouble(), 'f', QLocale::FloatingPointShortest);
        qsizetype significant = 0;
        for (QChar ch : text) {
            if (ch.isDigit() && (significant > 0 || ch != u'0'))
                ++significant;
        }
        if (significant > 15)
            return Error::make("imprecise", QStringLiteral("The amount has too many digits to be exact."));
        return fromDecimalString(text, currency);
    }
    if (value.isNull() || value.isUndefined())
        return Error::make("missing", QStringLiteral("The amount is missing."));
    return Error::make("wrong_type", QStringLiteral("The amount is neither a number nor a string."));
}

Result<Money> Money::fromJsonMinorUnits(const QJsonValue &value, const Currency &currency)
{
    if (value.isNull() || value.isUndefined())
        return Error::make("missing", QStringLiteral("The amount is missing."));
    if (!value.isDouble())
        return Error::make("wrong_type", QStringLiteral("The amount in minor units is not a number."));
    // toInteger() answers the default for a number that is not integral; two defaults tell.
    const qint64 a = value.toInteger(-1);
    const qint64 b = value.toInteger(-2);
    if (a != b)
        return Error::make("not_integer", QStringLiteral("The amount in minor units is not a whole number."));
    return fromMinorUnits(a, currency);
}

Result<Money> Money::fromGoogleJson(const QJsonObject &object)
{
    const QString code = object.value(QLatin1String("currencyCode")).toString();
    const std::optional<Currency> currency = Currency::fromCode(code);
    if (!currency) {
        return Error::make("unknown_currency",
                           QStringLiteral("The currency '%1' is not supported.").arg(code.left(8)));
    }

    qint64 units = 0;
    const QJsonValue unitsValue = object.value(QLatin1String("units"));
    if (unitsValue.isString()) {
        bool ok = false;
        units = unitsValue.toString().toLongLong(&ok);
        if (!ok)
            return Error::make("malformed", QStringLiteral("Google amount units are not an integer."));
    } else if (unitsValue.isDouble()) {
        units = unitsValue.toInteger(-1);
        if (units != unitsValue.toInteger(-2))
            return Error::make("malformed", QStringLiteral("Google amount units are not an integer."));
    } else if (!unitsValue.isUndefined() && !unitsValue.isNull()) {
        return Error::make("wrong_type", QStringLiteral("Google amount units are neither a number nor a string."));
    }

    qint64 nanos = 0;
    const QJsonValue nanosValue = object.value(QLatin1String("nanos"));
    if (nanosValue.isDouble()) {
        nanos = nanosValue.toInteger(-1'000'000'000'000);
        if (nanos != nanosValue.toInteger(-2'000'000'000'000))
            return Error::make("malformed", QStringLiteral("Google amount nanos are not an integer."));
    } else if (!nanosValue.isUndefined() && !nanosValue.isNull()) {
        return Error::make("wrong_type", QStringLiteral("Google amount nanos are not a number."));
    }

    if (nanos <= -1'000'000'000 || nanos >= 1'000'000'000)
        return Error::make("malformed", QStringLiteral("Google amount nanos are out of range."));
    if (units < 0 || nanos < 0)
        return Error::make("negative", QStringLiteral("The amount must not be negative."));
    const qint64 nanosPerMinor = pow10(9 - currency->exponent());
    if (nanos % nanosPerMinor != 0)
        return tooManyFractionDigits(*currency);
    if (units > kAbsoluteMaxMinorUnits / currency->minorPerMajor())
        return Error::make("too_large", QStringLiteral("The amount is too large."));
    return fromMinorUnits(units * currency->minorPerMajor() + nanos / nanosPerMinor, *currency);
}

std::optional<Error> Money::checkPaymentBounds(qint64 maxMinorUnits) const
{
    if (m_minorUnits <= 0)
        return Error::make("not_positive", msg(QT_TRANSLATE_NOOP("Money", "The amount must be greater than zero.")));
    if (m_minorUnits > maxMinorUnits) {
        const Result<Money> max = fromMinorUnits(maxMinorUnits, m_currency);
        return Error::make("exceeds_maximum",
                           msg(QT_TRANSLATE_NOOP("Money", "The amount is above this payment method's maximum of "
                                          "%1 %2."))
                                   .arg(max ? max->toDecimalString() : QString::number(maxMinorUnits),
                                        m_currency.code()));
    }
    return std::nullopt;
}

QString Money::toDecimalString() const
{
    const qint64 perMajor = m_currency.minorPerMajor();
    QString text = QString::number(m_minorUnits / perMajor);
    if (m_currency.exponent() > 0) {
        text += u'.'
                + QStringLiteral("%1").arg(m_minorUnits % perMajor, m_currency.exponent(), 10,
                                           QLatin1Char('0'));
    }
    return text;
}

Money::GoogleAmount Money::toGoogleAmount() const
{
    const qint64 perMajor = m_currency.minorPerMajor();
    GoogleAmount amount;
    amount.units = m_minorUnits / perMajor;
    amount.nanos = qint32((m_minorUnits % perMajor) * pow10(9 - m_currency.exponent()));
    return amount;
}

QJsonObject Money::toGoogleJson() const
{
    const GoogleAmount amount = toGoogleAmount();
    return QJsonObject { { QStringLiteral("currencyCode"), m_currency.code() },
                         { QStringLiteral("units"), QString::number(amount.units) },
                         { QStringLiteral("nanos"), amount.nanos } };
}

QString Money::toDisplayString(const QLocale &locale) const
{
    const qint64 perMajor = m_currency.minorPerMajor();
    const bool indian = locale.territory() == QLocale::India;
    QString number = groupDigits(QString::number(m_minorUnits / perMajor),
                                 locale.groupSeparator(), indian);
    if (m_currency.exponent() > 0) {
        number += locale.decimalPoint()
                + QStringLiteral("%1").arg(m_minorUnits % perMajor, m_currency.exponent(), 10,
                                           QLatin1Char('0'));
    }

    // Where the symbol goes, and with what spacing, is the locale's business: ask it to format
    // an integer with a placeholder symbol and put our exact digits in place of its number.
    const QString placeholder = QStringLiteral("\u00A4");
    QString pattern = locale.toCurrencyString(qlonglong(7), placeholder);
    qsizetype digitAt = 0;
    while (digitAt < pattern.size() && !pattern.at(digitAt).isDigit())
        ++digitAt;
    if (digitAt == pattern.size() || !pattern.contains(placeholder))
        return m_currency.symbol() + number;
    qsizetype digitEnd = digitAt;
    while (digitEnd < pattern.size() && pattern.at(digitEnd).isDigit())
        ++digitEnd;
    pattern.replace(digitAt, digitEnd - digitAt, number);
    return pattern.replace(placeholder, m_currency.symbol());
}
