#include "crypto/SecureRandom.h"

#include <QSet>
#include <QTest>

class tst_SecureRandom : public QObject
{
    Q_OBJECT

private slots:
    void length_data();
    void length();
    void drawsDiffer();
    void notAllOneValue();
};

void tst_SecureRandom::length_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("expected");
    QTest::newRow("negative") << -5 << 0;
    QTest::newRow("zero") << 0 << 0;
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("key") << 32 << 32;
    QTest::newRow("large") << 100000 << 100000;
}

void tst_SecureRandom::length()
{
    QFETCH(int, count);
    QFETCH(int, expected);
    QCOMPARE(SecureRandom::bytes(count).size(), expected);
}

void tst_SecureRandom::drawsDiffer()
{
    // Two 256-bit draws collide with probability 2^-256; equality means a broken generator.
    const QByteArray a = SecureRandom::bytes(32);
    const QByteArray b = SecureRandom::bytes(32);
    QCOMPARE(a.size(), 32);
    QVERIFY(a != b);
}

void tst_SecureRandom::notAllOneValue()
{
    // 4096 bytes from a working generator take far more than 16 distinct values
    // (a stuck or zero-filled buffer takes one).
    const QByteArray data = SecureRandom::bytes(4096);
    QSet<char> seen;
    for (const char c : data)
        seen.insert(c);
    QVERIFY2(seen.size() > 200, qPrintable(QString::number(seen.size())));
}

QTEST_GUILESS_MAIN(tst_SecureRandom)
#include "tst_SecureRandom.moc"
