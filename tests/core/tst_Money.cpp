#include "core/Money.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTranslator>

namespace {

Currency cur(const char *code)
{
    return *Currency::fromCode(QString::fromLatin1(code));
}

QJsonValue jsonValue(const QByteArray &json)
{
    // Parse the way a gateway response is parsed, so numbers arrive as the parser makes them.
    return QJsonDocument::fromJson("{\"v\":" + json + "}").object().value(QLatin1String("v"));
}

} // namespace

class tst_Money : public QObject
{
    Q_OBJECT

private slots:
    void parseCashierInput_data();
    void parseCashierInput();
    void parseRejects_data();
    void parseRejects();
    void display_data();
    void display();
    void decimalWire_data();
    void decimalWire();
    void fromDecimalString_data();
    void fromDecimalString();
    void fromJsonDecimal_data();
    void fromJsonDecimal();
    void googleWire_data();
    void googleWire();
    void fromGoogleJson_data();
    void fromGoogleJson();
    void googleRoundTrip();
    void cmComWire_data();
    void cmComWire();
    void paymentBounds_data();
    void paymentBounds();
    void groupingMessageShowsTheLocalesExamples();
    void messagesFollowTheInstalledTranslator();
};

void tst_Money::parseCashierInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<qint64>("minor");

    QTest::newRow("one fraction digit") << "149.5" << "INR" << "en_IN" << qint64(14950);
    QTest::newRow("western grouping") << "1,499.50" << "INR" << "en_IN" << qint64(149950);
    QTest::newRow("rupee sign and space") << QStringLiteral("\u20B9 149") << "INR" << "en_IN" << qint64(14900);
    QTest::newRow("rupee sign, no space") << QStringLiteral("\u20B9149.00") << "INR" << "en_IN" << qint64(14900);
    QTest::newRow("Rs. prefix") << "Rs. 149" << "INR" << "en_IN" << qint64(14900);
    QTest::newRow("code suffix") << "149.50 INR" << "INR" << "en_IN" << qint64(14950);
    QTest::newRow("indian grouping") << "1,49,999.00" << "INR" << "en_IN" << qint64(14999900);
    QTest::newRow("indian grouping, crore") << "1,23,45,678.90" << "INR" << "en_IN" << qint64(1234567890);
    QTest::newRow("western grouping, million") << "1,234,567.89" << "INR" << "en_US" << qint64(123456789);
    QTest::newRow("surrounding spaces") << "  149.50  " << "INR" << "en_IN" << qint64(14950);
    QTest::newRow("leading decimal point") << ".5" << "INR" << "en_IN" << qint64(50);
    QTest::newRow("trailing decimal point") << "149." << "INR" << "en_IN" << qint64(14900);
    QTest::newRow("smallest") << "0.01" << "INR" << "en_IN" << qint64(1);
    QTest::newRow("devanagari digits") << QStringLiteral("\u0967\u096A\u096F.\u096B\u0966") << "INR" << "hi_IN" << qint64(14950);
    QTest::newRow("yen whole") << "149" << "JPY" << "ja_JP" << qint64(149);
    QTest::newRow("dinar three digits") << "12.345" << "KWD" << "en_US" << qint64(12345);
    QTest::newRow("german separators") << "1.499,50" << "EUR" << "de_DE" << qint64(149950);
    QTest::newRow("euro sign, german") << QStringLiteral("\u20AC 12,50") << "EUR" << "de_DE" << qint64(1250);
    QTest::newRow("french space grouping") << "1 499,50" << "EUR" << "fr_FR" << qint64(149950);
    QTest::newRow("rupiah") << "Rp 100" << "IDR" << "id_ID" << qint64(10000);
}

void tst_Money::parseCashierInput()
{
    QFETCH(QString, input);
    QFETCH(QString, currency);
    QFETCH(QString, locale);
    QFETCH(qint64, minor);

    const Result<Money> money = Money::parse(input, *Currency::fromCode(currency), QLocale(locale));
    QVERIFY2(money.ok(), qPrintable(money.errorCode() + u": " + money.errorMessage()));
    QCOMPARE(money->minorUnits(), minor);
    QCOMPARE(money->currency().code(), currency);
}

void tst_Money::parseRejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty") << "" << "INR" << "en_IN" << "empty" << "Enter an amount";
    QTest::newRow("blank") << "   " << "INR" << "en_IN" << "empty" << "Enter an amount";
    QTest::newRow("symbol only") << QStringLiteral("\u20B9") << "INR" << "en_IN" << "no_digits" << "digits";
    QTest::newRow("point only") << "." << "INR" << "en_IN" << "no_digits" << "digits";
    QTest::newRow("letters") << "abc" << "INR" << "en_IN" << "invalid_character" << "'a'";
    QTest::newRow("trailing letter") << "12a" << "INR" << "en_IN" << "invalid_character" << "'a'";
    QTest::newRow("foreign currency sign") << "$5" << "INR" << "en_IN" << "invalid_character" << "'$'";
    QTest::newRow("negative") << "-5" << "INR" << "en_IN" << "not_positive" << "greater than zero";
    QTest::newRow("zero") << "0" << "INR" << "en_IN" << "not_positive" << "greater than zero";
    QTest::newRow("zero with fraction") << "0.00" << "INR" << "en_IN" << "not_positive" << "greater than zero";
    QTest::newRow("three fraction digits in INR") << "149.505" << "INR" << "en_IN" << "too_many_fraction_digits" << "at most 2 digits";
    QTest::newRow("trailing zero beyond exponent") << "149.500" << "INR" << "en_IN" << "too_many_fraction_digits" << "at most 2 digits";
    QTest::newRow("fraction in JPY") << "149.5" << "JPY" << "ja_JP" << "too_many_fraction_digits" << "no minor unit";
    QTest::newRow("four fraction digits in KWD") << "1.2345" << "KWD" << "en_US" << "too_many_fraction_digits" << "at most 3 digits";
    QTest::newRow("two decimal points") << "1.2.3" << "INR" << "en_IN" << "multiple_decimal_points" << "more than one";
    QTest::newRow("single-digit group") << "1,4,99" << "INR" << "en_IN" << "misplaced_group_separator" << "grouped";
    QTest::newRow("short last group") << "1,49,99" << "INR" << "en_IN" << "misplaced_group_separator" << "grouped";
    QTest::newRow("comma as decimal in en_IN") << "149,50" << "INR" << "en_IN" << "misplaced_group_separator" << "grouped";
    QTest::newRow("point as decimal in de_DE") << "149.50" << "EUR" << "de_DE" << "misplaced_group_separator" << "grouped";
    QTest::newRow("separator in fraction") << "1,499.5,0" << "INR" << "en_IN" << "misplaced_group_separator" << "before the decimal point";
    QTest::newRow("doubled separator") << "1,,499" << "INR" << "en_IN" << "misplaced_group_separator" << "grouped";
    QTest::newRow("fourteen digits") << "12345678901234" << "INR" << "en_IN" << "too_large" << "too large";
    QTest::newRow("inner space in en_IN") << "14 950" << "INR" << "en_IN" << "invalid_character" << "' '";
}

void tst_Money::parseRejects()
{
    QFETCH(QString, input);
    QFETCH(QString, currency);
    QFETCH(QString, locale);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    const Result<Money> money = Money::parse(input, *Currency::fromCode(currency), QLocale(locale));
    QVERIFY(!money.ok());
    QCOMPARE(money.errorCode(), code);
    QVERIFY2(money.errorMessage().contains(messagePart), qPrintable(money.errorMessage()));
}

void tst_Money::display_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lakh en_IN") << qint64(14999900) << "INR" << "en_IN" << QStringLiteral("\u20B91,49,999.00");
    QTest::newRow("lakh hi_IN") << qint64(14999900) << "INR" << "hi_IN" << QStringLiteral("\u20B91,49,999.00");
    QTest::newRow("crore en_IN") << qint64(1234567890) << "INR" << "en_IN" << QStringLiteral("\u20B91,23,45,678.90");
    QTest::newRow("thousand en_IN") << qint64(149950) << "INR" << "en_IN" << QStringLiteral("\u20B91,499.50");
    QTest::newRow("lakh en_US is western") << qint64(14999900) << "INR" << "en_US" << QStringLiteral("\u20B9149,999.00");
    QTest::newRow("paise") << qint64(5) << "INR" << "en_IN" << QStringLiteral("\u20B90.05");
    QTest::newRow("euro de_DE") << qint64(149950) << "EUR" << "de_DE" << QStringLiteral("1.499,50\u00A0\u20AC");
    QTest::newRow("yen") << qint64(1499) << "JPY" << "ja_JP" << QStringLiteral("\u00A51,499");
    QTest::newRow("dinar") << qint64(12345) << "KWD" << "en_US" << QStringLiteral("KD12.345");
}

void tst_Money::display()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, locale);
    QFETCH(QString, expected);

    const Result<Money> money = Money::fromMinorUnits(minor, *Currency::fromCode(currency));
    QVERIFY(money.ok());
    QCOMPARE(money->toDisplayString(QLocale(locale)), expected);
}

void tst_Money::decimalWire_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("expected");

    QTest::newRow("INR") << qint64(14950) << "INR" << "149.50";
    QTest::newRow("INR whole") << qint64(14900) << "INR" << "149.00";
    QTest::newRow("INR paise") << qint64(5) << "INR" << "0.05";
    QTest::newRow("IDR") << qint64(10000) << "IDR" << "100.00";
    QTest::newRow("JPY") << qint64(149) << "JPY" << "149";
    QTest::newRow("KWD") << qint64(12345) << "KWD" << "12.345";
}

void tst_Money::decimalWire()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, expected);

    const Money money = Money::fromMinorUnits(minor, *Currency::fromCode(currency)).value();
    QCOMPARE(money.toDecimalString(), expected);
    const Result<Money> back = Money::fromDecimalString(expected, money.currency());
    QVERIFY(back.ok());
    QCOMPARE(back.value(), money);
}

void tst_Money::fromDecimalString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");

    QTest::newRow("two digits") << "149.50" << qint64(14950) << "";
    QTest::newRow("one digit") << "149.5" << qint64(14950) << "";
    QTest::newRow("integer") << "100" << qint64(10000) << "";
    QTest::newRow("zero is a valid wire value") << "0" << qint64(0) << "";
    QTest::newRow("too precise") << "149.505" << qint64(0) << "too_many_fraction_digits";
    QTest::newRow("empty") << "" << qint64(0) << "empty";
    QTest::newRow("negative") << "-1.00" << qint64(0) << "negative";
    QTest::newRow("exponent notation") << "1e3" << qint64(0) << "malformed";
    QTest::newRow("grouping") << "1,000" << qint64(0) << "malformed";
    QTest::newRow("no integer part") << ".5" << qint64(0) << "malformed";
    QTest::newRow("dangling point") << "5." << qint64(0) << "malformed";
    QTest::newRow("leading space") << " 5" << qint64(0) << "malformed";
}

void tst_Money::fromDecimalString()
{
    QFETCH(QString, text);
    QFETCH(qint64, minor);
    QFETCH(QString, code);

    const Result<Money> money = Money::fromDecimalString(text, Currency::inr());
    QCOMPARE(money.errorCode(), code);
    if (code.isEmpty())
        QCOMPARE(money->minorUnits(), minor);
}

void tst_Money::fromJsonDecimal_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");

    QTest::newRow("number with one digit") << QByteArray("149.5") << qint64(14950) << "";
    QTest::newRow("integral number") << QByteArray("1") << qint64(100) << "";
    QTest::newRow("0.1 stays exact") << QByteArray("0.1") << qint64(10) << "";
    QTest::newRow("0.07 stays exact") << QByteArray("0.07") << qint64(7) << "";
    QTest::newRow("1.15 stays exact") << QByteArray("1.15") << qint64(115) << "";
    QTest::newRow("large") << QByteArray("99999999.99") << qint64(9999999999) << "";
    QTest::newRow("string") << QByteArray("\"149.50\"") << qint64(14950) << "";
    QTest::newRow("number too precise") << QByteArray("149.505") << qint64(0) << "too_many_fraction_digits";
    QTest::newRow("negative number") << QByteArray("-2") << qint64(0) << "negative";
    QTest::newRow("null") << QByteArray("null") << qint64(0) << "missing";
    QTest::newRow("boolean") << QByteArray("true") << qint64(0) << "wrong_type";
    QTest::newRow("object") << QByteArray("{}") << qint64(0) << "wrong_type";
}

void tst_Money::fromJsonDecimal()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, minor);
    QFETCH(QString, code);

    const Result<Money> money = Money::fromJsonDecimal(jsonValue(json), Currency::inr());
    QCOMPARE(money.errorCode(), code);
    if (code.isEmpty())
        QCOMPARE(money->minorUnits(), minor);
}

void tst_Money::googleWire_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("units");
    QTest::addColumn<int>("nanos");

    QTest::newRow("INR") << qint64(14950) << "INR" << qint64(149) << 500000000;
    QTest::newRow("INR paise") << qint64(5) << "INR" << qint64(0) << 50000000;
    QTest::newRow("JPY") << qint64(149) << "JPY" << qint64(149) << 0;
    QTest::newRow("KWD") << qint64(12345) << "KWD" << qint64(12) << 345000000;
}

void tst_Money::googleWire()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(qint64, units);
    QFETCH(int, nanos);

    const Money money = Money::fromMinorUnits(minor, *Currency::fromCode(currency)).value();
    const Money::GoogleAmount amount = money.toGoogleAmount();
    QCOMPARE(amount.units, units);
    QCOMPARE(amount.nanos, nanos);
    const QJsonObject json = money.toGoogleJson();
    QCOMPARE(json.value(QLatin1String("units")).toString(), QString::number(units));
    QCOMPARE(json.value(QLatin1String("nanos")).toInteger(), qint64(nanos));
    QCOMPARE(json.value(QLatin1String("currencyCode")).toString(), currency);
}

void tst_Money::fromGoogleJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");

    QTest::newRow("units as string") << QByteArray(R"({"currencyCode":"INR","units":"100","nanos":750000000})") << qint64(10075) << "";
    QTest::newRow("units as number") << QByteArray(R"({"currencyCode":"INR","units":100,"nanos":750000000})") << qint64(10075) << "";
    QTest::newRow("units omitted") << QByteArray(R"({"currencyCode":"INR","nanos":500000000})") << qint64(50) << "";
    QTest::newRow("nanos omitted") << QByteArray(R"({"currencyCode":"INR","units":"149"})") << qint64(14900) << "";
    QTest::newRow("JPY") << QByteArray(R"({"currencyCode":"JPY","units":"149"})") << qint64(149) << "";
    QTest::newRow("unknown currency") << QByteArray(R"({"currencyCode":"XYZ","units":"1"})") << qint64(0) << "unknown_currency";
    QTest::newRow("units not integer") << QByteArray(R"({"currencyCode":"INR","units":"abc"})") << qint64(0) << "malformed";
    QTest::newRow("fractional units number") << QByteArray(R"({"currencyCode":"INR","units":1.5})") << qint64(0) << "malformed";
    QTest::newRow("units wrong type") << QByteArray(R"({"currencyCode":"INR","units":true})") << qint64(0) << "wrong_type";
    QTest::newRow("nanos beyond paise") << QByteArray(R"({"currencyCode":"INR","units":"1","nanos":123})") << qint64(0) << "too_many_fraction_digits";
    QTest::newRow("nanos in JPY") << QByteArray(R"({"currencyCode":"JPY","units":"149","nanos":500000000})") << qint64(0) << "too_many_fraction_digits";
    QTest::newRow("nanos out of range") << QByteArray(R"({"currencyCode":"INR","units":"1","nanos":1000000000})") << qint64(0) << "malformed";
    QTest::newRow("negative units") << QByteArray(R"({"currencyCode":"INR","units":"-1"})") << qint64(0) << "negative";
    QTest::newRow("overflowing units") << QByteArray(R"({"currencyCode":"INR","units":"9223372036854775807"})") << qint64(0) << "too_large";
}

void tst_Money::fromGoogleJson()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, minor);
    QFETCH(QString, code);

    const Result<Money> money = Money::fromGoogleJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(money.errorCode(), code);
    if (code.isEmpty())
        QCOMPARE(money->minorUnits(), minor);
}

void tst_Money::googleRoundTrip()
{
    for (const char *code : { "INR", "JPY", "KWD", "EUR" }) {
        for (qint64 minor : { qint64(1), qint64(99), qint64(14950), qint64(99999999) }) {
            const Money money = Money::fromMinorUnits(minor, cur(code)).value();
            const Result<Money> back = Money::fromGoogleJson(money.toGoogleJson());
            QVERIFY(back.ok());
            QCOMPARE(back.value(), money);
        }
    }
}

void tst_Money::cmComWire_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");

    QTest::newRow("integer") << QByteArray("14950") << qint64(14950) << "";
    QTest::newRow("fractional") << QByteArray("149.5") << qint64(0) << "not_integer";
    QTest::newRow("string") << QByteArray("\"14950\"") << qint64(0) << "wrong_type";
    QTest::newRow("negative") << QByteArray("-5") << qint64(0) << "negative";
    QTest::newRow("null") << QByteArray("null") << qint64(0) << "missing";
}

void tst_Money::cmComWire()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, minor);
    QFETCH(QString, code);

    const Result<Money> money = Money::fromJsonMinorUnits(jsonValue(json), cur("EUR"));
    QCOMPARE(money.errorCode(), code);
    if (code.isEmpty()) {
        QCOMPARE(money->minorUnits(), minor);
        QCOMPARE(money->currency().code(), QStringLiteral("EUR"));
    }
}

void tst_Money::paymentBounds_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<QString>("code");

    QTest::newRow("within CM.com max") << qint64(99999999) << Money::kCmComMaxMinorUnits << "";
    QTest::newRow("above CM.com max") << qint64(100000000) << Money::kCmComMaxMinorUnits << "exceeds_maximum";
    QTest::newRow("zero") << qint64(0) << Money::kCmComMaxMinorUnits << "not_positive";
    QTest::newRow("smallest") << qint64(1) << Money::kCmComMaxMinorUnits << "";
}

void tst_Money::paymentBounds()
{
    QFETCH(qint64, minor);
    QFETCH(qint64, max);
    QFETCH(QString, code);

    const Money money = Money::fromMinorUnits(minor, cur("EUR")).value();
    const std::optional<Error> error = money.checkPaymentBounds(max);
    QCOMPARE(error ? error->code : QString(), code);
    if (code == QLatin1String("exceeds_maximum"))
        QVERIFY2(error->message.contains(QLatin1String("999999.99 EUR")), qPrintable(error->message));
}

void tst_Money::groupingMessageShowsTheLocalesExamples()
{
    // The examples are built with the locale's own separators, and no placeholder is left.
    const Result<Money> india = Money::parse(u"1,4,99", Currency::inr(), QLocale(QStringLiteral("en_IN")));
    QVERIFY(!india);
    QVERIFY2(india.errorMessage().contains(QStringLiteral("1,499.50"))
                     && india.errorMessage().contains(QStringLiteral("1,49,999.00"))
                     && !india.errorMessage().contains(u'%'),
             qPrintable(india.errorMessage()));
    const Result<Money> germany = Money::parse(u"149.50", *Currency::fromCode(u"EUR"), QLocale(QStringLiteral("de_DE")));
    QVERIFY(!germany);
    QVERIFY2(germany.errorMessage().contains(QStringLiteral("1.499,50")) && !germany.errorMessage().contains(u'%'),
             qPrintable(germany.errorMessage()));
}

// A translator that answers every "Money" message with a marker, so the test sees whether
// Money's cashier-facing messages go through QCoreApplication::translate.
class MarkingTranslator final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        return QLatin1String(context) == QLatin1String("Money")
                ? QStringLiteral("[hi] ") + QString::fromUtf8(sourceText)
                : QString();
    }
};

void tst_Money::messagesFollowTheInstalledTranslator()
{
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const Result<Money> empty = Money::parse(u"", Currency::inr(), QLocale(QStringLiteral("en_IN")));
    const Result<Money> decimals = Money::parse(u"1.234", Currency::inr(), QLocale(QStringLiteral("en_IN")));
    const std::optional<Error> bound = Money::fromMinorUnits(500, Currency::inr())->checkPaymentBounds(100);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(empty.errorMessage(), QStringLiteral("[hi] Enter an amount."));
    QVERIFY2(decimals.errorMessage().startsWith(QStringLiteral("[hi] INR allows at most 2")),
             qPrintable(decimals.errorMessage()));
    QVERIFY(bound && bound->message.startsWith(QStringLiteral("[hi] ")));
    // The codes stay the same in every language.
    QCOMPARE(empty.errorCode(), QStringLiteral("empty"));
    QCOMPARE(bound->code, QStringLiteral("exceeds_maximum"));
}

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_Money.moc"
