// The ledger refuses files it must not trust and never writes to them.
#include "storage/LedgerSchema.h"
#include "storage/SqliteLedger.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
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

QByteArray digestOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

void rawSql(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString &sql : statements)
            QVERIFY2(query.exec(sql), qPrintable(sql));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

// A real ledger with enough rows to span many pages, closed and checkpointed.
void writeLedger(const QString &path, int rows)
{
    auto ledger = SqliteLedger::open(path, vault()).value();
    for (int i = 0; i < rows; ++i) {
        OrderRecord order;
        order.orderId = QStringLiteral("T01R%1").arg(i);
        order.terminal = QStringLiteral("T01");
        order.provider = QStringLiteral("juspay-gpay");
        order.amount = Money::fromMinorUnits(100 + i, Currency::inr()).value();
        order.phoneLast4 = QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
        order.note = QString(200, QLatin1Char('n'));
        OrderEvent event;
        event.orderId = order.orderId;
        event.kind = QStringLiteral("created");
        QVERIFY_OK(ledger->insertOrder(order, event));
    }
    ledger.reset();
    rawSql(path, { QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), QStringLiteral("PRAGMA journal_mode = DELETE") });
}

// Written once per size through the real API (one fsync'd transaction per order, slow on a
// busy disk), then copied for each test that needs one.
void makeLedger(const QString &path, int rows)
{
    static QTemporaryDir templates;
    const QString original = templates.filePath(QStringLiteral("ledger-%1.sqlite").arg(rows));
    if (!QFile::exists(original))
        writeLedger(original, rows);
    QVERIFY(QFile::copy(original, path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
}

void scribble(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.size() > 8 * 4096);
    // Over the middle of the file (B-tree pages), as a failing disk might.
    QVERIFY(file.seek(file.size() / 2));
    file.write(QByteArray(3 * 4096, '\xA5'));
}

// A schema-1 ledger from the fixture: the v1 migration's statements and a few rows.
void makeVersion1(const QString &path)
{
    QFile fixture(QStringLiteral(COUNTERPAY_TEST_DATA_DIR "/storage/ledger-v1.sql"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QStringList statements;
    for (const QString &chunk : QString::fromUtf8(fixture.readAll()).split(QStringLiteral(";\n"))) {
        QStringList lines;
        for (const QString &line : chunk.split(u'\n')) {
            if (!line.startsWith(QStringLiteral("--")))
                lines.append(line);
        }
        if (!lines.join(u'\n').trimmed().isEmpty())
            statements.append(lines.join(u'\n'));
    }
    QVERIFY(statements.size() > 20);
    rawSql(path, statements);
}

int rawInt(const QString &path, const QString &sql)
{
    int value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rawint"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rawint"));
    return value;
}

} // namespace

class tst_LedgerFiles : public QObject
{
    Q_OBJECT

private slots:
    void emptyFileBecomesALedger();
    void refusesTextFile();
    void refusesForeignSqlite();
    void refusesDamagedLedger();
    void refusesNewerSchema();
    void refusesDirectory();
    void bigLedgerOpensWithoutReadingEveryPage();
    void checkIntegrityFindsDamageOnDemand();
    void refusesCutShortLedger();
    void migratesVersion1();
    void refusesVersion3Untouched();
    void refusesUtf16Database();
};

void tst_LedgerFiles::emptyFileBecomesALedger()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    writeFile(path, QByteArray());
    auto ledger = SqliteLedger::open(path, vault());
    QVERIFY2(ledger.ok(), qPrintable(ledger.errorMessage()));
}

void tst_LedgerFiles::refusesTextFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    writeFile(path, QByteArray("shopping list: milk, eggs\n").repeated(10));
    const QByteArray before = digestOf(path);
    auto ledger = SqliteLedger::open(path, vault());
    QCOMPARE(ledger.errorCode(), QStringLiteral("not_a_ledger"));
    QVERIFY(ledger.errorMessage().contains(QStringLiteral("not an SQLite database")));
    QVERIFY(ledger.errorMessage().contains(QStringLiteral("left untouched")));
    QCOMPARE(digestOf(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("notes.txt") });
}

void tst_LedgerFiles::refusesForeignSqlite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    rawSql(path, { QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"),
                   QStringLiteral("INSERT INTO customers (name) VALUES ('Ravi')") });
    const QByteArray before = digestOf(path);
    auto ledger = SqliteLedger::open(path, vault());
    QCOMPARE(ledger.errorCode(), QStringLiteral("foreign_database"));
    QVERIFY(ledger.errorMessage().contains(QStringLiteral("another program")));
    QCOMPARE(digestOf(path), before);
}

void tst_LedgerFiles::refusesDamagedLedger()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    makeLedger(path, 300);
    scribble(path);
    const QByteArray before = digestOf(path);

    auto ledger = SqliteLedger::open(path, vault());
    QCOMPARE(ledger.errorCode(), QStringLiteral("damaged"));
    QVERIFY(ledger.errorMessage().contains(QStringLiteral("damaged")));
    QVERIFY(ledger.errorMessage().contains(QStringLiteral("left untouched")));
    QCOMPARE(digestOf(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || QFile(path + QStringLiteral("-wal")).size() == 0);
}

void tst_LedgerFiles::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    makeLedger(path, 3);
    rawSql(path, { QStringLiteral("UPDATE schema_version SET version = 99") });
    const QByteArray before = digestOf(path);
    auto ledger = SqliteLedger::open(path, vault());
    QCOMPARE(ledger.errorCode(), QStringLiteral("newer_schema"));
    QVERIFY(ledger.errorMessage().contains(QStringLiteral("schema 99")));
    QCOMPARE(digestOf(path), before);
}

void tst_LedgerFiles::refusesDirectory()
{
    QTemporaryDir dir;
    auto ledger = SqliteLedger::open(dir.path(), vault());
    QCOMPARE(ledger.errorCode(), QStringLiteral("not_a_file"));
}

// Reading every page costs seconds at a million orders, so open() does it only up to a size;
// beyond it, damage in the middle of the file is not seen at open (the cheap checks pass) and
// is found by checkIntegrity(). This test pins that trade-off down.
void tst_LedgerFiles::bigLedgerOpensWithoutReadingEveryPage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    makeLedger(path, 300); // big enough that the middle holds order pages, not the schema
    scribble(path);
    SqliteLedger::Options big;
    big.quickCheckMaxBytes = QFileInfo(path).size() - 1; // as if the file were past the limit
    auto ledger = SqliteLedger::open(path, vault(), big);
    QVERIFY2(ledger.ok(), qPrintable(ledger.errorMessage()));
    QCOMPARE(ledger.value()->checkIntegrity().errorCode(), QStringLiteral("damaged"));

    SqliteLedger::Options small;
    small.quickCheckMaxBytes = QFileInfo(path).size();
    ledger.value().reset();
    QCOMPARE(SqliteLedger::open(path, vault(), small).errorCode(), QStringLiteral("damaged"));
}

void tst_LedgerFiles::checkIntegrityFindsDamageOnDemand()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    makeLedger(path, 300); // big enough that the middle holds order pages, not the schema
    {
        auto ledger = SqliteLedger::open(path, vault());
        QVERIFY2(ledger.ok(), qPrintable(ledger.errorMessage()));
        QVERIFY_OK(ledger.value()->checkIntegrity());
    }
    rawSql(path, { QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), QStringLiteral("PRAGMA journal_mode = DELETE") });
    scribble(path);
    SqliteLedger::Options noScan;
    noScan.verifyIntegrity = false;
    auto ledger = SqliteLedger::open(path, vault(), noScan);
    QVERIFY2(ledger.ok(), qPrintable(ledger.errorMessage()));
    const VoidResult verdict = ledger.value()->checkIntegrity();
    QCOMPARE(verdict.errorCode(), QStringLiteral("damaged"));
    QVERIFY(verdict.errorMessage().contains(path));
}

void tst_LedgerFiles::refusesCutShortLedger()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    makeLedger(path, 150);
    QFile file(path);
    QVERIFY(file.resize(file.size() * 6 / 10 / 4096 * 4096)); // a copy that stopped early
    const QByteArray before = digestOf(path);
    SqliteLedger::Options noScan;
    noScan.verifyIntegrity = false; // found by the cheap checks alone
    auto ledger = SqliteLedger::open(path, vault(), noScan);
    QCOMPARE(ledger.errorCode(), QStringLiteral("damaged"));
    QVERIFY2(ledger.errorMessage().contains(QStringLiteral("cut short")), qPrintable(ledger.errorMessage()));
    QVERIFY(ledger.errorMessage().contains(QStringLiteral("left untouched")));
    QCOMPARE(digestOf(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void tst_LedgerFiles::migratesVersion1()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    makeVersion1(path);
    QCOMPARE(rawInt(path, QStringLiteral("SELECT version FROM schema_version")), 1);
    QCOMPARE(rawInt(path, QStringLiteral("SELECT count(*) FROM pragma_index_info('orders_by_created')")), 1);
    {
        auto opened = SqliteLedger::open(path, vault());
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        SqliteLedger &ledger = *opened.value();
        // The old rows read through the new queries.
        OrderFilter filter;
        QCOMPARE(ledger.countOrders(filter).value(), 3);
        const QList<OrderRecord> orders = ledger.findOrders(filter).value();
        QCOMPARE(orders.size(), 3);
        QCOMPARE(orders.at(0).orderId, QStringLiteral("T01V1UNKNOWN"));   // newest
        QCOMPARE(orders.at(1).orderId, QStringLiteral("T01V1REFUNDED")); // same ms as the next: by id, descending
        QCOMPARE(orders.at(2).orderId, QStringLiteral("T01V1CHARGED"));
        filter.search = QStringLiteral("612345678901");
        QCOMPARE(ledger.findOrders(filter)->size(), 1);
        QCOMPARE(ledger.events(QStringLiteral("T01V1CHARGED"))->size(), 1);
        QCOMPARE(ledger.auditLog(QDateTime(), 10)->size(), 1);
        const QList<RefundTotalsRow> refunds = ledger.refundTotals(QDateTime(), QDateTime()).value();
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds.first().provider, QStringLiteral("cmcom"));
        QCOMPARE(refunds.first().amountMinorUnits, 50000);
        qint64 sold = 0;
        for (const SalesTotalsRow &row : ledger.salesTotals(OrderFilter()).value())
            sold += row.amountMinorUnits;
        QCOMPARE(sold, 14950 + 50000 + 999);
        QVERIFY_OK(ledger.checkIntegrity());
    }
    QCOMPARE(rawInt(path, QStringLiteral("SELECT version FROM schema_version")), LedgerSchema::kCurrentVersion);
    QCOMPARE(rawInt(path, QStringLiteral("SELECT count(*) FROM pragma_index_info('orders_by_created')")), 9);
    QCOMPARE(rawInt(path, QStringLiteral("SELECT count(*) FROM pragma_index_info('orders_by_last4')")), 3);
    QCOMPARE(rawInt(path, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'refunds_by_created'")), 1);
    // The never-delete rules survive the upgrade.
    QCOMPARE(rawInt(path, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")), 6);
}

void tst_LedgerFiles::refusesVersion3Untouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v3.sqlite"));
    makeVersion1(path);
    rawSql(path, { QStringLiteral("UPDATE schema_version SET version = 3") });
    const QByteArray before = digestOf(path);
    auto ledger = SqliteLedger::open(path, vault());
    QCOMPARE(ledger.errorCode(), QStringLiteral("newer_schema"));
    QVERIFY(ledger.errorMessage().contains(QStringLiteral("schema 3")));
    QCOMPARE(digestOf(path), before);
    QCOMPARE(rawInt(path, QStringLiteral("SELECT count(*) FROM pragma_index_info('orders_by_created')")), 1);
}

// The ledger reads text as UTF-8 bytes; a UTF-16 file (never written by CounterPay) is refused
// before anything is read from it as if it were UTF-8.
void tst_LedgerFiles::refusesUtf16Database()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("utf16.sqlite"));
    rawSql(path, { QStringLiteral("PRAGMA encoding = 'UTF-16le'"),
                   QStringLiteral("PRAGMA application_id = %1").arg(LedgerSchema::kApplicationId),
                   QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
                   QStringLiteral("INSERT INTO schema_version (version) VALUES (2)") });
    const QByteArray before = digestOf(path);
    auto ledger = SqliteLedger::open(path, vault());
    QCOMPARE(ledger.errorCode(), QStringLiteral("foreign_database"));
    QVERIFY2(ledger.errorMessage().contains(QStringLiteral("UTF-16le")), qPrintable(ledger.errorMessage()));
    QCOMPARE(digestOf(path), before);
}

QTEST_GUILESS_MAIN(tst_LedgerFiles)
#include "tst_LedgerFiles.moc"
