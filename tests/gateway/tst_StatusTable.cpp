#include "gateway/StatusTable.h"

#include <QtTest>

using S = PaymentState;

namespace {

constexpr StatusTable::Entry kEntries[] = {
    { "OPEN", S::AwaitingCustomer, false },
    { "PAID", S::Charged, true },
    { "GONE", S::Expired, false },
};
constexpr StatusTable kTable(kEntries);

} // namespace

class tst_StatusTable : public QObject
{
    Q_OBJECT

private slots:
    void map_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<S>("state");
        QTest::addColumn<bool>("known");
        QTest::addColumn<bool>("paid");
        QTest::newRow("first") << QStringLiteral("OPEN") << S::AwaitingCustomer << true << false;
        QTest::newRow("paid") << QStringLiteral("PAID") << S::Charged << true << true;
        QTest::newRow("last") << QStringLiteral("GONE") << S::Expired << true << false;
        QTest::newRow("case matters") << QStringLiteral("paid") << S::Unknown << false << false;
        QTest::newRow("no trimming") << QStringLiteral(" PAID") << S::Unknown << false << false;
        QTest::newRow("empty") << QString() << S::Unknown << false << false;
    }

    void map()
    {
        QFETCH(QString, raw);
        QFETCH(S, state);
        QFETCH(bool, known);
        QFETCH(bool, paid);
        const StatusTable::Mapping m = kTable.map(raw);
        QCOMPARE(m.state, state);
        QCOMPARE(m.known, known);
        QCOMPARE(m.paid, paid);
    }

    void namesInTableOrder()
    {
        QCOMPARE(kTable.names(), QStringList({ QStringLiteral("OPEN"), QStringLiteral("PAID"), QStringLiteral("GONE") }));
    }
};

QTEST_GUILESS_MAIN(tst_StatusTable)
#include "tst_StatusTable.moc"
