// The ledger refuses files it must not trust and never writes to them.
#include "storage/SqliteLedger.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
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
void makeLedger(const QString &path, int rows)
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
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.size() > 8 * 4096);
    // Scribble over the middle of the file (B-tree pages), as a failing disk might.
    QVERIFY(file.seek(file.size() / 2));
    file.write(QByteArray(3 * 4096, '\xA5'));
    file.close();
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

QTEST_GUILESS_MAIN(tst_LedgerFiles)
#include "tst_LedgerFiles.moc"
