#include "storage/LedgerSchema.h"
#include "storage/SqliteLedger.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Fails with the ledger's own message, so a broken write says why.
#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const auto result_ = (expr);                                                               \
        QVERIFY2(result_.ok(), qPrintable(result_.errorCode() + u": " + result_.errorMessage()));  \
    } while (false)

namespace {

PhoneVault vault()
{
    return PhoneVault::fromKey(QByteArray(32, 'v')).value();
}

const QDateTime kDay(QDate(2026, 11, 22), QTime(0, 0), Qt::UTC);

OrderRecord sampleOrder(const QString &id, qint64 minor = 14950, int minutesIntoDay = 600)
{
    OrderRecord order;
    order.orderId = id;
    order.terminal = QStringLiteral("T01");
    order.cashier = QStringLiteral("asha");
    order.provider = QStringLiteral("juspay-gpay");
    order.method = QStringLiteral("GOOGLEPAY");
    order.amount = Money::fromMinorUnits(minor, Currency::inr()).value();
    order.phoneE164 = QStringLiteral("+919876543210");
    order.phoneLast4 = QStringLiteral("3210");
    order.createdAt = kDay.addSecs(minutesIntoDay * 60);
    order.updatedAt = order.createdAt;
    return order;
}

OrderEvent makeEvent(const QString &orderId, const char *kind, std::optional<PaymentState> from = {},
                 std::optional<PaymentState> to = {})
{
    OrderEvent e;
    e.orderId = orderId;
    e.at = kDay;
    e.kind = QString::fromLatin1(kind);
    e.fromState = from;
    e.toState = to;
    return e;
}

} // namespace

class tst_SqliteLedger : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void insertAndFind();
    void phoneIsEncryptedOnDisk();
    void duplicateOrderIsRefused();
    void updateIsGuardedByExpectedState();
    void eventsAreAppendOnlyAndNothingIsDeleted();
    void openOrdersAreTheUnfinished();
    void filters_data();
    void filters();
    void refundsAreIdempotent();
    void auditLog();
    void survivesReopen();
    void damagedRowIsReported();
    void nonAsciiTextRoundTrips();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<SqliteLedger> m_ledger;
    QString m_path;
};

void tst_SqliteLedger::init()
{
    m_dir = new QTemporaryDir;
    m_path = m_dir->filePath(QStringLiteral("ledger.sqlite"));
    auto opened = SqliteLedger::open(m_path, vault());
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    m_ledger = std::move(opened).value();
}

void tst_SqliteLedger::cleanup()
{
    m_ledger.reset();
    delete m_dir;
    m_dir = nullptr;
}

void tst_SqliteLedger::insertAndFind()
{
    OrderRecord order = sampleOrder(QStringLiteral("T01AAAA"));
    order.expiresAt = kDay.addSecs(900);
    order.note = QStringLiteral("table 4");
    QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created", {}, PaymentState::Created)));

    const auto masked = m_ledger->findOrder(order.orderId, PhoneAccess::Masked);
    QVERIFY(masked.ok() && masked.value().has_value());
    const OrderRecord &read = *masked.value();
    QCOMPARE(read.amount, order.amount);
    QCOMPARE(read.phoneE164, QString());
    QCOMPARE(read.phoneLast4, QStringLiteral("3210"));
    QCOMPARE(read.state, PaymentState::Created);
    QCOMPARE(read.expiresAt, order.expiresAt);
    QCOMPARE(read.createdAt, order.createdAt);
    QCOMPARE(read.note, order.note);
    QCOMPARE(read.provider, order.provider);

    const auto revealed = m_ledger->findOrder(order.orderId, PhoneAccess::Reveal);
    QCOMPARE(revealed.value()->phoneE164, QStringLiteral("+919876543210"));

    const auto missing = m_ledger->findOrder(QStringLiteral("NOPE"), PhoneAccess::Masked);
    QVERIFY(missing.ok() && !missing.value().has_value());
}

void tst_SqliteLedger::phoneIsEncryptedOnDisk()
{
    OrderRecord order = sampleOrder(QStringLiteral("T01PHONE"));
    QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
    m_ledger.reset();
    for (const QString &suffix : { QString(), QStringLiteral("-wal") }) {
        QFile file(m_path + suffix);
        if (!file.exists())
            continue;
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("T01PHONE")); // the row is there...
        QVERIFY(!bytes.contains("9876543210")); // ...but not the number
        QVERIFY(!bytes.contains("98765"));
    }
}

void tst_SqliteLedger::duplicateOrderIsRefused()
{
    const OrderRecord order = sampleOrder(QStringLiteral("T01DUP"));
    QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
    const VoidResult again = m_ledger->insertOrder(order, makeEvent(order.orderId, "created"));
    QCOMPARE(again.errorCode(), QStringLiteral("duplicate_order"));
    QCOMPARE(m_ledger->countOrders(OrderFilter()).value(), qint64(1));
    QCOMPARE(m_ledger->events(order.orderId)->size(), 1);
}

void tst_SqliteLedger::updateIsGuardedByExpectedState()
{
    OrderRecord order = sampleOrder(QStringLiteral("T01UPD"));
    QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
    order.state = PaymentState::Submitting;
    QVERIFY_OK(m_ledger->updateOrder(order, PaymentState::Created,
                                  makeEvent(order.orderId, "transition", PaymentState::Created, PaymentState::Submitting)));
    order.state = PaymentState::AwaitingCustomer;
    order.txnId = QStringLiteral("TXN1");
    order.authUrl = QStringLiteral("https://example.test/pay");
    QVERIFY_OK(m_ledger->updateOrder(order, PaymentState::Submitting,
                                  makeEvent(order.orderId, "transition", PaymentState::Submitting, PaymentState::AwaitingCustomer)));

    // A second writer that still believes the order is Submitting changes nothing.
    OrderRecord stale = order;
    stale.state = PaymentState::Failed;
    const VoidResult conflict = m_ledger->updateOrder(stale, PaymentState::Submitting,
                                                      makeEvent(order.orderId, "transition"));
    QCOMPARE(conflict.errorCode(), QStringLiteral("conflict"));

    const OrderRecord read = *m_ledger->findOrder(order.orderId, PhoneAccess::Masked).value();
    QCOMPARE(read.state, PaymentState::AwaitingCustomer);
    QCOMPARE(read.txnId, QStringLiteral("TXN1"));
    const QList<OrderEvent> events = m_ledger->events(order.orderId).value();
    QCOMPARE(events.size(), 3); // created + two transitions; the refused one left no trace
    QCOMPARE(events.last().toState, std::optional<PaymentState>(PaymentState::AwaitingCustomer));
    QVERIFY(events.at(1).id < events.at(2).id);
}

void tst_SqliteLedger::eventsAreAppendOnlyAndNothingIsDeleted()
{
    const OrderRecord order = sampleOrder(QStringLiteral("T01AO"));
    QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
    QVERIFY_OK(m_ledger->appendEvent(makeEvent(order.orderId, "note")));

    // Even a direct SQL connection cannot rewrite history.
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(m_path);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(!query.exec(QStringLiteral("UPDATE order_events SET kind = 'x'")));
        QVERIFY(query.lastError().text().contains(QStringLiteral("append-only")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM order_events")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM orders")));
        QVERIFY(query.lastError().text().contains(QStringLiteral("never deleted")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    QCOMPARE(m_ledger->events(order.orderId)->size(), 2);
}

void tst_SqliteLedger::openOrdersAreTheUnfinished()
{
    const PaymentState states[] = { PaymentState::AwaitingCustomer, PaymentState::Charged,
                                     PaymentState::Unknown, PaymentState::Created,
                                     PaymentState::Expired, PaymentState::Submitting };
    int minute = 0;
    for (PaymentState state : states) {
        OrderRecord order = sampleOrder(QStringLiteral("T01S%1").arg(minute), 100, 600 - minute);
        order.state = state;
        QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
        ++minute;
    }
    const QList<OrderRecord> open = m_ledger->openOrders().value();
    QStringList ids;
    for (const OrderRecord &order : open)
        ids.append(order.orderId);
    // Oldest first: T01S5 was created earliest.
    QCOMPARE(ids, QStringLiteral("T01S5 T01S3 T01S2 T01S0").split(u' '));
}

void tst_SqliteLedger::filters_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("all, newest first") << "all" << "O4 O3 O2 O1";
    QTest::newRow("morning only") << "morning" << "O2 O1";
    QTest::newRow("charged") << "charged" << "O3 O1";
    QTest::newRow("provider") << "cmcom" << "O4";
    QTest::newRow("phone last 4") << "last4" << "O2";
    QTest::newRow("search txn id") << "txn" << "O3";
    QTest::newRow("search UPI RRN") << "rrn" << "O1";
    QTest::newRow("amount range") << "amount" << "O3 O2";
    QTest::newRow("last4 and date range") << "last4+date" << "";
    QTest::newRow("page 2") << "page" << "O2";
}

void tst_SqliteLedger::filters()
{
    QFETCH(QString, which);
    QFETCH(QString, expectedText);
    const QStringList expected = expectedText.split(u' ', Qt::SkipEmptyParts);

    struct Seed { const char *id; qint64 minor; int minute; PaymentState state; const char *provider; const char *last4; const char *txn; const char *rrn; };
    const Seed seeds[] = {
        { "O1", 1000, 9 * 60, PaymentState::Charged, "juspay-gpay", "1111", "TX1", "RRN1" },
        { "O2", 5000, 11 * 60, PaymentState::Failed, "juspay-gpay", "2222", "TX2", "" },
        { "O3", 9000, 14 * 60, PaymentState::Charged, "googlepay", "1111", "TX3", "" },
        { "O4", 20000, 16 * 60, PaymentState::Expired, "cmcom", "1111", "TX4", "" },
    };
    for (const Seed &seed : seeds) {
        OrderRecord order = sampleOrder(QString::fromLatin1(seed.id), seed.minor, seed.minute);
        order.state = seed.state;
        order.provider = QString::fromLatin1(seed.provider);
        order.phoneLast4 = QString::fromLatin1(seed.last4);
        order.txnId = QString::fromLatin1(seed.txn);
        order.upiRrn = QString::fromLatin1(seed.rrn);
        QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
    }

    OrderFilter filter;
    if (which == QLatin1String("morning")) {
        filter.since = kDay;
        filter.until = kDay.addSecs(12 * 3600);
    } else if (which == QLatin1String("charged")) {
        filter.states = { PaymentState::Charged };
    } else if (which == QLatin1String("cmcom")) {
        filter.provider = QStringLiteral("cmcom");
    } else if (which == QLatin1String("last4")) {
        filter.phoneLast4 = QStringLiteral("2222");
    } else if (which == QLatin1String("txn")) {
        filter.search = QStringLiteral("TX3");
    } else if (which == QLatin1String("rrn")) {
        filter.search = QStringLiteral("RRN1");
    } else if (which == QLatin1String("amount")) {
        filter.minAmountMinorUnits = 5000;
        filter.maxAmountMinorUnits = 9000;
    } else if (which == QLatin1String("last4+date")) {
        filter.phoneLast4 = QStringLiteral("2222");
        filter.since = kDay.addSecs(12 * 3600);
    } else if (which == QLatin1String("page")) {
        filter.limit = 1;
        filter.offset = 2;
    }

    const QList<OrderRecord> found = m_ledger->findOrders(filter).value();
    QStringList ids;
    for (const OrderRecord &order : found)
        ids.append(order.orderId);
    QCOMPARE(ids, expected);
    if (which != QLatin1String("page"))
        QCOMPARE(m_ledger->countOrders(filter).value(), qint64(expected.size()));
}

void tst_SqliteLedger::refundsAreIdempotent()
{
    const OrderRecord order = sampleOrder(QStringLiteral("T01REF"));
    QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
    RefundRecord refund { QStringLiteral("R-1"), order.orderId, 500, QStringLiteral("INR"),
                          QStringLiteral("requested"), QString(), QStringLiteral("manager"), kDay, kDay };
    QVERIFY_OK(m_ledger->insertRefund(refund, makeEvent(order.orderId, "refund")));
    QCOMPARE(m_ledger->insertRefund(refund, makeEvent(order.orderId, "refund")).errorCode(),
             QStringLiteral("duplicate_refund"));
    refund.state = QStringLiteral("succeeded");
    refund.providerRefundId = QStringLiteral("JRF1");
    QVERIFY_OK(m_ledger->updateRefund(refund, makeEvent(order.orderId, "refund")));
    const QList<RefundRecord> refunds = m_ledger->refunds(order.orderId).value();
    QCOMPARE(refunds.size(), 1);
    QCOMPARE(refunds.first().state, QStringLiteral("succeeded"));
    QCOMPARE(refunds.first().amountMinorUnits, qint64(500));
    RefundRecord ghost = refund;
    ghost.uniqueRequestId = QStringLiteral("R-404");
    QCOMPARE(m_ledger->updateRefund(ghost, makeEvent(order.orderId, "refund")).errorCode(), QStringLiteral("not_found"));
}

void tst_SqliteLedger::auditLog()
{
    QVERIFY_OK(m_ledger->appendAudit({ 0, kDay, QStringLiteral("meera"), QStringLiteral("manager"),
                                    QStringLiteral("refund"), QStringLiteral("T01X"), QStringLiteral("full") }));
    QVERIFY_OK(m_ledger->appendAudit({ 0, kDay.addSecs(60), QStringLiteral("meera"), QStringLiteral("manager"),
                                    QStringLiteral("export"), QString(), QStringLiteral("csv") }));
    const QList<AuditEntry> entries = m_ledger->auditLog(kDay, 10).value();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.first().action, QStringLiteral("export")); // newest first
    QCOMPARE(m_ledger->auditLog(kDay.addSecs(30), 10)->size(), 1);
}

void tst_SqliteLedger::survivesReopen()
{
    const OrderRecord order = sampleOrder(QStringLiteral("T01RE"));
    QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
    m_ledger.reset();
    auto reopened = SqliteLedger::open(m_path, vault());
    QVERIFY2(reopened.ok(), qPrintable(reopened.errorMessage()));
    m_ledger = std::move(reopened).value();
    QVERIFY(m_ledger->findOrder(order.orderId, PhoneAccess::Masked).value().has_value());
    QCOMPARE(m_ledger->integrityCheck().value(), QStringLiteral("ok"));

    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mode"));
    raw.setDatabaseName(m_path);
    QVERIFY(raw.open());
    QSqlQuery query(raw);
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema_version")) && query.next());
    QCOMPARE(query.value(0).toInt(), LedgerSchema::kCurrentVersion);
    query.finish();
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("mode"));
}

void tst_SqliteLedger::damagedRowIsReported()
{
    const OrderRecord order = sampleOrder(QStringLiteral("T01BAD"));
    QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bad"));
        raw.setDatabaseName(m_path);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(QStringLiteral("UPDATE orders SET currency = 'XYZ' WHERE order_id = 'T01BAD'")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bad"));
    const auto found = m_ledger->findOrder(order.orderId, PhoneAccess::Masked);
    QCOMPARE(found.errorCode(), QStringLiteral("damaged_row"));
    QVERIFY(found.errorMessage().contains(QStringLiteral("T01BAD")));
    QVERIFY(found.errorMessage().contains(QStringLiteral("XYZ")));
}

// Text is read back as UTF-8 bytes and decoded by Qt (OrderQuery::orderColumns).
void tst_SqliteLedger::nonAsciiTextRoundTrips()
{
    OrderRecord order = sampleOrder(QStringLiteral("T01UNI"));
    order.cashier = QStringLiteral("\u0905\u0928\u0940\u0924\u093E");                  // Hindi
    order.note = QStringLiteral("\u091F\u0947\u092C\u0932 4 \u2014 \u20B9149.50 \U0001F600"); // and an emoji
    order.providerStatus = QString();                                                   // null stays empty
    QVERIFY_OK(m_ledger->insertOrder(order, makeEvent(order.orderId, "created")));
    const OrderRecord found = m_ledger->findOrder(order.orderId, PhoneAccess::Masked).value().value();
    QCOMPARE(found.cashier, order.cashier);
    QCOMPARE(found.note, order.note);
    QVERIFY(found.providerStatus.isEmpty());
    OrderFilter filter;
    filter.cashier = order.cashier;
    const QList<OrderRecord> listed = m_ledger->findOrders(filter).value();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().note, order.note);
}

QTEST_GUILESS_MAIN(tst_SqliteLedger)
#include "tst_SqliteLedger.moc"
