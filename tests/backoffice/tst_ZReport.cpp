// The Z report's totals equal sums computed by independent SQL over the same SQLite file.
// Orders in several states and providers over three days, some a millisecond either side of
// local midnight in Asia/Kolkata (UTC+05:30); the report is for the middle day.
#include "LedgerSeed.h"
#include "RefundScenario.h"
#include "backoffice/CsvExporter.h"
#include "backoffice/ZReport.h"
#include "checkout/RefundService.h"
#include "core/ManualClock.h"
#include "gateway/HttpClient.h"
#include "gateway/googlepay/GooglePayGateway.h"
#include "storage/SqliteLedger.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QTimeZone kKolkata("Asia/Kolkata");
// 2026-03-10 00:00 IST is 2026-03-09 18:30 UTC, written out by hand (not through QTimeZone).
const QDateTime kDayStartUtc(QDate(2026, 3, 9), QTime(18, 30), Qt::UTC);
const QDateTime kDayEndUtc(QDate(2026, 3, 10), QTime(18, 30), Qt::UTC);

// What went back of an order, written here independently of OrderQuery: the larger of
// CounterPay's refunds that succeeded or are pending and the provider's figure
// (orders.refunded_minor), never more than the amount.
const QString kRefundedSql = QStringLiteral(
        "MIN(o.amount_minor, MAX(o.refunded_minor, (SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r "
        "WHERE r.order_id = o.order_id AND r.currency = o.currency AND r.state IN ('succeeded', 'pending'))))");

struct Provider
{
    const char *name;
    const char *method;
};
constexpr Provider kProviders[] = { { "juspay-gpay", "GOOGLEPAY" }, { "juspay-cred", "CRED" },
                                    { "juspay-wallet:GOPAY", "GOPAY" }, { "googlepay", "GOOGLEPAY" },
                                    { "cmcom", "GOOGLEPAY" } };

} // namespace

class tst_ZReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void boundsAreLocalMidnight();
    void linesEqualSqlGroupBy();
    void totalsEqualSqlSums();
    void providerSubtotalsEqualSql();
    void midnightEdges();
    void emptyDay();
    void formatAmount();
    void netOfRefundsMadeAnywhere();
    void failedRefundIsNotRefunded();
    void storeDayInKolkata();
    void dstDaysInAmsterdam();
    void storeZoneFromSetting();

private:
    QSqlQuery sql(const QString &statement, const QVariantList &bindings = {});
    qint64 scalar(const QString &statement, const QVariantList &bindings = {});

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteLedger> m_ledger;
    QString m_connection = QStringLiteral("tst_ZReport-independent");
    std::optional<ZReport> m_report;
};

void tst_ZReport::initTestCase()
{
    QVERIFY(kKolkata.isValid());
    m_ledger = SqliteLedger::open(m_dir.filePath(QStringLiteral("ledger.sqlite")), PhoneVault::fromKey(QByteArray(32, 'k')).value())
                       .value();
    const QList<PaymentState> states { PaymentState::Charged, PaymentState::Charged, PaymentState::Charged,
                                       PaymentState::Failed, PaymentState::Declined, PaymentState::Expired,
                                       PaymentState::Cancelled, PaymentState::Unknown, PaymentState::AwaitingCustomer,
                                       PaymentState::Refunded, PaymentState::PartiallyRefunded };
    QRandomGenerator random(20260310);
    const QDateTime first = kDayStartUtc.addDays(-1);
    int n = 0;
    QList<OrderRecord> refundable;
    // ~150 orders spread over the three local days.
    for (; n < 150; ++n) {
        const QDateTime at = first.addMSecs(qint64(random.bounded(3 * 24 * 3600)) * 1000 + random.bounded(1000));
        const Provider &provider = kProviders[random.bounded(int(std::size(kProviders)))];
        OrderRecord order = seedOrder(QStringLiteral("T01-%1").arg(n, 5, 10, QLatin1Char('0')), at,
                                      100 + random.bounded(5'000'000), states.at(random.bounded(states.size())),
                                      QString::fromLatin1(provider.name), QString::fromLatin1(provider.method));
        // The provider's own refunded figure (refunds made in its dashboard, say).
        if (order.state == PaymentState::PartiallyRefunded)
            order.refundedMinorUnits = order.amount.minorUnits() / 3;
        else if (order.state == PaymentState::Refunded)
            order.refundedMinorUnits = order.amount.minorUnits();
        QVERIFY(insert(*m_ledger, order).ok());
        if (PaymentStates::isPaid(order.state))
            refundable.append(order);
    }
    // A millisecond either side of each local midnight.
    for (const QDateTime &midnight : { kDayStartUtc, kDayEndUtc }) {
        for (qint64 offset : { -1, 0, 1 }) {
            const OrderRecord order = seedOrder(QStringLiteral("T01-%1").arg(n++, 5, 10, QLatin1Char('0')),
                                                midnight.addMSecs(offset), 77'700, PaymentState::Charged,
                                                QStringLiteral("juspay-gpay"), QStringLiteral("GOOGLEPAY"));
            QVERIFY(insert(*m_ledger, order).ok());
            refundable.append(order);
        }
    }
    // Refunds in every state, created at random times (a refund today for yesterday's sale counts today).
    const QStringList refundStates { QStringLiteral("succeeded"), QStringLiteral("pending"), QStringLiteral("failed"),
                                     QStringLiteral("requested"), QStringLiteral("unknown") };
    for (int r = 0; r < 40; ++r) {
        const OrderRecord &order = refundable.at(random.bounded(refundable.size()));
        const QDateTime at = order.createdAt.addSecs(random.bounded(36 * 3600));
        QVERIFY(insertRefund(*m_ledger, order.orderId, QStringLiteral("%1R%2").arg(order.orderId).arg(r),
                             1 + random.bounded(order.amount.minorUnits()), refundStates.at(r % refundStates.size()), at)
                        .ok());
    }
    // Refunds exactly at the bounds.
    QVERIFY(insertRefund(*m_ledger, refundable.first().orderId, QStringLiteral("edge-start"), 1111, QStringLiteral("succeeded"),
                         kDayStartUtc).ok());
    QVERIFY(insertRefund(*m_ledger, refundable.first().orderId, QStringLiteral("edge-end"), 2222, QStringLiteral("succeeded"),
                         kDayEndUtc).ok());

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_dir.filePath(QStringLiteral("ledger.sqlite")));
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));

    Result<ZReport> report = ZReport::build(*m_ledger, QDate(2026, 3, 10), kKolkata);
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    m_report = std::move(report).value();
}

void tst_ZReport::cleanupTestCase()
{
    QSqlDatabase::database(m_connection).close();
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlQuery tst_ZReport::sql(const QString &statement, const QVariantList &bindings)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(statement);
    for (const QVariant &value : bindings)
        query.addBindValue(value);
    if (!query.exec())
        qWarning("SQL failed: %s", qPrintable(query.lastError().text()));
    return query;
}

qint64 tst_ZReport::scalar(const QString &statement, const QVariantList &bindings)
{
    QSqlQuery query = sql(statement, bindings);
    return query.next() ? query.value(0).toLongLong() : -1;
}

void tst_ZReport::boundsAreLocalMidnight()
{
    QCOMPARE(m_report->sinceUtc(), kDayStartUtc);
    QCOMPARE(m_report->untilUtc(), kDayEndUtc);
    QCOMPARE(m_report->currency(), QStringLiteral("INR"));
    // A 23-hour day where the clocks go forward.
    const QTimeZone berlin("Europe/Berlin");
    const ZReport dst = ZReport::build(*m_ledger, QDate(2026, 3, 29), berlin).value();
    QCOMPARE(dst.sinceUtc().secsTo(dst.untilUtc()), qint64(23 * 3600));
}

void tst_ZReport::linesEqualSqlGroupBy()
{
    QSqlQuery query = sql(QStringLiteral("SELECT provider, method, state, currency, COUNT(*), SUM(amount_minor) FROM orders "
                                         "WHERE created_at >= ? AND created_at < ? "
                                         "GROUP BY provider, method, state, currency ORDER BY provider, method, state"),
                          { kDayStartUtc.toMSecsSinceEpoch(), kDayEndUtc.toMSecsSinceEpoch() });
    QMap<QString, QPair<qint64, qint64>> expected;
    while (query.next()) {
        const QString key = QStringList { query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                          query.value(3).toString() }
                                    .join(u'|');
        expected.insert(key, { query.value(4).toLongLong(), query.value(5).toLongLong() });
    }
    QVERIFY(expected.size() > 10);
    QMap<QString, QPair<qint64, qint64>> actual;
    for (const ZReport::Line &line : m_report->lines()) {
        const QString key = QStringList { line.provider, line.method, PaymentStates::name(line.state), line.currency }.join(u'|');
        QVERIFY2(!actual.contains(key), qPrintable(key));
        actual.insert(key, { line.count, line.amountMinorUnits });
    }
    QCOMPARE(actual, expected);
    QCOMPARE(m_report->orderCount(), scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE created_at >= ? AND created_at < ?"),
                                            { kDayStartUtc.toMSecsSinceEpoch(), kDayEndUtc.toMSecsSinceEpoch() }));
    QCOMPARE(m_report->count(PaymentState::Unknown),
             scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE created_at >= ? AND created_at < ? AND state = 'unknown'"),
                    { kDayStartUtc.toMSecsSinceEpoch(), kDayEndUtc.toMSecsSinceEpoch() }));
}

void tst_ZReport::totalsEqualSqlSums()
{
    const QVariantList day { kDayStartUtc.toMSecsSinceEpoch(), kDayEndUtc.toMSecsSinceEpoch() };
    const QString tookMoney = QStringLiteral("state IN ('charged', 'partially_refunded', 'refunded')");
    const qint64 chargedCount = scalar(u"SELECT COUNT(*) FROM orders WHERE created_at >= ? AND created_at < ? AND " + tookMoney, day);
    const qint64 charged = scalar(u"SELECT COALESCE(SUM(amount_minor), 0) FROM orders WHERE created_at >= ? AND created_at < ? AND "
                                          + tookMoney,
                                  day);
    const QString refundCounts = QStringLiteral("state IN ('succeeded', 'pending')");
    // Refunds asked in CounterPay this day, of any day's sales: listed apart, for the till.
    const qint64 refundCount = scalar(u"SELECT COUNT(*) FROM refunds WHERE created_at >= ? AND created_at < ? AND " + refundCounts, day);
    const qint64 asked = scalar(u"SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE created_at >= ? AND created_at < ? AND "
                                        + refundCounts,
                                day);
    // What went back of this day's sales, whenever and wherever it was refunded.
    const qint64 refunded = scalar(u"SELECT COALESCE(SUM(" + kRefundedSql + u"), 0) FROM orders o "
                                           u"WHERE o.created_at >= ? AND o.created_at < ? AND o." + tookMoney,
                                   day);
    QVERIFY(chargedCount > 5);
    QVERIFY(refundCount > 2);
    QVERIFY(refunded > 0);
    QCOMPARE(m_report->chargedCount(), chargedCount);
    QCOMPARE(m_report->chargedMinorUnits(), charged);
    QCOMPARE(m_report->refundCount(), refundCount);
    QCOMPARE(m_report->refundsAskedMinorUnits(), asked);
    QCOMPARE(m_report->refundedMinorUnits(), refunded);
    QCOMPARE(m_report->netMinorUnits(), charged - refunded);
}

void tst_ZReport::providerSubtotalsEqualSql()
{
    const QVariantList day { kDayStartUtc.toMSecsSinceEpoch(), kDayEndUtc.toMSecsSinceEpoch() };
    QMap<QString, qint64> charged;
    QSqlQuery orders = sql(QStringLiteral("SELECT provider, SUM(CASE WHEN state IN ('charged', 'partially_refunded', 'refunded') "
                                          "THEN amount_minor ELSE 0 END) FROM orders WHERE created_at >= ? AND created_at < ? "
                                          "GROUP BY provider"),
                           day);
    while (orders.next())
        charged.insert(orders.value(0).toString(), orders.value(1).toLongLong());
    QMap<QString, qint64> refunded;
    QSqlQuery refunds = sql(u"SELECT o.provider, SUM(" + kRefundedSql + u") FROM orders o "
                            u"WHERE o.created_at >= ? AND o.created_at < ? "
                            u"AND o.state IN ('charged', 'partially_refunded', 'refunded') GROUP BY o.provider",
                            day);
    while (refunds.next())
        refunded.insert(refunds.value(0).toString(), refunds.value(1).toLongLong());
    const QList<ZReport::Subtotal> subtotals = m_report->providerSubtotals();
    QVERIFY(subtotals.size() >= 4);
    for (const ZReport::Subtotal &subtotal : subtotals) {
        QCOMPARE(subtotal.chargedMinorUnits, charged.value(subtotal.provider));
        QCOMPARE(subtotal.refundedMinorUnits, refunded.value(subtotal.provider));
        QCOMPARE(subtotal.netMinorUnits(), charged.value(subtotal.provider) - refunded.value(subtotal.provider));
    }
}

void tst_ZReport::midnightEdges()
{
    // Of the six edge orders (77.700 each, charged) the report holds exactly: the one at the
    // day's first ms, the one just after it, and the one at the last ms before the next day.
    const ZReport previous = ZReport::build(*m_ledger, QDate(2026, 3, 9), kKolkata).value();
    const ZReport next = ZReport::build(*m_ledger, QDate(2026, 3, 11), kKolkata).value();
    const qint64 all = scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE amount_minor = 77700"));
    QCOMPARE(all, qint64(6));
    const qint64 inDay = scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE amount_minor = 77700 AND created_at >= ? AND created_at < ?"),
                                { kDayStartUtc.toMSecsSinceEpoch(), kDayEndUtc.toMSecsSinceEpoch() });
    QCOMPARE(inDay, qint64(3));
    // Every order lands in exactly one of the three days.
    QCOMPARE(previous.orderCount() + m_report->orderCount() + next.orderCount(),
             scalar(QStringLiteral("SELECT COUNT(*) FROM orders")));
    // The refund at the day's first ms is in; the one at the next day's first ms is not.
    const qint64 edgeIn = scalar(QStringLiteral("SELECT COUNT(*) FROM refunds WHERE unique_request_id = 'edge-start' AND created_at >= ? AND created_at < ?"),
                                 { kDayStartUtc.toMSecsSinceEpoch(), kDayEndUtc.toMSecsSinceEpoch() });
    QCOMPARE(edgeIn, qint64(1));
    QVERIFY(next.refundsAskedMinorUnits() >= 2222);
}

void tst_ZReport::emptyDay()
{
    const ZReport empty = ZReport::build(*m_ledger, QDate(2025, 1, 1), kKolkata).value();
    QCOMPARE(empty.orderCount(), qint64(0));
    QCOMPARE(empty.chargedMinorUnits(), qint64(0));
    QCOMPARE(empty.netMinorUnits(), qint64(0));
    QVERIFY(empty.lines().isEmpty());
    QCOMPARE(ZReport::build(*m_ledger, QDate(), kKolkata).errorCode(), QStringLiteral("bad_day"));
}

void tst_ZReport::formatAmount()
{
    // The printable document is the UI's now (ZReportView::documentHtml, in the screen's words;
    // tst_ZReportView reads its PDF); the report formats its own currency.
    QCOMPARE(m_report->formatAmount(14'999'900, QLocale(QLocale::English, QLocale::India)), QStringLiteral("\u20B91,49,999.00"));
    QCOMPARE(m_report->formatAmount(-5'000, QLocale(QLocale::English, QLocale::India)), QStringLiteral("-\u20B950.00"));
}

void tst_ZReport::netOfRefundsMadeAnywhere()
{
    // A ledger of its own: sales refunded outside CounterPay (state + refunded_minor, no refunds
    // row), in CounterPay only, in both (the same money), and in both for different amounts.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("refunds.sqlite"));
    auto ledger = SqliteLedger::open(path, PhoneVault::fromKey(QByteArray(32, 'k')).value()).value();
    const QDate day(2026, 4, 2);
    const RefundScenario scenario
            = seedRefundScenario(*ledger, QDateTime(day, QTime(11, 0), kKolkata).toUTC(), QStringLiteral("Z-"));
    QCOMPARE(scenario.net(), qint64(210'000)); // 2,800.00 charged, 700.00 back

    const ZReport report = ZReport::build(*ledger, day, kKolkata).value();
    QCOMPARE(report.chargedMinorUnits(), scenario.charged);
    QCOMPARE(report.refundedMinorUnits(), scenario.refunded);
    QCOMPARE(report.netMinorUnits(), scenario.net());

    // The same figure straight from the file, written out here: SUM(amount - refunded).
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_ZReport-net"));
    db.setDatabaseName(path);
    QVERIFY(db.open());
    {
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT SUM(o.amount_minor - " + kRefundedSql + u") FROM orders o "
                           u"WHERE o.state IN ('charged', 'partially_refunded', 'refunded')"));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), report.netMinorUnits());
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("tst_ZReport-net"));

    // The history reads the same figure for every sale (what the CLI and the back office list,
    // and a reprinted receipt prints), and the CSV export carries it.
    OrderFilter all;
    all.limit = 100;
    const QList<OrderRecord> orders = ledger->findOrders(all).value();
    QCOMPARE(orders.size(), scenario.expectedNet.size());
    qint64 historyNet = 0;
    for (const OrderRecord &order : orders) {
        QCOMPARE(order.netMinorUnits(), scenario.expectedNet.value(order.orderId));
        QCOMPARE(order.refundedMinorUnits, scenario.expectedRefunded.value(order.orderId));
        const auto found = ledger->findOrder(order.orderId, PhoneAccess::Masked).value();
        QCOMPARE(found->netMinorUnits(), order.netMinorUnits());
        QCOMPARE(CsvExporter::fields(order).at(10),
                 Money::fromMinorUnits(scenario.expectedRefunded.value(order.orderId), Currency::inr())->toDecimalString());
        historyNet += order.netMinorUnits();
    }
    QCOMPARE(historyNet, report.netMinorUnits());
    // Provider subtotals add up to the same net.
    qint64 subtotalNet = 0;
    for (const ZReport::Subtotal &subtotal : report.providerSubtotals())
        subtotalNet += subtotal.netMinorUnits();
    QCOMPARE(subtotalNet, report.netMinorUnits());
}

void tst_ZReport::failedRefundIsNotRefunded()
{
    // A Google Pay direct sale refunded through the real RefundService: Google Pay Omnichannel
    // has no refund call, so the gateway refuses and the refund is journalled as failed. A
    // Juspay sale refunded 100.00 (succeeded) beside it. Only the 100.00 went back.
    QTemporaryDir dir;
    auto ledger = SqliteLedger::open(dir.filePath(QStringLiteral("failed.sqlite")), PhoneVault::fromKey(QByteArray(32, 'k')).value())
                          .value();
    const QDate day(2026, 12, 3);
    const QDateTime noon = QDateTime(day, QTime(12, 0), kKolkata).toUTC();
    QVERIFY(insert(*ledger, seedOrder(QStringLiteral("Z-GPD"), noon, 32'000, PaymentState::Charged,
                                      QStringLiteral("googlepay"), QStringLiteral("GOOGLEPAY")))
                    .ok());
    OrderRecord juspay = seedOrder(QStringLiteral("Z-JUS"), noon.addSecs(60), 50'000, PaymentState::PartiallyRefunded);
    QVERIFY(insert(*ledger, juspay).ok());
    QVERIFY(insertRefund(*ledger, juspay.orderId, QStringLiteral("Z-JUSR1"), 10'000, QStringLiteral("succeeded"),
                         noon.addSecs(120))
                    .ok());

    QNetworkAccessManager manager;
    HttpClient http(&manager, HttpClient::Options());
    GooglePayGateway direct(&http, GooglePayConfig());
    ManualClock clock(noon.addSecs(3600));
    RefundService refunds(*ledger, { &direct }, clock);
    QSignalSpy failed(&refunds, &RefundService::refundFailed);
    QVERIFY(refunds.refund(QStringLiteral("Z-GPD"), std::nullopt, QStringLiteral("meera")).ok());
    QVERIFY(failed.count() == 1 || failed.wait(5000));
    const QList<RefundRecord> journalled = ledger->refunds(QStringLiteral("Z-GPD")).value();
    QCOMPARE(journalled.size(), 1);
    QCOMPARE(journalled.first().state, QStringLiteral("failed"));
    QCOMPARE(journalled.first().amountMinorUnits, qint64(32'000));

    const ZReport report = ZReport::build(*ledger, day, kKolkata).value();
    QCOMPARE(report.chargedMinorUnits(), qint64(82'000));
    QCOMPARE(report.refundedMinorUnits(), qint64(10'000));
    QCOMPARE(report.netMinorUnits(), qint64(72'000));
    QCOMPARE(report.refundCount(), qint64(1));
    QCOMPARE(report.refundsAskedMinorUnits(), qint64(10'000));
    for (const ZReport::Subtotal &subtotal : report.providerSubtotals()) {
        if (subtotal.provider == QLatin1String("googlepay")) {
            QCOMPARE(subtotal.refundedMinorUnits, qint64(0));
            QCOMPARE(subtotal.netMinorUnits(), qint64(32'000));
        }
    }
    // The failed refund is still listed (the manager sees it), as failed.
    bool listed = false;
    for (const ZReport::RefundLine &line : report.refundLines()) {
        if (line.provider == QLatin1String("googlepay")) {
            QCOMPARE(line.state, QStringLiteral("failed"));
            QVERIFY(!ZReport::refundCounts(line.state));
            listed = true;
        }
    }
    QVERIFY(listed);
    // What every other reader sees for the sale: nothing went back.
    QCOMPARE(ledger->findOrder(QStringLiteral("Z-GPD"), PhoneAccess::Masked).value()->refundedMinorUnits, qint64(0));
    QCOMPARE(ledger->findOrder(QStringLiteral("Z-GPD"), PhoneAccess::Masked).value()->state, PaymentState::Charged);
}

void tst_ZReport::storeDayInKolkata()
{
    // 3 Dec 2026 in Asia/Kolkata (UTC+05:30) is 2 Dec 18:30 UTC to 3 Dec 18:30 UTC. A sale at
    // 23:30 IST (18:00 UTC) is the day's; one at 00:30 IST on the 4th (19:00 UTC on the 3rd, the
    // same UTC date) is not.
    QTemporaryDir dir;
    auto ledger = SqliteLedger::open(dir.filePath(QStringLiteral("ist.sqlite")), PhoneVault::fromKey(QByteArray(32, 'k')).value())
                          .value();
    QVERIFY(insert(*ledger, seedOrder(QStringLiteral("LATE"), QDateTime(QDate(2026, 12, 3), QTime(18, 0), Qt::UTC), 11'100,
                                      PaymentState::Charged))
                    .ok());
    QVERIFY(insert(*ledger, seedOrder(QStringLiteral("NEXT"), QDateTime(QDate(2026, 12, 3), QTime(19, 0), Qt::UTC), 22'200,
                                      PaymentState::Charged))
                    .ok());
    const ZReport report = ZReport::build(*ledger, QDate(2026, 12, 3), kKolkata).value();
    QCOMPARE(report.sinceUtc(), QDateTime(QDate(2026, 12, 2), QTime(18, 30), Qt::UTC));
    QCOMPARE(report.untilUtc(), QDateTime(QDate(2026, 12, 3), QTime(18, 30), Qt::UTC));
    QCOMPARE(report.orderCount(), qint64(1));
    QCOMPARE(report.chargedMinorUnits(), qint64(11'100));
    const ZReport next = ZReport::build(*ledger, QDate(2026, 12, 4), kKolkata).value();
    QCOMPARE(next.orderCount(), qint64(1));
    QCOMPARE(next.chargedMinorUnits(), qint64(22'200));
}

void tst_ZReport::dstDaysInAmsterdam()
{
    // Europe/Amsterdam (CM.com stores): 29 Mar 2026 starts at 23:00 UTC on the 28th (CET) and
    // ends at 22:00 UTC on the 29th (CEST): 23 hours. 25 Oct 2026 runs 22:00 UTC on the 24th to
    // 23:00 UTC on the 25th: 25 hours. Bounds written out by hand; a sale a second either side.
    const QTimeZone amsterdam("Europe/Amsterdam");
    QVERIFY(amsterdam.isValid());
    QTemporaryDir dir;
    auto ledger = SqliteLedger::open(dir.filePath(QStringLiteral("ams.sqlite")), PhoneVault::fromKey(QByteArray(32, 'k')).value())
                          .value();
    struct Bound
    {
        QDate day;
        QDateTime since;
        QDateTime until;
        qint64 hours;
    };
    const Bound bounds[] = {
        { QDate(2026, 3, 29), QDateTime(QDate(2026, 3, 28), QTime(23, 0), Qt::UTC), QDateTime(QDate(2026, 3, 29), QTime(22, 0), Qt::UTC), 23 },
        { QDate(2026, 10, 25), QDateTime(QDate(2026, 10, 24), QTime(22, 0), Qt::UTC), QDateTime(QDate(2026, 10, 25), QTime(23, 0), Qt::UTC), 25 },
    };
    int n = 0;
    for (const Bound &bound : bounds) {
        for (const QDateTime &edge : { bound.since, bound.until }) {
            for (int offset : { -1, 0 }) {
                OrderRecord order = seedOrder(QStringLiteral("AMS-%1").arg(n++), edge.addSecs(offset), 1'000, PaymentState::Charged,
                                              QStringLiteral("cmcom"), QStringLiteral("GOOGLEPAY"));
                order.amount = Money::fromMinorUnits(1'000, Currency::fromCode(QStringLiteral("EUR")).value()).value();
                QVERIFY(insert(*ledger, order).ok());
            }
        }
    }
    for (const Bound &bound : bounds) {
        const ZReport report = ZReport::build(*ledger, bound.day, amsterdam).value();
        QCOMPARE(report.sinceUtc(), bound.since);
        QCOMPARE(report.untilUtc(), bound.until);
        QCOMPARE(report.sinceUtc().secsTo(report.untilUtc()), bound.hours * 3600);
        // In: the sale at the first second and the one a second before the end.
        QCOMPARE(report.orderCount(), qint64(2));
        QCOMPARE(report.currency(), QStringLiteral("EUR"));
        QCOMPARE(report.chargedMinorUnits(), qint64(2'000));
    }
}

void tst_ZReport::storeZoneFromSetting()
{
    const QTimeZone utc(QByteArrayLiteral("UTC"));
    QCOMPARE(ZReport::storeZone(QStringLiteral("Asia/Kolkata"), utc).id(), QByteArrayLiteral("Asia/Kolkata"));
    QCOMPARE(ZReport::storeZone(QStringLiteral(" Europe/Amsterdam "), utc).id(), QByteArrayLiteral("Europe/Amsterdam"));
    // Empty: the zone the caller falls back on (the system's by default).
    QCOMPARE(ZReport::storeZone(QString(), utc), utc);
    QCOMPARE(ZReport::storeZone(QStringLiteral("Mars/Olympus"), utc), utc);
    QCOMPARE(ZReport::storeZone(QString()), QTimeZone::systemTimeZone());
}

QTEST_GUILESS_MAIN(tst_ZReport)
#include "tst_ZReport.moc"
