// History reads of SqliteLedger over a seeded ledger: every filter, keyset paging with ties,
// and the query plans that keep a million rows fast. Expected answers come from the same data
// filtered in C++ (LedgerSeed), not from the ledger's SQL.
#include "LedgerSeed.h"

#include "storage/OrderQuery.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(OrderFilter)
Q_DECLARE_METATYPE(OrderQuery)

namespace {

const int kOrders = 160;

OrderFilter all()
{
    OrderFilter filter;
    filter.limit = 100'000;
    return filter;
}

} // namespace

class tst_LedgerHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void seedHasWhatTheTestsNeed();
    void filters_data();
    void filters();
    void keysetPagingVisitsEveryRowOnceInOrder_data();
    void keysetPagingVisitsEveryRowOnceInOrder();
    void keysetWithoutOrderIdStartsBeforeThatMillisecond();
    void offsetPaging();
    void historyListNeverDecryptsPhones();
    void manyDistinctFiltersStayCorrect();
    void plansUseIndexesAndNeverSort_data();
    void plansUseIndexesAndNeverSort();

private:
    QTemporaryDir m_dir;
    LedgerSeed m_seed;
};

void tst_LedgerHistory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString error = m_seed.fill(m_dir.filePath(QStringLiteral("history.sqlite")), kOrders, 7001);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_LedgerHistory::cleanupTestCase()
{
    m_seed.ledger.reset();
}

// The filter rows below only prove something if the data has what they look for.
void tst_LedgerHistory::seedHasWhatTheTestsNeed()
{
    const QList<OrderRecord> newestFirst = m_seed.expected(all());
    QCOMPARE(newestFirst.size(), kOrders);
    int ties = 0;
    for (qsizetype i = 1; i < newestFirst.size(); ++i)
        ties += newestFirst.at(i).createdAt == newestFirst.at(i - 1).createdAt ? 1 : 0;
    QVERIFY2(ties >= 20, qPrintable(QStringLiteral("only %1 ties").arg(ties)));
    QVERIFY(newestFirst.first().createdAt > LedgerSeed::start().addDays(1)); // spans several days
}

void tst_LedgerHistory::filters_data()
{
    QTest::addColumn<OrderFilter>("filter");
    QTest::addColumn<int>("atLeast"); // rows the filter must match in the seed, so it is tested

    const QList<OrderRecord> &orders = m_seed.orders;
    const QDateTime day2 = LedgerSeed::start().addDays(1);
    auto with = [](auto change) {
        OrderFilter filter = all();
        change(filter);
        return filter;
    };
    QTest::newRow("everything") << all() << kOrders;
    QTest::newRow("date range") << with([&](OrderFilter &f) { f.since = day2; f.until = day2.addDays(1); }) << 10;
    QTest::newRow("since only") << with([&](OrderFilter &f) { f.since = day2; }) << 10;
    QTest::newRow("until only") << with([&](OrderFilter &f) { f.until = day2; }) << 10;
    // The exact boundaries: since is inclusive, until exclusive, to the millisecond.
    QTest::newRow("since = an order's ms") << with([&](OrderFilter &f) { f.since = orders.at(40).createdAt; }) << 10;
    QTest::newRow("until = an order's ms") << with([&](OrderFilter &f) { f.until = orders.at(40).createdAt; }) << 10;
    QTest::newRow("one state") << with([](OrderFilter &f) { f.states = { PaymentState::Charged }; }) << 20;
    QTest::newRow("several states") << with([](OrderFilter &f) {
        f.states = { PaymentState::Unknown, PaymentState::Failed, PaymentState::Declined };
    }) << 10;
    QTest::newRow("provider") << with([](OrderFilter &f) { f.provider = QStringLiteral("cmcom"); }) << 10;
    QTest::newRow("provider with a colon") << with([](OrderFilter &f) { f.provider = QStringLiteral("juspay-wallet:GOPAY"); }) << 10;
    QTest::newRow("method shared by providers") << with([](OrderFilter &f) { f.method = QStringLiteral("GOOGLEPAY"); }) << 20;
    QTest::newRow("provider and method") << with([](OrderFilter &f) {
        f.provider = QStringLiteral("googlepay");
        f.method = QStringLiteral("GOOGLEPAY");
    }) << 5;
    QTest::newRow("min amount") << with([](OrderFilter &f) { f.minAmountMinorUnits = 250'000; }) << 20;
    QTest::newRow("max amount") << with([](OrderFilter &f) { f.maxAmountMinorUnits = 100'000; }) << 10;
    QTest::newRow("amount range, bounds inclusive") << with([&](OrderFilter &f) {
        f.minAmountMinorUnits = orders.at(3).amount.minorUnits();
        f.maxAmountMinorUnits = orders.at(3).amount.minorUnits();
    }) << 1;
    QTest::newRow("cashier") << with([](OrderFilter &f) { f.cashier = QStringLiteral("ravi"); }) << 20;
    QTest::newRow("phone last 4") << with([](OrderFilter &f) { f.phoneLast4 = QStringLiteral("3210"); }) << 20;
    QTest::newRow("phone last 4 + 2 days") << with([&](OrderFilter &f) {
        f.phoneLast4 = QStringLiteral("0042");
        f.since = day2;
        f.until = day2.addDays(2);
    }) << 3;
    QTest::newRow("search order id") << with([&](OrderFilter &f) { f.search = orders.at(17).orderId; }) << 1;
    const auto firstWith = [&](auto has) {
        for (const OrderRecord &order : orders) {
            if (has(order))
                return order;
        }
        return OrderRecord();
    };
    QTest::newRow("search txn id") << with([&](OrderFilter &f) {
        f.search = firstWith([](const OrderRecord &o) { return !o.txnId.isEmpty(); }).txnId;
    }) << 1;
    QTest::newRow("search UPI RRN") << with([&](OrderFilter &f) {
        f.search = firstWith([](const OrderRecord &o) { return !o.upiRrn.isEmpty(); }).upiRrn;
    }) << 1;
    QTest::newRow("search provider reference") << with([&](OrderFilter &f) {
        f.search = firstWith([](const OrderRecord &o) { return !o.providerReference.isEmpty(); }).providerReference;
    }) << 1;
    QTest::newRow("search is exact, not a prefix") << with([&](OrderFilter &f) { f.search = orders.at(17).orderId.left(5); }) << 0;
    QTest::newRow("search nothing") << with([](OrderFilter &f) { f.search = QStringLiteral("NO-SUCH-ID"); }) << 0;
    QTest::newRow("everything at once") << with([&](OrderFilter &f) {
        f.since = LedgerSeed::start();
        f.until = LedgerSeed::start().addDays(5);
        f.states = { PaymentState::Charged, PaymentState::Refunded, PaymentState::PartiallyRefunded };
        f.minAmountMinorUnits = 1000;
        f.phoneLast4 = QStringLiteral("3210");
    }) << 3;
    QTest::newRow("limit") << with([](OrderFilter &f) { f.limit = 9; }) << 9;
}

void tst_LedgerHistory::filters()
{
    QFETCH(OrderFilter, filter);
    QFETCH(int, atLeast);
    const QList<OrderRecord> expected = m_seed.expected(filter).mid(0, filter.limit);
    QVERIFY2(expected.size() >= atLeast, qPrintable(QStringLiteral("the seed has only %1 matching rows").arg(expected.size())));
    if (atLeast == 0)
        QVERIFY(expected.isEmpty());

    const Result<QList<OrderRecord>> found = m_seed.ledger->findOrders(filter);
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QCOMPARE(LedgerSeed::ids(found.value()), LedgerSeed::ids(expected));
    // The rows are whole records, not just ids.
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const OrderRecord &a = found->at(i);
        const OrderRecord &b = expected.at(i);
        QCOMPARE(a.amount, b.amount);
        QCOMPARE(a.state, b.state);
        QCOMPARE(a.provider, b.provider);
        QCOMPARE(a.method, b.method);
        QCOMPARE(a.cashier, b.cashier);
        QCOMPARE(a.phoneLast4, b.phoneLast4);
        QCOMPARE(a.txnId, b.txnId);
        QCOMPARE(a.upiRrn, b.upiRrn);
        QCOMPARE(a.refundedMinorUnits, b.refundedMinorUnits);
        QCOMPARE(a.createdAt, b.createdAt);
    }
    OrderFilter unlimited = filter;
    unlimited.limit = 100'000;
    QCOMPARE(m_seed.ledger->countOrders(filter).value(), qint64(m_seed.expected(unlimited).size()));
}

void tst_LedgerHistory::keysetPagingVisitsEveryRowOnceInOrder_data()
{
    QTest::addColumn<OrderFilter>("filter");
    QTest::addColumn<int>("pageSize");
    OrderFilter everything;
    QTest::newRow("all, pages of 7") << everything << 7;
    QTest::newRow("all, pages of 1") << everything << 1;
    QTest::newRow("all, one page bigger than the ledger") << everything << 1000;
    OrderFilter charged;
    charged.states = { PaymentState::Charged };
    QTest::newRow("charged, pages of 4") << charged << 4;
    OrderFilter dated;
    dated.since = LedgerSeed::start().addSecs(6 * 3600);
    dated.until = LedgerSeed::start().addDays(2);
    dated.phoneLast4 = QStringLiteral("3210");
    QTest::newRow("last 4 within dates, pages of 3") << dated << 3;
}

void tst_LedgerHistory::keysetPagingVisitsEveryRowOnceInOrder()
{
    QFETCH(OrderFilter, filter);
    QFETCH(int, pageSize);
    OrderFilter unlimited = filter;
    unlimited.limit = 100'000;
    const QStringList expected = LedgerSeed::ids(m_seed.expected(unlimited));
    QVERIFY(expected.size() > 5);

    QStringList walked;
    OrderFilter page = filter;
    page.limit = pageSize;
    for (int pages = 0; pages <= expected.size() + 1; ++pages) {
        const Result<QList<OrderRecord>> rows = m_seed.ledger->findOrders(page);
        QVERIFY2(rows.ok(), qPrintable(rows.errorMessage()));
        QVERIFY(rows->size() <= pageSize);
        if (rows->isEmpty())
            break;
        walked += LedgerSeed::ids(rows.value());
        page.startAfter(rows->last().createdAt, rows->last().orderId);
    }
    QCOMPARE(walked, expected); // every row, once, newest first, ties broken by order id
    QCOMPARE(QSet<QString>(walked.cbegin(), walked.cend()).size(), walked.size());
}

void tst_LedgerHistory::keysetWithoutOrderIdStartsBeforeThatMillisecond()
{
    // A millisecond shared by several orders: without an order id none of them is returned.
    const QList<OrderRecord> newestFirst = m_seed.expected(all());
    qsizetype tie = 1;
    while (tie < newestFirst.size() && newestFirst.at(tie).createdAt != newestFirst.at(tie - 1).createdAt)
        ++tie;
    QVERIFY(tie < newestFirst.size());
    OrderFilter filter = all();
    filter.beforeCreatedAt = newestFirst.at(tie).createdAt;
    const QList<OrderRecord> found = m_seed.ledger->findOrders(filter).value();
    QVERIFY(!found.isEmpty());
    QVERIFY(found.first().createdAt < filter.beforeCreatedAt);
    QCOMPARE(LedgerSeed::ids(found), LedgerSeed::ids(m_seed.expected(filter)));
}

void tst_LedgerHistory::offsetPaging()
{
    OrderFilter filter = all();
    filter.limit = 10;
    filter.offset = 25;
    QCOMPARE(LedgerSeed::ids(m_seed.ledger->findOrders(filter).value()),
             LedgerSeed::ids(m_seed.expected(all()).mid(25, 10)));
}

void tst_LedgerHistory::historyListNeverDecryptsPhones()
{
    const QList<OrderRecord> found = m_seed.ledger->findOrders(all()).value();
    int withPhone = 0;
    for (const OrderRecord &order : found) {
        QVERIFY(order.phoneE164.isEmpty());
        withPhone += order.phoneLast4.isEmpty() ? 0 : 1;
    }
    QVERIFY(withPhone > 50);
    QVERIFY(!OrderQuery::page(all()).sql.contains(QStringLiteral("phone_sealed")));
}

// The ledger keeps prepared statements per SQL text and drops them past a bound: 64 distinct
// filter shapes, twice over, go through that eviction and must all still answer right.
void tst_LedgerHistory::manyDistinctFiltersStayCorrect()
{
    for (int round = 0; round < 2; ++round) {
        for (int mask = 0; mask < 64; ++mask) {
            OrderFilter filter = all();
            if (mask & 1)
                filter.since = LedgerSeed::start().addSecs(3600);
            if (mask & 2)
                filter.until = LedgerSeed::start().addDays(2);
            if (mask & 4)
                filter.states = { PaymentState::Charged, PaymentState::Refunded };
            if (mask & 8)
                filter.method = QStringLiteral("GOOGLEPAY");
            if (mask & 16)
                filter.cashier = QStringLiteral("asha");
            if (mask & 32)
                filter.minAmountMinorUnits = 50'000;
            const Result<QList<OrderRecord>> found = m_seed.ledger->findOrders(filter);
            QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
            QCOMPARE(LedgerSeed::ids(found.value()), LedgerSeed::ids(m_seed.expected(filter)));
        }
    }
}

void tst_LedgerHistory::plansUseIndexesAndNeverSort_data()
{
    QTest::addColumn<OrderQuery>("query");
    QTest::addColumn<QString>("index");

    OrderFilter page;
    page.limit = 200;
    QTest::newRow("first page") << OrderQuery::page(page) << QStringLiteral("orders_by_created");
    OrderFilter next = page;
    next.startAfter(LedgerSeed::start().addDays(1), QStringLiteral("T01ZZZ"));
    QTest::newRow("next page (keyset)") << OrderQuery::page(next) << QStringLiteral("orders_by_created");
    OrderFilter last4 = page;
    last4.phoneLast4 = QStringLiteral("3210");
    last4.since = LedgerSeed::start();
    last4.until = LedgerSeed::start().addDays(7);
    QTest::newRow("last 4 + dates") << OrderQuery::page(last4) << QStringLiteral("orders_by_last4");
    OrderFilter state = page;
    state.states = { PaymentState::Unknown };
    QTest::newRow("one state") << OrderQuery::page(state) << QStringLiteral("orders_by_state");
    OrderFilter provider = page;
    provider.provider = QStringLiteral("cmcom");
    QTest::newRow("provider") << OrderQuery::page(provider) << QStringLiteral("orders_by_provider");
    OrderFilter day;
    day.since = LedgerSeed::start();
    day.until = LedgerSeed::start().addDays(1);
    QTest::newRow("Z totals of a day") << OrderQuery::salesTotals(day) << QStringLiteral("COVERING INDEX orders_by_created");
    QTest::newRow("buckets of a day") << OrderQuery::salesBuckets(day.since, day.until, 3600, 19800)
                                      << QStringLiteral("COVERING INDEX orders_by_created");
    QTest::newRow("refund totals of a day") << OrderQuery::refundTotals(day.since, day.until) << QStringLiteral("refunds_by_created");
}

// EXPLAIN QUERY PLAN on the real schema: a query that starts scanning the whole table or
// sorting it would still pass on 160 rows and take seconds on a million; this catches it.
void tst_LedgerHistory::plansUseIndexesAndNeverSort()
{
    QFETCH(OrderQuery, query);
    QFETCH(QString, index);
    QString plan;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plan"));
        db.setDatabaseName(m_seed.path);
        QVERIFY(db.open());
        QSqlQuery explain(db);
        QVERIFY(explain.prepare(u"EXPLAIN QUERY PLAN " + query.sql));
        for (const QVariant &value : std::as_const(query.bindings))
            explain.addBindValue(value);
        QVERIFY(explain.exec());
        while (explain.next())
            plan += explain.value(3).toString() + u'\n';
        explain.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plan"));
    QVERIFY2(plan.contains(index), qPrintable(plan));
    QVERIFY2(!plan.contains(QStringLiteral("ORDER BY")), qPrintable(plan)); // no temp b-tree sort
    QVERIFY2(!plan.contains(QStringLiteral("SCAN orders\n")) && !plan.contains(QStringLiteral("SCAN o\n")), qPrintable(plan));
}

QTEST_GUILESS_MAIN(tst_LedgerHistory)
#include "tst_LedgerHistory.moc"
