#include "storage/LedgerInspector.h"

#include "storage/LedgerPlace.h"
#include "storage/LedgerSchema.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QtEndian>

#include <optional>

namespace {

QString untouched()
{
    return QStringLiteral(" The file was left untouched; move it aside or choose another ledger with --db.");
}

// SQLite's header records the database size in pages (offset 28), valid when the change
// counter (offset 24) equals the version-valid-for number (offset 92). A main file shorter than
// that lost its tail. With a write-ahead log or a rollback journal beside it, a checkpoint or a
// commit may have been cut short and SQLite will repair the file from it, so the test is made
// only without either.
std::optional<Error> truncation(const QString &path, const QByteArray &header)
{
    for (const QString &suffix : { QStringLiteral("-wal"), QStringLiteral("-journal") }) {
        const QFileInfo beside(path + suffix);
        if (beside.exists() && beside.size() > 0)
            return std::nullopt;
    }
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint32 rawPageSize = qFromBigEndian<quint16>(bytes + 16);
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pages = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    if (pages == 0 || changeCounter != validFor || pageSize < 512)
        return std::nullopt;
    const qint64 expected = qint64(pages) * pageSize;
    const qint64 actual = QFileInfo(path).size();
    if (actual >= expected)
        return std::nullopt;
    return Error::make("damaged", QStringLiteral("The ledger '%1' is damaged: it is cut short (%2 of %3 bytes).")
                                        .arg(path)
                                        .arg(actual)
                                        .arg(expected) + untouched());
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("counterpay.ledger.inspect.%1").arg(counter.fetchAndAddRelaxed(1));
}

VoidResult inspectOpen(QSqlDatabase &db, const QString &path, bool scanAllPages)
{
    QSqlQuery query(db);
    if (scanAllPages) {
        if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
            return Error::make("damaged", QStringLiteral("The ledger '%1' is damaged (%2).")
                                                .arg(path, query.lastError().text()) + untouched());
        }
        if (const QString result = query.value(0).toString(); result != QLatin1String("ok")) {
            return Error::make("damaged", QStringLiteral("The ledger '%1' is damaged (SQLite reports: %2).")
                                                .arg(path, result.left(200)) + untouched());
        }
        query.finish();
    }
    // Asked of SQLite, not read from the file's header: in WAL mode a fresh ledger's id sits in
    // the write-ahead log until the next checkpoint.
    quint32 applicationId = 0;
    if (query.exec(QStringLiteral("PRAGMA application_id")) && query.next())
        applicationId = quint32(query.value(0).toLongLong());
    if (applicationId != LedgerSchema::kApplicationId) {
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
            return Error::make("damaged", QStringLiteral("The ledger '%1' is damaged (%2).")
                                                .arg(path, query.lastError().text()) + untouched());
        }
        if (query.value(0).toInt() > 0) {
            return Error::make("foreign_database", QStringLiteral("'%1' is an SQLite database of another "
                                                                "program, not a CounterPay ledger.").arg(path) + untouched());
        }
    }
    // Text is read back as UTF-8 bytes (OrderQuery); every ledger CounterPay creates is UTF-8.
    if (query.exec(QStringLiteral("PRAGMA encoding")) && query.next() && query.value(0).toString() != QLatin1String("UTF-8")) {
        return Error::make("foreign_database", QStringLiteral("'%1' stores text as %2; a CounterPay ledger is UTF-8.")
                                                     .arg(path, query.value(0).toString().left(12)) + untouched());
    }
    query.finish();
    const Result<int> version = LedgerSchema::version(db);
    if (!version) {
        return Error::make("damaged", QStringLiteral("The ledger '%1' is damaged (%2).")
                                            .arg(path, version.errorMessage()) + untouched());
    }
    if (version.value() > LedgerSchema::kCurrentVersion) {
        return Error::make("newer_schema", QStringLiteral("The ledger '%1' was written by a newer CounterPay "
                                                        "(schema %2; this build knows up to %3). Install "
                                                        "the newer version; the file was left untouched.")
                                                 .arg(path)
                                                 .arg(version.value())
                                                 .arg(LedgerSchema::kCurrentVersion));
    }
    return ok();
}

} // namespace

Result<QByteArray> LedgerInspector::sampleSealedPhone(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || info.size() == 0)
        return QByteArray();
    const QString name = nextConnectionName();
    Result<QByteArray> sample = QByteArray();
    {
        // Immutable: SQLite reads the file as it is and makes no -wal or -shm beside it (a
        // read-only connection to a WAL ledger would), so a refusal leaves the folder as it was.
        // What a crash left in the write-ahead log is not seen; the key check is about the
        // sealed numbers already in the file.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded)
                           + QStringLiteral("?mode=ro&immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        if (!db.open()) {
            sample = Error { QStringLiteral("unreadable"),
                             QStringLiteral("Cannot open the ledger '%1': %2").arg(path, db.lastError().text()) };
        } else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT phone_sealed FROM orders WHERE phone_sealed IS NOT NULL "
                                          "AND length(phone_sealed) > 0 LIMIT 1"))
                && query.next())
                sample = query.value(0).toByteArray();
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return sample;
}

VoidResult LedgerInspector::inspect(const QString &path, bool scanAllPages)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make("unreadable", QStringLiteral("Cannot read the ledger '%1': %2").arg(path, file.errorString()));
    const QByteArray header = file.read(100);
    file.close();
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        return Error::make("not_a_ledger", QStringLiteral("'%1' is not a CounterPay ledger: it is not an SQLite "
                                                        "database.").arg(path) + untouched());
    }
    if (std::optional<Error> cut = truncation(path, header))
        return *cut;

    const QString name = nextConnectionName();
    VoidResult verdict = ok();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            verdict = Error { QStringLiteral("unreadable"),
                              QStringLiteral("Cannot open the ledger '%1': %2").arg(path, db.lastError().text()) };
        } else {
            verdict = inspectOpen(db, path, scanAllPages);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    // SQLite could not read the file where it lies: a full or read-only disk says "disk I/O
    // error" or "unable to open database file", which is not damage. Only a file SQLite read
    // and found wrong (quick_check, a cut-short file) is called damaged without this check.
    if (!verdict && (verdict.errorCode() == QLatin1String("unreadable") || verdict.errorCode() == QLatin1String("damaged"))
        && !verdict.errorMessage().contains(QLatin1String("SQLite reports"))) {
        if (std::optional<Error> place = LedgerPlace::problem(path))
            return *place;
    }
    return verdict;
}
