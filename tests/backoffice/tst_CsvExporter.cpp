// CSV export round trip over a real SQLite ledger, the strict RFC 4180 reader, and a failed
// export that leaves nothing behind.
#include "LedgerSeed.h"
#include "backoffice/CsvExporter.h"
#include "storage/SqliteLedger.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

const QDateTime kStart(QDate(2026, 3, 10), QTime(4, 0), Qt::UTC);

// Notes that CSV has to carry exactly.
const QStringList kNotes {
    QString(),
    QStringLiteral("plain"),
    QStringLiteral("comma, inside"),
    QStringLiteral("quote \"here\" and \"\""),
    QStringLiteral("line one\nline two"),
    QStringLiteral("crlf\r\nin the middle"),
    QStringLiteral("\u0917\u094D\u0930\u093E\u0939\u0915 \u0928\u0947 \u092D\u0941\u0917\u0924\u093E\u0928 \u0915\u093F\u092F\u093E, \u0927\u0928\u094D\u092F\u0935\u093E\u0926"),
    QStringLiteral("emoji \U0001F389\U0001F4B8 \u20B9"),
    QStringLiteral("  spaces kept  "),
    QStringLiteral("\"starts with a quote"),
    QStringLiteral("trailing comma,"),
};

// Amounts as decimal strings, written out independently of Money.
QString rupees(qint64 minor)
{
    return QStringLiteral("%1.%2").arg(minor / 100).arg(minor % 100, 2, 10, QLatin1Char('0'));
}

// Forwards to a real ledger, but findOrders fails from the Nth call on (a disk that goes away
// mid-export).
class FailingLedger final : public Ledger
{
public:
    FailingLedger(Ledger &inner, int failFromCall) : m_inner(inner), m_failFrom(failFromCall) { }
    QString location() const override { return m_inner.location(); }
    VoidResult insertOrder(const OrderRecord &o, const OrderEvent &e) override { return m_inner.insertOrder(o, e); }
    VoidResult updateOrder(const OrderRecord &o, PaymentState s, const OrderEvent &e) override { return m_inner.updateOrder(o, s, e); }
    VoidResult appendEvent(const OrderEvent &e) override { return m_inner.appendEvent(e); }
    Result<std::optional<OrderRecord>> findOrder(const QString &id, PhoneAccess a) override { return m_inner.findOrder(id, a); }
    Result<QList<OrderRecord>> openOrders() override { return m_inner.openOrders(); }
    Result<QList<OrderRecord>> findOrders(const OrderFilter &filter) override
    {
        if (++m_calls >= m_failFrom)
            return Result<QList<OrderRecord>>::failure(QStringLiteral("read_failed"), QStringLiteral("disk I/O error"));
        return m_inner.findOrders(filter);
    }
    Result<qint64> countOrders(const OrderFilter &f) override { return m_inner.countOrders(f); }
    Result<QList<OrderEvent>> events(const QString &id) override { return m_inner.events(id); }
    VoidResult insertRefund(const RefundRecord &r, const OrderEvent &e) override { return m_inner.insertRefund(r, e); }
    VoidResult updateRefund(const RefundRecord &r, const OrderEvent &e) override { return m_inner.updateRefund(r, e); }
    Result<QList<RefundRecord>> refunds(const QString &id) override { return m_inner.refunds(id); }
    VoidResult appendAudit(const AuditEntry &a) override { return m_inner.appendAudit(a); }
    Result<QList<AuditEntry>> auditLog(const QDateTime &s, int l) override { return m_inner.auditLog(s, l); }
    Result<QList<SalesTotalsRow>> salesTotals(const OrderFilter &f) override { return m_inner.salesTotals(f); }
    Result<QList<RefundTotalsRow>> refundTotals(const QDateTime &s, const QDateTime &u) override { return m_inner.refundTotals(s, u); }
    Result<QList<SalesBucket>> salesBuckets(const QDateTime &s, const QDateTime &u, int b, int o) override
    {
        return m_inner.salesBuckets(s, u, b, o);
    }
    VoidResult checkIntegrity() override { return m_inner.checkIntegrity(); }

private:
    Ledger &m_inner;
    int m_failFrom;
    int m_calls = 0;
};

} // namespace

class tst_CsvExporter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTrip();
    void wholeLedgerAcrossPages();
    void formulasStayText();
    void failedExportLeavesNothing();
    void unwritablePath();
    void reader_data();
    void reader();

private:
    QList<OrderRecord> seed();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteLedger> m_ledger;
};

void tst_CsvExporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ledger = SqliteLedger::open(m_dir->filePath(QStringLiteral("ledger.sqlite")),
                                  PhoneVault::fromKey(QByteArray(32, 'k')).value())
                       .value();
}

QList<OrderRecord> tst_CsvExporter::seed()
{
    const QList<PaymentState> states { PaymentState::Charged, PaymentState::Failed, PaymentState::Unknown,
                                       PaymentState::PartiallyRefunded, PaymentState::Expired };
    QList<OrderRecord> orders;
    for (int i = 0; i < 33; ++i) {
        // Every third order shares its millisecond with the one before: the keyset must break ties.
        const QDateTime at = kStart.addSecs(i * 600).addMSecs(i % 3 == 2 ? -600'000 + 0 : 0);
        OrderRecord order = seedOrder(QStringLiteral("T01-%1").arg(i, 4, 10, QLatin1Char('0')), at, 100 + i * 1999,
                                      states.at(i % states.size()), i % 2 ? QStringLiteral("juspay-cred") : QStringLiteral("juspay-gpay"),
                                      i % 2 ? QStringLiteral("CRED") : QStringLiteral("GOOGLEPAY"));
        order.note = kNotes.at(i % kNotes.size());
        order.cashier = i % 4 == 0 ? QStringLiteral("\u0905\u0928\u093F\u0932, senior") : QStringLiteral("asha");
        order.txnId = QStringLiteral("txn_%1").arg(i);
        order.providerReference = i % 5 == 0 ? QStringLiteral("ref,%1").arg(i) : QString();
        order.upiRrn = QStringLiteral("4%1").arg(i, 11, 10, QLatin1Char('0'));
        order.providerStatus = order.state == PaymentState::Charged ? QStringLiteral("CHARGED") : QStringLiteral("PENDING_VBV");
        order.refundedMinorUnits = order.state == PaymentState::PartiallyRefunded ? 50 : 0;
        order.updatedAt = at.addSecs(30);
        if (!insert(*m_ledger, order).ok())
            return {};
        orders.append(order);
    }
    return orders;
}

void tst_CsvExporter::roundTrip()
{
    const QList<OrderRecord> seeded = seed();
    QCOMPARE(seeded.size(), 33);
    OrderFilter filter;
    filter.since = kStart.addSecs(3 * 600);
    filter.until = kStart.addSecs(29 * 600);
    filter.states = { PaymentState::Charged, PaymentState::Unknown, PaymentState::PartiallyRefunded };
    filter.limit = 5; // the view's page size; the export takes the whole filtered view

    QList<OrderRecord> expected;
    for (const OrderRecord &order : seeded) {
        if (order.createdAt >= filter.since && order.createdAt < filter.until && filter.states.contains(order.state))
            expected.append(order);
    }
    std::sort(expected.begin(), expected.end(), [](const OrderRecord &a, const OrderRecord &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.orderId > b.orderId;
    });
    QVERIFY(expected.size() > 10);

    const QString path = m_dir->filePath(QStringLiteral("sales.csv"));
    const Result<qint64> written = CsvExporter::write(*m_ledger, filter, path, 4);
    QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
    QCOMPARE(written.value(), qint64(expected.size()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF")); // no BOM
    QVERIFY(bytes.startsWith("order_id,created_at,updated_at,terminal,cashier,provider,method,state,amount,currency,"
                             "refunded,phone_last4,provider_status,txn_id,provider_reference,upi_rrn,verified,note\r\n"));
    QVERIFY(bytes.endsWith("\r\n"));
    QVERIFY(bytes.contains(QStringLiteral("\u0905\u0928\u093F\u0932, senior").toUtf8())); // UTF-8 as is
    QVERIFY(!bytes.contains("+919876543210"));
    QVERIFY(!bytes.contains("9876543210"));

    const Result<QList<QStringList>> parsed = CsvExporter::read(bytes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const QList<QStringList> rows = parsed.value();
    QCOMPARE(rows.size(), expected.size() + 1);
    QCOMPARE(rows.first(), CsvExporter::header());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const OrderRecord &order = expected.at(i);
        const QStringList &row = rows.at(i + 1);
        QCOMPARE(row.size(), 18);
        QCOMPARE(row.at(0), order.orderId);
        QCOMPARE(row.at(1), order.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
        QCOMPARE(row.at(2), order.updatedAt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
        QCOMPARE(row.at(3), QStringLiteral("T01"));
        QCOMPARE(row.at(4), order.cashier);
        QCOMPARE(row.at(5), order.provider);
        QCOMPARE(row.at(6), order.method);
        QCOMPARE(row.at(7), PaymentStates::name(order.state));
        QCOMPARE(row.at(8), rupees(order.amount.minorUnits()));
        QCOMPARE(row.at(9), QStringLiteral("INR"));
        QCOMPARE(row.at(10), rupees(order.refundedMinorUnits));
        QCOMPARE(row.at(11), QStringLiteral("3210"));
        QCOMPARE(row.at(12), order.providerStatus);
        QCOMPARE(row.at(13), order.txnId);
        QCOMPARE(row.at(14), order.providerReference);
        QCOMPARE(row.at(15), order.upiRrn);
        QCOMPARE(row.at(16), order.verified ? QStringLiteral("yes") : QStringLiteral("no"));
        QCOMPARE(row.at(17), order.note);
    }
    // Every note kind made the trip at least once.
    QSet<QString> notes;
    for (qsizetype i = 1; i < rows.size(); ++i)
        notes.insert(rows.at(i).at(17));
    QVERIFY(notes.contains(QStringLiteral("crlf\r\nin the middle")));
    QVERIFY(notes.contains(kNotes.at(6))); // Hindi
}

void tst_CsvExporter::wholeLedgerAcrossPages()
{
    const QList<OrderRecord> seeded = seed();
    const QString path = m_dir->filePath(QStringLiteral("all.csv"));
    for (int pageSize : { 1, 3, 11, 33, 1000 }) {
        QCOMPARE(CsvExporter::write(*m_ledger, OrderFilter(), path, pageSize).value(), qint64(seeded.size()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = CsvExporter::parse(file.readAll());
        QCOMPARE(rows.size(), seeded.size() + 1);
        QSet<QString> ids;
        for (qsizetype i = 1; i < rows.size(); ++i)
            ids.insert(rows.at(i).at(0));
        QCOMPARE(ids.size(), seeded.size()); // none twice, none missed at page boundaries with equal times
    }
}

void tst_CsvExporter::formulasStayText()
{
    OrderRecord order = seedOrder(QStringLiteral("T01-F"), kStart, 14950, PaymentState::Charged);
    order.note = QStringLiteral("=HYPERLINK(\"http://evil\",\"x\")");
    order.cashier = QStringLiteral("@admin");
    QVERIFY(insert(*m_ledger, order).ok());
    const QString path = m_dir->filePath(QStringLiteral("f.csv"));
    QVERIFY(CsvExporter::write(*m_ledger, OrderFilter(), path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = CsvExporter::parse(file.readAll());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).at(17), QStringLiteral("'=HYPERLINK(\"http://evil\",\"x\")"));
    QCOMPARE(rows.at(1).at(4), QStringLiteral("'@admin"));
    QCOMPARE(rows.at(1).at(8), QStringLiteral("149.50"));
}

void tst_CsvExporter::failedExportLeavesNothing()
{
    seed();
    const QString path = m_dir->filePath(QStringLiteral("out.csv"));
    {
        QFile previous(path);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("yesterday's export\r\n");
    }
    const QStringList before = QDir(m_dir->path()).entryList(QDir::Files);
    FailingLedger failing(*m_ledger, 3); // the third page fails
    const Result<qint64> written = CsvExporter::write(failing, OrderFilter(), path, 5);
    QCOMPARE(written.errorCode(), QStringLiteral("read_failed"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("yesterday's export\r\n")); // untouched
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), before);  // no temporary left behind

    const QString fresh = m_dir->filePath(QStringLiteral("fresh.csv"));
    FailingLedger failingAtOnce(*m_ledger, 1);
    QVERIFY(!CsvExporter::write(failingAtOnce, OrderFilter(), fresh).ok());
    QVERIFY(!QFile::exists(fresh));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), before);
}

void tst_CsvExporter::unwritablePath()
{
    seed();
    // A folder that does not exist, and a "folder" that is a file (root ignores permissions,
    // so a read-only folder would not fail here).
    const QString missing = m_dir->filePath(QStringLiteral("no/such/folder/out.csv"));
    QCOMPARE(CsvExporter::write(*m_ledger, OrderFilter(), missing).errorCode(), QStringLiteral("export_unwritable"));
    QVERIFY(!QFile::exists(missing));
    const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const Result<qint64> underFile = CsvExporter::write(*m_ledger, OrderFilter(), blocker + QStringLiteral("/out.csv"));
    QCOMPARE(underFile.errorCode(), QStringLiteral("export_unwritable"));
    QVERIFY(underFile.errorMessage().contains(QLatin1String("out.csv")));
    QCOMPARE(CsvExporter::write(*m_ledger, OrderFilter(), m_dir->path()).errorCode(), QStringLiteral("export_unwritable"));
}

void tst_CsvExporter::reader_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("records");  // -1: malformed
    QTest::addColumn<QString>("lastField");
    QTest::newRow("empty") << QByteArray() << 0 << QString();
    QTest::newRow("one field") << QByteArray("a\r\n") << 1 << QStringLiteral("a");
    QTest::newRow("no final crlf") << QByteArray("a,b\r\nc,d") << 2 << QStringLiteral("d");
    QTest::newRow("empty fields") << QByteArray(",,\r\n,,\r\n") << 2 << QString();
    QTest::newRow("quoted comma") << QByteArray("\"a,b\"\r\n") << 1 << QStringLiteral("a,b");
    QTest::newRow("doubled quote") << QByteArray("\"say \"\"hi\"\"\"\r\n") << 1 << QStringLiteral("say \"hi\"");
    QTest::newRow("quoted crlf") << QByteArray("\"x\r\ny\"\r\n") << 1 << QStringLiteral("x\r\ny");
    QTest::newRow("quoted empty") << QByteArray("\"\"\r\n") << 1 << QString();
    QTest::newRow("utf8") << QByteArray("\xE0\xA4\xA8,\xF0\x9F\x8E\x89\r\n") << 1 << QStringLiteral("\U0001F389");
    QTest::newRow("bare LF") << QByteArray("a\nb\r\n") << -1 << QString();
    QTest::newRow("bare CR") << QByteArray("a\rb\r\n") << -1 << QString();
    QTest::newRow("quote in unquoted") << QByteArray("a\"b\r\n") << -1 << QString();
    QTest::newRow("text after quote") << QByteArray("\"a\"b\r\n") << -1 << QString();
    QTest::newRow("unclosed quote") << QByteArray("\"abc\r\n") << -1 << QString();
    QTest::newRow("ragged") << QByteArray("a,b\r\nc\r\n") << -1 << QString();
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" "a\r\n") << -1 << QString();
    QTest::newRow("bad utf8") << QByteArray("a\xC3\x28\r\n") << -1 << QString();
    QTest::newRow("blank line") << QByteArray("a,b\r\n\r\n") << -1 << QString();
}

void tst_CsvExporter::reader()
{
    QFETCH(QByteArray, data);
    QFETCH(int, records);
    QFETCH(QString, lastField);
    const Result<QList<QStringList>> parsed = CsvExporter::read(data);
    if (records < 0) {
        QCOMPARE(parsed.errorCode(), QStringLiteral("csv_malformed"));
        QVERIFY(parsed.errorMessage().startsWith(QLatin1String("CSV record ")));
        QCOMPARE(CsvExporter::parse(data), QList<QStringList>());
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->size(), records);
    if (records > 0)
        QCOMPARE(parsed->last().last(), lastField);
    // What the writer writes, the reader reads back.
    for (const QStringList &record : parsed.value())
        QCOMPARE(CsvExporter::read(CsvExporter::encodeRecord(record)).value().first(), record);
}

QTEST_GUILESS_MAIN(tst_CsvExporter)
#include "tst_CsvExporter.moc"
