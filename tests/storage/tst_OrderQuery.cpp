// OrderQuery: the SQL text and bindings of the ledger's reads. The results are tested against
// a real ledger in tst_LedgerHistory and tst_LedgerReports; this checks the statements
// themselves: one binding per placeholder, the keyset term, paging and the masked phone.
#include "storage/OrderQuery.h"

#include <QTest>

Q_DECLARE_METATYPE(OrderQuery)

namespace {

const QDateTime kAt(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);

OrderFilter full()
{
    OrderFilter filter;
    filter.since = kAt.addDays(-1);
    filter.until = kAt;
    filter.states = { PaymentState::Charged, PaymentState::Unknown };
    filter.provider = QStringLiteral("cmcom");
    filter.method = QStringLiteral("UPI");
    filter.cashier = QStringLiteral("asha");
    filter.phoneLast4 = QStringLiteral("0042");
    filter.search = QStringLiteral("612345678901");
    filter.minAmountMinorUnits = 100;
    filter.maxAmountMinorUnits = 900;
    filter.limit = 50;
    filter.offset = 10;
    filter.startAfter(kAt.addSecs(-60), QStringLiteral("T01X"));
    filter.offset = 10;
    return filter;
}

} // namespace

class tst_OrderQuery : public QObject
{
    Q_OBJECT

private slots:
    void onePlaceholderPerBinding_data();
    void onePlaceholderPerBinding();
    void emptyFilterHasNoWhere();
    void keysetTerm();
    void limitAndOffset();
    void maskedReadsNoSealedPhone();
    void bucketsBindOffsetAndSizeInMs();
};

void tst_OrderQuery::onePlaceholderPerBinding_data()
{
    QTest::addColumn<OrderQuery>("query");
    QTest::newRow("page, empty filter") << OrderQuery::page(OrderFilter());
    QTest::newRow("page, every field") << OrderQuery::page(full());
    QTest::newRow("count, every field") << OrderQuery::count(full());
    QTest::newRow("sales totals, every field") << OrderQuery::salesTotals(full());
    QTest::newRow("refund totals") << OrderQuery::refundTotals(kAt.addDays(-1), kAt);
    QTest::newRow("refund totals, open range") << OrderQuery::refundTotals(QDateTime(), QDateTime());
    QTest::newRow("buckets") << OrderQuery::salesBuckets(kAt.addDays(-1), kAt, 3600, 19800);
}

void tst_OrderQuery::onePlaceholderPerBinding()
{
    QFETCH(OrderQuery, query);
    QCOMPARE(query.sql.count(u'?'), query.bindings.size());
    QVERIFY(!query.sql.contains(QStringLiteral("0042"))); // values are bound, never pasted in
    QVERIFY(!query.sql.contains(QStringLiteral("cmcom")));
}

void tst_OrderQuery::emptyFilterHasNoWhere()
{
    const OrderQuery page = OrderQuery::page(OrderFilter());
    // The refunded column's own subquery aside, nothing narrows the page.
    QString outer = page.sql;
    outer.remove(OrderQuery::refundedSql());
    QVERIFY(!outer.contains(QStringLiteral("WHERE")));
    QVERIFY(page.sql.endsWith(QStringLiteral("ORDER BY created_at DESC, order_id DESC LIMIT ?")));
    QCOMPARE(page.bindings, (QVariantList { 500 }));
    // Totals ignore paging: no LIMIT, and the keyset does not narrow them.
    QVERIFY(!OrderQuery::salesTotals(full()).sql.contains(QStringLiteral("LIMIT")));
    QVERIFY(!OrderQuery::salesTotals(full()).sql.contains(QStringLiteral("order_id) <")));
    QVERIFY(!OrderQuery::count(full()).sql.contains(QStringLiteral("LIMIT")));
}

void tst_OrderQuery::keysetTerm()
{
    OrderFilter filter;
    filter.limit = 20;
    filter.startAfter(kAt, QStringLiteral("T01ABC"));
    const OrderQuery withId = OrderQuery::page(filter);
    QVERIFY(withId.sql.contains(QStringLiteral("WHERE (created_at, order_id) < (?, ?)")));
    QCOMPARE(withId.bindings, (QVariantList { kAt.toMSecsSinceEpoch(), QStringLiteral("T01ABC"), 20 }));

    filter.beforeOrderId.clear();
    const OrderQuery timeOnly = OrderQuery::page(filter);
    QVERIFY(timeOnly.sql.contains(QStringLiteral("WHERE created_at < ?")));
    QCOMPARE(timeOnly.bindings, (QVariantList { kAt.toMSecsSinceEpoch(), 20 }));
}

void tst_OrderQuery::limitAndOffset()
{
    OrderFilter filter;
    filter.limit = -5;
    filter.offset = 0;
    const OrderQuery noOffset = OrderQuery::page(filter);
    QVERIFY(!noOffset.sql.contains(QStringLiteral("OFFSET")));
    QCOMPARE(noOffset.bindings, (QVariantList { 0 }));
    filter.limit = 30;
    filter.offset = 60;
    const OrderQuery offset = OrderQuery::page(filter);
    QVERIFY(offset.sql.endsWith(QStringLiteral("LIMIT ? OFFSET ?")));
    QCOMPARE(offset.bindings, (QVariantList { 30, 60 }));
    // startAfter resets the offset: keyset and offset together would skip rows.
    filter.startAfter(kAt, QStringLiteral("T01A"));
    QCOMPARE(filter.offset, 0);
}

void tst_OrderQuery::maskedReadsNoSealedPhone()
{
    QVERIFY(!OrderQuery::page(full()).sql.contains(QStringLiteral("phone_sealed")));
    QVERIFY(!OrderQuery::orderColumns(PhoneAccess::Masked).contains(QStringLiteral("phone_sealed")));
    QVERIFY(OrderQuery::orderColumns(PhoneAccess::Reveal).contains(QStringLiteral("phone_sealed")));
    // One expression per column (the refunded figure is one expression with commas inside).
    const auto columnCount = [](PhoneAccess access) {
        QString columns = OrderQuery::orderColumns(access);
        columns.replace(OrderQuery::refundedSql(), QStringLiteral("refunded"));
        return columns.count(u',');
    };
    QCOMPARE(columnCount(PhoneAccess::Masked), OrderQuery::columnNames().count(u','));
    QCOMPARE(columnCount(PhoneAccess::Reveal), OrderQuery::columnNames().count(u','));
    // Text comes back as UTF-8 bytes, numbers as numbers.
    QVERIFY(OrderQuery::orderColumns(PhoneAccess::Masked).startsWith(QStringLiteral("CAST(order_id AS BLOB), ")));
    QVERIFY(OrderQuery::orderColumns(PhoneAccess::Masked).contains(QStringLiteral(", amount_minor, ")));
    QVERIFY(!OrderQuery::columnNames().contains(QStringLiteral("CAST")));
}

void tst_OrderQuery::bucketsBindOffsetAndSizeInMs()
{
    const OrderQuery buckets = OrderQuery::salesBuckets(kAt.addDays(-1), kAt, 3600, 19800);
    QCOMPARE(buckets.bindings.mid(0, 2), (QVariantList { qint64(19'800'000), qint64(3'600'000) }));
    QVERIFY(buckets.sql.contains(QStringLiteral("'charged', 'partially_refunded', 'refunded'")));
}

QTEST_GUILESS_MAIN(tst_OrderQuery)
#include "tst_OrderQuery.moc"
