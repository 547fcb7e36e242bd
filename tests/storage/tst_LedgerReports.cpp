// SqliteLedger's reports: sales totals, refund totals and time buckets. Each figure is checked
// against sums the test computes itself, in C++ over the seeded data and with its own plain SQL
// on the same file (one query per group, no GROUP BY), never against the ledger's own SQL.
#include "LedgerSeed.h"

#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(OrderFilter)

namespace {

// Fails with the ledger's own message, so a broken write says why.
#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &result_ = (expr);                                                               \
        QVERIFY2(result_.ok(), qPrintable(result_.errorCode() + u": " + result_.errorMessage()));  \
    } while (false)

const int kIst = 19800; // India, UTC+05:30

struct Sums
{
    qint64 count = 0;
    qint64 amount = 0;
    qint64 refunded = 0;
    bool operator==(const Sums &other) const
    {
        return count == other.count && amount == other.amount && refunded == other.refunded;
    }
};

char *toString(const Sums &sums)
{
    return QTest::toString(QStringLiteral("count %1 amount %2 refunded %3").arg(sums.count).arg(sums.amount).arg(sums.refunded));
}

qint64 msOrLimit(const QDateTime &time, qint64 otherwise)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : otherwise;
}

} // namespace

class tst_LedgerReports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void salesTotalsEqualSqlSums_data();
    void salesTotalsEqualSqlSums();
    void refundTotalsEqualSqlSums_data();
    void refundTotalsEqualSqlSums();
    void salesBucketsAcrossIndianMidnight();
    void salesBucketsRefuseAnEmptyBucket();

private:
    // The test's own SQL on its own connection to the ledger file.
    QSqlQuery plainQuery(const QString &sql, const QVariantList &values);

    QTemporaryDir m_dir;
    LedgerSeed m_seed;
    QSqlDatabase m_plain;
};

void tst_LedgerReports::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString error = m_seed.fill(m_dir.filePath(QStringLiteral("reports.sqlite")), 150, 4242);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
    m_plain.setDatabaseName(m_seed.path);
    QVERIFY(m_plain.open());
}

void tst_LedgerReports::cleanupTestCase()
{
    m_plain.close();
    m_plain = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("plain"));
    m_seed.ledger.reset();
}

QSqlQuery tst_LedgerReports::plainQuery(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_plain);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        qWarning("plain query failed: %s", qPrintable(sql));
    return query;
}

void tst_LedgerReports::salesTotalsEqualSqlSums_data()
{
    QTest::addColumn<OrderFilter>("filter");
    QTest::addColumn<int>("groups"); // at least, so the comparison covers something

    const QDateTime istDay = QDateTime(QDate(2026, 11, 20), QTime(0, 0), QTimeZone(kIst)).toUTC();
    OrderFilter all;
    QTest::newRow("whole ledger") << all << 15;
    OrderFilter day;
    day.since = istDay;
    day.until = istDay.addDays(1);
    QTest::newRow("one day in India") << day << 8;
    OrderFilter provider = day;
    provider.provider = QStringLiteral("juspay-gpay");
    QTest::newRow("one provider") << provider << 2;
    OrderFilter states;
    states.states = { PaymentState::Refunded, PaymentState::PartiallyRefunded };
    QTest::newRow("refunded states") << states << 3;
    OrderFilter paging = day;
    paging.limit = 1; // limit, offset and keyset do not apply to totals
    paging.offset = 3;
    paging.startAfter(istDay.addSecs(3600), QStringLiteral("T01"));
    QTest::newRow("paging fields ignored") << paging << 8;
    OrderFilter none;
    none.since = LedgerSeed::start().addYears(-1);
    none.until = LedgerSeed::start().addYears(-1).addDays(1);
    QTest::newRow("nothing") << none << 0;
}

void tst_LedgerReports::salesTotalsEqualSqlSums()
{
    QFETCH(OrderFilter, filter);
    QFETCH(int, groups);
    const Result<QList<SalesTotalsRow>> totals = m_seed.ledger->salesTotals(filter);
    QVERIFY_OK(totals);

    // 1. In C++ over the inserted data.
    OrderFilter unpaged = filter;
    unpaged.limit = 100'000;
    unpaged.offset = 0;
    unpaged.beforeCreatedAt = QDateTime();
    QMap<QString, Sums> expected;
    for (const OrderRecord &order : m_seed.expected(unpaged)) {
        Sums &sums = expected[order.provider + u'|' + order.method + u'|' + PaymentStates::name(order.state) + u"|INR"];
        sums.count += 1;
        sums.amount += order.amount.minorUnits();
        sums.refunded += order.refundedMinorUnits;
    }
    QMap<QString, Sums> actual;
    for (const SalesTotalsRow &row : totals.value()) {
        const QString key = row.provider + u'|' + row.method + u'|' + PaymentStates::name(row.state) + u'|' + row.currency;
        QVERIFY2(!actual.contains(key), qPrintable(key)); // one row per group
        actual.insert(key, Sums { row.count, row.amountMinorUnits, row.refundedMinorUnits });

        // 2. With the test's own SQL, one group at a time.
        QSqlQuery sql = plainQuery(QStringLiteral("SELECT count(*), total(amount_minor), total(refunded_minor) FROM orders "
                                                  "WHERE provider = ? AND method = ? AND state = ? AND currency = ? "
                                                  "AND created_at >= ? AND created_at < ?"),
                                   { row.provider, row.method, PaymentStates::name(row.state), row.currency,
                                     msOrLimit(filter.since, 0), msOrLimit(filter.until, std::numeric_limits<qint64>::max()) });
        QCOMPARE(actual.value(key), (Sums { sql.value(0).toLongLong(), qint64(sql.value(1).toDouble()), qint64(sql.value(2).toDouble()) }));
    }
    QCOMPARE(actual, expected);
    QVERIFY2(actual.size() >= groups, qPrintable(QString::number(actual.size())));
    if (groups == 0)
        QVERIFY(totals->isEmpty());

    // 3. The grand total of the day matches a plain sum over the same range.
    qint64 count = 0;
    qint64 amount = 0;
    for (const SalesTotalsRow &row : totals.value()) {
        count += row.count;
        amount += row.amountMinorUnits;
    }
    if (filter.provider.isEmpty() && filter.states.isEmpty()) {
        QSqlQuery sql = plainQuery(QStringLiteral("SELECT count(*), total(amount_minor) FROM orders WHERE created_at >= ? AND created_at < ?"),
                                   { msOrLimit(filter.since, 0), msOrLimit(filter.until, std::numeric_limits<qint64>::max()) });
        QCOMPARE(count, sql.value(0).toLongLong());
        QCOMPARE(amount, qint64(sql.value(1).toDouble()));
    }
}

void tst_LedgerReports::refundTotalsEqualSqlSums_data()
{
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<int>("groups");
    const QDateTime istDay = QDateTime(QDate(2026, 11, 20), QTime(0, 0), QTimeZone(kIst)).toUTC();
    QTest::newRow("everything") << QDateTime() << QDateTime() << 4;
    QTest::newRow("one day in India") << istDay << istDay.addDays(1) << 2;
    QTest::newRow("nothing") << istDay.addYears(-1) << istDay.addYears(-1).addDays(1) << 0;
}

void tst_LedgerReports::refundTotalsEqualSqlSums()
{
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    QFETCH(int, groups);
    const Result<QList<RefundTotalsRow>> totals = m_seed.ledger->refundTotals(since, until);
    QVERIFY_OK(totals);

    QMap<QString, QString> providerOf;
    for (const OrderRecord &order : m_seed.orders)
        providerOf.insert(order.orderId, order.provider);
    QMap<QString, Sums> expected;
    for (const RefundRecord &refund : m_seed.refunds) {
        if ((since.isValid() && refund.createdAt < since) || (until.isValid() && refund.createdAt >= until))
            continue;
        Sums &sums = expected[providerOf.value(refund.orderId) + u'|' + refund.currency + u'|' + refund.state];
        sums.count += 1;
        sums.amount += refund.amountMinorUnits;
    }
    QMap<QString, Sums> actual;
    for (const RefundTotalsRow &row : totals.value()) {
        const QString key = row.provider + u'|' + row.currency + u'|' + row.state;
        actual.insert(key, Sums { row.count, row.amountMinorUnits, 0 });
        QSqlQuery sql = plainQuery(QStringLiteral("SELECT count(*), total(amount_minor) FROM refunds WHERE currency = ? AND state = ? "
                                                  "AND created_at >= ? AND created_at < ? "
                                                  "AND order_id IN (SELECT order_id FROM orders WHERE provider = ?)"),
                                   { row.currency, row.state, msOrLimit(since, 0),
                                     msOrLimit(until, std::numeric_limits<qint64>::max()), row.provider });
        QCOMPARE(row.count, sql.value(0).toLongLong());
        QCOMPARE(row.amountMinorUnits, qint64(sql.value(1).toDouble()));
    }
    QCOMPARE(actual, expected);
    QVERIFY2(actual.size() >= groups, qPrintable(QString::number(actual.size())));
    if (groups == 0)
        QVERIFY(totals->isEmpty());
}

// Indian midnight is 18:30 UTC: an order at 18:29:59.999 UTC belongs to the day before, one at
// 18:30:00.000 UTC to the next, whatever the UTC date says.
void tst_LedgerReports::salesBucketsAcrossIndianMidnight()
{
    QTemporaryDir dir;
    auto opened = SqliteLedger::open(dir.filePath(QStringLiteral("buckets.sqlite")), LedgerSeed::vault());
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    SqliteLedger &ledger = *opened.value();
    const QDateTime midnight = QDateTime(QDate(2026, 11, 21), QTime(0, 0), QTimeZone(kIst)); // = 20 Nov 18:30 UTC
    QCOMPARE(midnight.toUTC().time(), QTime(18, 30));
    struct Sale
    {
        const char *id;
        qint64 msFromMidnight;
        PaymentState state;
        qint64 minor;
    };
    const Sale sales[] = {
        { "T01A", -1, PaymentState::Charged, 1000 },
        { "T01B", 0, PaymentState::Charged, 2000 },
        { "T01C", 0, PaymentState::Failed, 500 },
        { "T01D", 3'600'000 - 1, PaymentState::Charged, 300 },
        { "T01E", 3'600'000, PaymentState::Refunded, 700 },
        { "T01F", 86'400'000 - 1, PaymentState::PartiallyRefunded, 900 },
    };
    for (const Sale &sale : sales) {
        OrderRecord order;
        order.orderId = QString::fromLatin1(sale.id);
        order.terminal = QStringLiteral("T01");
        order.provider = QStringLiteral("cmcom");
        order.method = QStringLiteral("UPI");
        order.amount = Money::fromMinorUnits(sale.minor, Currency::inr()).value();
        order.state = sale.state;
        order.createdAt = midnight.addMSecs(sale.msFromMidnight).toUTC();
        OrderEvent event;
        event.orderId = order.orderId;
        event.kind = QStringLiteral("created");
        QVERIFY_OK(ledger.insertOrder(order, event));
    }
    const QDateTime from = midnight.addDays(-2).toUTC();
    const QDateTime to = midnight.addDays(2).toUTC();
    auto starts = [](const QList<SalesBucket> &buckets) {
        QList<QDateTime> list;
        for (const SalesBucket &bucket : buckets)
            list.append(QDateTime::fromMSecsSinceEpoch(bucket.bucketStartMs, QTimeZone::utc()));
        return list;
    };

    // Days in India.
    const QList<SalesBucket> istDays = ledger.salesBuckets(from, to, 86400, kIst).value();
    QCOMPARE(starts(istDays), (QList<QDateTime> { midnight.addDays(-1).toUTC(), midnight.toUTC() }));
    QCOMPARE(istDays.at(0).orders, 1);
    QCOMPARE(istDays.at(0).charged, 1);
    QCOMPARE(istDays.at(0).chargedMinorUnits, 1000);
    QCOMPARE(istDays.at(1).orders, 5);
    QCOMPARE(istDays.at(1).charged, 4); // charged, refunded and partially refunded took money
    QCOMPARE(istDays.at(1).chargedMinorUnits, 2000 + 300 + 700 + 900);

    // The same orders in UTC days split differently: A to E on 20 Nov, F on 21 Nov.
    const QList<SalesBucket> utcDays = ledger.salesBuckets(from, to, 86400, 0).value();
    const QDateTime utc20(QDate(2026, 11, 20), QTime(0, 0), QTimeZone::utc());
    QCOMPARE(starts(utcDays), (QList<QDateTime> { utc20, utc20.addDays(1) }));
    QCOMPARE(utcDays.at(0).orders, 5);
    QCOMPARE(utcDays.at(1).orders, 1);

    // Hours in India: only non-empty ones, oldest first.
    const QList<SalesBucket> hours = ledger.salesBuckets(from, to, 3600, kIst).value();
    QCOMPARE(starts(hours), (QList<QDateTime> { midnight.addSecs(-3600).toUTC(), midnight.toUTC(),
                                                midnight.addSecs(3600).toUTC(), midnight.addSecs(23 * 3600).toUTC() }));
    QCOMPARE(hours.at(1).orders, 3);
    QCOMPARE(hours.at(1).charged, 2);
    QCOMPARE(hours.at(1).chargedMinorUnits, 2300);

    // [since, until): since is inclusive, until exclusive.
    const QList<SalesBucket> clipped = ledger.salesBuckets(midnight.toUTC(), midnight.addMSecs(3'600'000).toUTC(), 86400, kIst).value();
    QCOMPARE(clipped.size(), 1);
    QCOMPARE(clipped.at(0).orders, 3); // B, C, D; not A (before) nor E (at until)

    // The Z report's view of the Indian day agrees with the buckets.
    OrderFilter day;
    day.since = midnight.toUTC();
    day.until = midnight.addDays(1).toUTC();
    qint64 count = 0;
    for (const SalesTotalsRow &row : ledger.salesTotals(day).value())
        count += row.count;
    QCOMPARE(count, istDays.at(1).orders);
}

void tst_LedgerReports::salesBucketsRefuseAnEmptyBucket()
{
    const auto buckets = m_seed.ledger->salesBuckets(LedgerSeed::start(), LedgerSeed::start().addDays(1), 0, kIst);
    QCOMPARE(buckets.errorCode(), QStringLiteral("bad_bucket"));
}

QTEST_GUILESS_MAIN(tst_LedgerReports)
#include "tst_LedgerReports.moc"
