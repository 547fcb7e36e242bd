// The manager PIN hash: PBKDF2-HMAC-SHA256 with a random salt, compared in constant time.
#include "backoffice/ManagerPin.h"
#include "crypto/Pbkdf2.h"

#include <QElapsedTimer>
#include <QTest>

namespace {
constexpr int kFast = 1000; // tests only; production uses ManagerPin::kDefaultIterations
}

class tst_ManagerPin : public QObject
{
    Q_OBJECT

private slots:
    void productionDefaultIsAtLeast200k();
    void encodingRecordsItsParameters();
    void matchesAnIndependentPbkdf2();
    void verifies();
    void saltIsRandom();
    void validate_data();
    void validate();
    void malformedEncodingsNeverVerify_data();
    void malformedEncodingsNeverVerify();
};

void tst_ManagerPin::productionDefaultIsAtLeast200k()
{
    QVERIFY(ManagerPin::kDefaultIterations >= 200'000);
    QVERIFY(ManagerPin::kMinimumProductionIterations >= 200'000);
    // The default argument really is the production cost, and the stored hash says so.
    QElapsedTimer timer;
    timer.start();
    const Result<QString> encoded = ManagerPin::hash(QStringLiteral("2468"));
    QVERIFY2(encoded.ok(), qPrintable(encoded.errorMessage()));
    QCOMPARE(ManagerPin::iterationsOf(encoded.value()), ManagerPin::kDefaultIterations);
    QVERIFY(encoded.value().startsWith(QLatin1String("pbkdf2-sha256$210000$")));
    QVERIFY(ManagerPin::verify(QStringLiteral("2468"), encoded.value()));
    qInfo("one production PIN hash took %lld ms", timer.elapsed());
}

void tst_ManagerPin::encodingRecordsItsParameters()
{
    const QString encoded = ManagerPin::hash(QStringLiteral("1234"), kFast).value();
    const QStringList parts = encoded.split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
    QCOMPARE(parts.at(1), QString::number(kFast));
    QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
    QCOMPARE(ManagerPin::iterationsOf(encoded), kFast);
    QVERIFY(!encoded.contains(QLatin1String("1234")));
}

void tst_ManagerPin::matchesAnIndependentPbkdf2()
{
    const QString encoded = ManagerPin::hash(QStringLiteral("90210"), kFast).value();
    const QStringList parts = encoded.split(QLatin1Char('$'));
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = Pbkdf2::hmacSha256("90210", salt, kFast, 32).value();
    QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()), expected);
}

void tst_ManagerPin::verifies()
{
    const QString encoded = ManagerPin::hash(QStringLiteral("1234"), kFast).value();
    QVERIFY(ManagerPin::verify(QStringLiteral("1234"), encoded));
    QVERIFY(!ManagerPin::verify(QStringLiteral("1235"), encoded));
    QVERIFY(!ManagerPin::verify(QStringLiteral("12345"), encoded));
    QVERIFY(!ManagerPin::verify(QString(), encoded));
    // Devanagari digits are the same PIN (a Hindi keyboard types them).
    QVERIFY(ManagerPin::verify(QStringLiteral("\u0967\u0968\u0969\u096A"), encoded));
}

void tst_ManagerPin::saltIsRandom()
{
    const QString a = ManagerPin::hash(QStringLiteral("1234"), kFast).value();
    const QString b = ManagerPin::hash(QStringLiteral("1234"), kFast).value();
    QVERIFY(a != b);
    QVERIFY(a.split(QLatin1Char('$')).at(2) != b.split(QLatin1Char('$')).at(2));
    QVERIFY(ManagerPin::verify(QStringLiteral("1234"), a));
    QVERIFY(ManagerPin::verify(QStringLiteral("1234"), b));
}

void tst_ManagerPin::validate_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("code");
    QTest::newRow("4 digits") << QStringLiteral("0000") << QString();
    QTest::newRow("8 digits") << QStringLiteral("12345678") << QString();
    QTest::newRow("devanagari") << QStringLiteral("\u0967\u0968\u0969\u096A") << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("pin_too_short");
    QTest::newRow("3 digits") << QStringLiteral("123") << QStringLiteral("pin_too_short");
    QTest::newRow("9 digits") << QStringLiteral("123456789") << QStringLiteral("pin_too_long");
    QTest::newRow("letters") << QStringLiteral("12a4") << QStringLiteral("pin_not_digits");
    QTest::newRow("space") << QStringLiteral("12 34") << QStringLiteral("pin_not_digits");
    QTest::newRow("superscript") << QStringLiteral("12\u00B334") << QStringLiteral("pin_not_digits");
    QTest::newRow("sign") << QStringLiteral("-1234") << QStringLiteral("pin_not_digits");
}

void tst_ManagerPin::validate()
{
    QFETCH(QString, pin);
    QFETCH(QString, code);
    const VoidResult result = ManagerPin::validate(pin);
    QCOMPARE(result.errorCode(), code);
    if (!code.isEmpty()) {
        QVERIFY(!result.errorMessage().isEmpty());
        QCOMPARE(ManagerPin::hash(pin, kFast).errorCode(), code); // hash refuses it too
    }
}

void tst_ManagerPin::malformedEncodingsNeverVerify_data()
{
    const QString good = ManagerPin::hash(QStringLiteral("1234"), kFast).value();
    const QStringList parts = good.split(QLatin1Char('$'));
    QTest::addColumn<QString>("encoded");
    QTest::newRow("empty") << QString();
    QTest::newRow("other scheme") << QString(good).replace(QLatin1String("pbkdf2-sha256"), QLatin1String("pbkdf2-sha1"));
    QTest::newRow("three parts") << parts.mid(0, 3).join(QLatin1Char('$'));
    QTest::newRow("zero iterations") << QStringList { parts[0], QStringLiteral("0"), parts[2], parts[3] }.join(QLatin1Char('$'));
    QTest::newRow("huge iterations") << QStringList { parts[0], QStringLiteral("2000000000"), parts[2], parts[3] }.join(QLatin1Char('$'));
    QTest::newRow("bad base64") << QStringList { parts[0], parts[1], QStringLiteral("***"), parts[3] }.join(QLatin1Char('$'));
    QTest::newRow("short key") << QStringList { parts[0], parts[1], parts[2], QStringLiteral("AAAA") }.join(QLatin1Char('$'));
    QTest::newRow("plain pin") << QStringLiteral("1234");
}

void tst_ManagerPin::malformedEncodingsNeverVerify()
{
    QFETCH(QString, encoded);
    QVERIFY(!ManagerPin::verify(QStringLiteral("1234"), encoded));
    QCOMPARE(ManagerPin::iterationsOf(encoded), -1);
}

QTEST_GUILESS_MAIN(tst_ManagerPin)
#include "tst_ManagerPin.moc"
