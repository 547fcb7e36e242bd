#include "core/OrderId.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <vector>

class tst_OrderId : public QObject
{
    Q_OBJECT

private slots:
    void generatedShape();
    void millionWithoutCollision();
    void notSequential();
    void badPrefix_data();
    void badPrefix();
    void fromString_data();
    void fromString();
};

void tst_OrderId::generatedShape()
{
    const Result<OrderId> id = OrderId::generate(u"t01");
    QVERIFY(id.ok());
    const QString text = id->toString();
    QCOMPARE(text.size(), OrderId::kMaxLength);
    QVERIFY(text.size() < 21); // Juspay: fewer than 21 characters
    QVERIFY(text.startsWith(QLatin1String("T01")));
    for (QChar ch : text)
        QVERIFY2((ch >= u'0' && ch <= u'9') || (ch >= u'A' && ch <= u'Z'), qPrintable(text));
    QVERIFY(OrderId::fromString(text).ok());
}

void tst_OrderId::millionWithoutCollision()
{
    constexpr int kCount = 1'000'000;
    std::vector<std::array<char16_t, OrderId::kMaxLength>> ids(kCount);
    for (auto &slot : ids) {
        const QString id = OrderId::generate(u"T1").value().toString();
        QCOMPARE(id.size(), OrderId::kMaxLength);
        std::copy_n(reinterpret_cast<const char16_t *>(id.utf16()), OrderId::kMaxLength,
                    slot.begin());
    }
    std::sort(ids.begin(), ids.end());
    QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

void tst_OrderId::notSequential()
{
    // Consecutive ids share nothing but the prefix: no counter, no timestamp leaks through.
    QStringList ids;
    for (int i = 0; i < 200; ++i)
        ids.append(OrderId::generate(u"T01").value().toString());
    QStringList sorted = ids;
    sorted.sort();
    QVERIFY(sorted != ids);
    int samePosition = 0;
    for (int i = 1; i < ids.size(); ++i) {
        for (int c = 3; c < OrderId::kMaxLength; ++c)
            samePosition += ids.at(i).at(c) == ids.at(i - 1).at(c) ? 1 : 0;
    }
    // With 36 symbols, about 1 in 36 positions match by chance (~105 of 3,383 here).
    QVERIFY2(samePosition < 250, qPrintable(QString::number(samePosition)));
}

void tst_OrderId::badPrefix_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << "" << "empty_prefix";
    QTest::newRow("seven characters") << "TERMINA" << "prefix_too_long";
    QTest::newRow("dash") << "T-1" << "invalid_character";
    QTest::newRow("non-ascii letter") << QStringLiteral("T\u00C9") << "invalid_character";
}

void tst_OrderId::badPrefix()
{
    QFETCH(QString, prefix);
    QFETCH(QString, code);
    const Result<OrderId> id = OrderId::generate(prefix);
    QVERIFY(!id.ok());
    QCOMPARE(id.errorCode(), code);
}

void tst_OrderId::fromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("valid") << "T01ABCDEF123" << "";
    QTest::newRow("valid, twenty") << "ABCDEFGHIJ0123456789" << "";
    QTest::newRow("empty") << "" << "empty";
    QTest::newRow("twenty-one") << "ABCDEFGHIJ01234567890" << "too_long";
    QTest::newRow("underscore") << "T01_ABC" << "invalid_character";
    QTest::newRow("space") << "T01 ABC" << "invalid_character";
    QTest::newRow("injection") << "T01';DROP" << "invalid_character";
}

void tst_OrderId::fromString()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const Result<OrderId> id = OrderId::fromString(text);
    QCOMPARE(id.errorCode(), code);
    if (code.isEmpty())
        QCOMPARE(id->toString(), text);
}

QTEST_GUILESS_MAIN(tst_OrderId)
#include "tst_OrderId.moc"
