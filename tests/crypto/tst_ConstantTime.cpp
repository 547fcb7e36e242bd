#include "crypto/ConstantTime.h"

#include <QTest>

class tst_ConstantTime : public QObject
{
    Q_OBJECT

private slots:
    void equal_data();
    void equal();
};

void tst_ConstantTime::equal_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("expected");

    QTest::newRow("both empty") << QByteArray() << QByteArray("") << true;
    QTest::newRow("same") << QByteArray("secret-mac") << QByteArray("secret-mac") << true;
    QTest::newRow("binary same") << QByteArray("\x00\xff\x01", 3) << QByteArray("\x00\xff\x01", 3)
                                 << true;
    QTest::newRow("first byte differs") << QByteArray("Xecret") << QByteArray("secret") << false;
    QTest::newRow("last byte differs") << QByteArray("secreX") << QByteArray("secret") << false;
    QTest::newRow("differs after NUL")
        << QByteArray("a\x00x", 3) << QByteArray("a\x00y", 3) << false;
    QTest::newRow("prefix (shorter)") << QByteArray("secre") << QByteArray("secret") << false;
    QTest::newRow("prefix (longer)") << QByteArray("secret!") << QByteArray("secret") << false;
    QTest::newRow("empty vs non-empty") << QByteArray() << QByteArray("x") << false;
}

void tst_ConstantTime::equal()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, expected);
    QCOMPARE(ConstantTime::equal(a, b), expected);
    QCOMPARE(ConstantTime::equal(b, a), expected);
}

QTEST_GUILESS_MAIN(tst_ConstantTime)
#include "tst_ConstantTime.moc"
