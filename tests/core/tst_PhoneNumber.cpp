#include "core/PhoneNumber.h"

#include <QTest>

class tst_PhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void maskForLog_data();
    void maskForLog();
};

void tst_PhoneNumber::accepts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("national");

    const QString e164 = QStringLiteral("+919876543210");
    const QString national = QStringLiteral("9876543210");
    QTest::newRow("national 10 digits") << QStringLiteral("9876543210") << QStringLiteral("IN") << e164 << national;
    QTest::newRow("spaced") << QStringLiteral("98765 43210") << QStringLiteral("IN") << e164 << national;
    QTest::newRow("trunk zero") << QStringLiteral("098765-43210") << QStringLiteral("IN") << e164 << national;
    QTest::newRow("E.164") << QStringLiteral("+919876543210") << QStringLiteral("IN") << e164 << national;
    QTest::newRow("international spaced") << QStringLiteral("+91 98765 43210") << QStringLiteral("IN") << e164 << national;
    QTest::newRow("country code without plus") << QStringLiteral("919876543210") << QStringLiteral("IN") << e164 << national;
    QTest::newRow("E.164 from another region") << QStringLiteral("+91 98765 43210") << QStringLiteral("NL") << e164 << national;
    QTest::newRow("UK mobile") << QStringLiteral("+44 7911 123456") << QStringLiteral("IN") << QStringLiteral("+447911123456") << QStringLiteral("7911123456");
    QTest::newRow("Dutch mobile, national") << QStringLiteral("06 12345678") << QStringLiteral("NL") << QStringLiteral("+31612345678") << QStringLiteral("612345678");
}

void tst_PhoneNumber::accepts()
{
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(QString, e164);
    QFETCH(QString, national);

    const Result<PhoneNumber> number = PhoneNumber::parse(input, region);
    QVERIFY2(number.ok(), qPrintable(number.errorCode() + u": " + number.errorMessage()));
    QCOMPARE(number->e164(), e164);
    QCOMPARE(number->nationalNumber(), national);
    QCOMPARE(number->lastFour(), national.right(4));
    QCOMPARE(number->masked(), QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022") + national.right(4));
    QVERIFY(!number->masked().contains(national.left(4)));
}

void tst_PhoneNumber::rejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty") << QString() << QStringLiteral("empty") << QStringLiteral("Enter");
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("empty") << QStringLiteral("Enter");
    QTest::newRow("letters") << QStringLiteral("98765abcde") << QStringLiteral("invalid_character") << QStringLiteral("'a'");
    QTest::newRow("plus in the middle") << QStringLiteral("98+76543210") << QStringLiteral("invalid_character") << QStringLiteral("'+'");
    QTest::newRow("five digits") << QStringLiteral("12345") << QStringLiteral("too_short") << QStringLiteral("too short");
    QTest::newRow("fourteen digits") << QStringLiteral("98765432101234") << QStringLiteral("too_long") << QStringLiteral("too many digits");
    QTest::newRow("no such country") << QStringLiteral("+999 12345678") << QStringLiteral("invalid_country_code") << QStringLiteral("country code");
    QTest::newRow("nine digits") << QStringLiteral("987654321") << QStringLiteral("invalid_number") << QStringLiteral("not a valid number in IN");
    QTest::newRow("Delhi landline") << QStringLiteral("011 2345 6789") << QStringLiteral("not_mobile") << QStringLiteral("landline");
    QTest::newRow("Bengaluru landline, E.164") << QStringLiteral("+91 80 2345 6789") << QStringLiteral("not_mobile") << QStringLiteral("landline");
    QTest::newRow("US toll free") << QStringLiteral("+1 800 555 0199") << QStringLiteral("not_mobile") << QStringLiteral("toll-free");
}

void tst_PhoneNumber::rejects()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    const Result<PhoneNumber> number = PhoneNumber::parse(input, u"IN");
    QVERIFY(!number.ok());
    QCOMPARE(number.errorCode(), code);
    QVERIFY2(number.errorMessage().contains(messagePart), qPrintable(number.errorMessage()));
}

void tst_PhoneNumber::maskForLog_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("masked");

    const QString bullets = QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022");
    QTest::newRow("E.164") << QStringLiteral("+919876543210") << bullets + QStringLiteral("3210");
    QTest::newRow("formatted") << QStringLiteral("98765 43210") << bullets + QStringLiteral("3210");
    QTest::newRow("too short to show any") << QStringLiteral("321") << bullets;
    QTest::newRow("empty") << QString() << bullets;
}

void tst_PhoneNumber::maskForLog()
{
    QFETCH(QString, raw);
    QFETCH(QString, masked);
    QCOMPARE(PhoneNumber::maskForLog(raw), masked);
}

QTEST_GUILESS_MAIN(tst_PhoneNumber)
#include "tst_PhoneNumber.moc"
