#include "core/AmountWords.h"

#include <QTest>

// The confirmation a cashier reads before a large sale: every row is an amount in minor units
// and the words it must read as.
class tst_AmountWords final : public QObject
{
    Q_OBJECT

private slots:
    void english_data();
    void english();
    void hindi_data();
    void hindi();
    void localeChoosesTheLanguage();

private:
    static Money money(qint64 minor, const char *code)
    {
        return Money::fromMinorUnits(minor, *Currency::fromCode(QString::fromLatin1(code))).value();
    }
};

void tst_AmountWords::english_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("words");
    const QString inr = QStringLiteral("INR");
    const QString eur = QStringLiteral("EUR");
    QTest::newRow("1") << qint64(100) << inr << QStringLiteral("One rupee");
    QTest::newRow("15") << qint64(1500) << inr << QStringLiteral("Fifteen rupees");
    QTest::newRow("100") << qint64(10'000) << inr << QStringLiteral("One hundred rupees");
    QTest::newRow("1,000") << qint64(100'000) << inr << QStringLiteral("One thousand rupees");
    QTest::newRow("14,950") << qint64(1'495'000) << inr << QStringLiteral("Fourteen thousand nine hundred fifty rupees");
    QTest::newRow("149.50") << qint64(14'950) << inr << QStringLiteral("One hundred forty-nine rupees and fifty paise");
    QTest::newRow("1,00,000") << qint64(10'000'000) << inr << QStringLiteral("One lakh rupees");
    QTest::newRow("12,34,567.89") << qint64(123'456'789) << inr
                                  << QStringLiteral("Twelve lakh thirty-four thousand five hundred sixty-seven rupees "
                                                    "and eighty-nine paise");
    QTest::newRow("2,00,000") << qint64(20'000'000) << inr << QStringLiteral("Two lakh rupees");
    QTest::newRow("1 crore") << qint64(1'000'000'000) << inr << QStringLiteral("One crore rupees");
    QTest::newRow("99,99,99,99,999") << qint64(9'999'999'999'900) << inr
                                     << QStringLiteral("Nine thousand nine hundred ninety-nine crore ninety-nine "
                                                       "lakh ninety-nine thousand nine hundred ninety-nine rupees");
    QTest::newRow("0.01") << qint64(1) << inr << QStringLiteral("One paisa");
    QTest::newRow("20.05") << qint64(2005) << inr << QStringLiteral("Twenty rupees and five paise");
    QTest::newRow("EUR 1") << qint64(100) << eur << QStringLiteral("One euro");
    QTest::newRow("EUR 1,250.01") << qint64(125'001) << eur
                                  << QStringLiteral("One thousand two hundred fifty euros and one cent");
    QTest::newRow("EUR 2,000,000.99") << qint64(200'000'099) << eur
                                      << QStringLiteral("Two million euros and ninety-nine cents");
    QTest::newRow("EUR 100,000") << qint64(10'000'000) << eur << QStringLiteral("One hundred thousand euros");
}

void tst_AmountWords::english()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, words);
    QCOMPARE(AmountWords::english(money(minor, qPrintable(code))), words);
}

void tst_AmountWords::hindi_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("words");
    QTest::newRow("1") << qint64(100) << QStringLiteral("एक रुपया");
    QTest::newRow("15") << qint64(1500) << QStringLiteral("पंद्रह रुपये");
    QTest::newRow("100") << qint64(10'000) << QStringLiteral("एक सौ रुपये");
    QTest::newRow("1,000") << qint64(100'000) << QStringLiteral("एक हज़ार रुपये");
    QTest::newRow("14,950") << qint64(1'495'000) << QStringLiteral("चौदह हज़ार नौ सौ पचास रुपये");
    QTest::newRow("1,00,000") << qint64(10'000'000) << QStringLiteral("एक लाख रुपये");
    QTest::newRow("12,34,567.89") << qint64(123'456'789)
                                  << QStringLiteral("बारह लाख चौंतीस हज़ार पाँच सौ सड़सठ रुपये और नवासी पैसे");
    QTest::newRow("2,00,000") << qint64(20'000'000) << QStringLiteral("दो लाख रुपये");
    QTest::newRow("1 crore") << qint64(1'000'000'000) << QStringLiteral("एक करोड़ रुपये");
    QTest::newRow("0.50") << qint64(50) << QStringLiteral("पचास पैसे");
    // The irregular words: a sample across the table.
    QTest::newRow("79") << qint64(7900) << QStringLiteral("उन्यासी रुपये");
    QTest::newRow("99") << qint64(9900) << QStringLiteral("निन्यानवे रुपये");
    QTest::newRow("43,21,049") << qint64(432'104'900) << QStringLiteral("तैंतालीस लाख इक्कीस हज़ार उनचास रुपये");
}

void tst_AmountWords::hindi()
{
    QFETCH(qint64, minor);
    QFETCH(QString, words);
    QCOMPARE(AmountWords::hindi(money(minor, "INR")), words);
}

void tst_AmountWords::localeChoosesTheLanguage()
{
    const Money amount = money(1'495'000, "INR");
    QCOMPARE(AmountWords::forLocale(amount, QLocale(QLocale::Hindi, QLocale::India)),
             QStringLiteral("चौदह हज़ार नौ सौ पचास रुपये"));
    QCOMPARE(AmountWords::forLocale(amount, QLocale(QLocale::English, QLocale::India)),
             QStringLiteral("Fourteen thousand nine hundred fifty rupees"));
}

QTEST_GUILESS_MAIN(tst_AmountWords)
#include "tst_AmountWords.moc"
