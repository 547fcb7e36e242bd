#include "core/Currency.h"

#include <QTest>

class tst_Currency : public QObject
{
    Q_OBJECT

private slots:
    void exponents_data();
    void exponents();
    void unknownCode();
};

void tst_Currency::exponents_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<qint64>("perMajor");

    QTest::newRow("INR") << QStringLiteral("INR") << 2 << qint64(100);
    QTest::newRow("EUR") << QStringLiteral("EUR") << 2 << qint64(100);
    QTest::newRow("IDR") << QStringLiteral("IDR") << 2 << qint64(100);
    QTest::newRow("JPY") << QStringLiteral("JPY") << 0 << qint64(1);
    QTest::newRow("KWD") << QStringLiteral("KWD") << 3 << qint64(1000);
    QTest::newRow("lower case") << QStringLiteral("inr") << 2 << qint64(100);
}

void tst_Currency::exponents()
{
    QFETCH(QString, code);
    QFETCH(int, exponent);
    QFETCH(qint64, perMajor);

    const std::optional<Currency> currency = Currency::fromCode(code);
    QVERIFY(currency);
    QCOMPARE(currency->code(), code.toUpper());
    QCOMPARE(currency->exponent(), exponent);
    QCOMPARE(currency->minorPerMajor(), perMajor);
}

void tst_Currency::unknownCode()
{
    QVERIFY(!Currency::fromCode(u"XYZ"));
    QVERIFY(!Currency::fromCode(u""));
    QVERIFY(!Currency::fromCode(u"INRX"));
    QCOMPARE(Currency::inr().symbol(), QStringLiteral("\u20B9"));
}

QTEST_GUILESS_MAIN(tst_Currency)
#include "tst_Currency.moc"
