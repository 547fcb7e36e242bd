#include "HistorySeeder.h"

#include "storage/OrderQuery.h"
#include "storage/SqliteLedger.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

const QString kSeedConnection = QStringLiteral("bench.seed");

struct Provider
{
    const char *name;
    const char *method;
    double share;
    bool juspay;
    bool upi;
};

const Provider kProviders[] = {
    { "juspay-gpay", "GOOGLEPAY", 0.40, true, true },
    { "googlepay", "GOOGLEPAY", 0.18, false, true },
    { "cmcom", "UPI", 0.22, false, true },
    { "juspay-cred", "CRED", 0.12, true, false },
    { "juspay-wallet:GOPAY", "GOPAY", 0.08, true, false },
};

struct Outcome
{
    PaymentState state;
    const char *providerStatus;
    double share;
};

const Outcome kOutcomes[] = {
    { PaymentState::Charged, "CHARGED", 0.830 },
    { PaymentState::Failed, "AUTHORIZATION_FAILED", 0.035 },
    { PaymentState::Declined, "DECLINED", 0.030 },
    { PaymentState::Expired, "EXPIRED", 0.050 },
    { PaymentState::Cancelled, "CANCELLED", 0.030 },
    { PaymentState::Unknown, "PENDING_VBV", 0.003 },
    { PaymentState::Refunded, "CHARGED", 0.010 },
    { PaymentState::PartiallyRefunded, "CHARGED", 0.012 },
};

// Relative weight of each opening hour (09:00 to 22:59 IST): lunch and evening peaks.
const double kHourWeights[] = { 0.4, 0.6, 0.8, 1.3, 1.5, 1.0, 0.7, 0.7, 0.9, 1.3, 1.6, 1.5, 1.0, 0.4 };
const int kOpeningHour = 9;
const int kIstOffsetSeconds = 19800;

const char *const kCashiers[] = { "asha", "ravi", "meena", "arjun", "priya", "kiran" };

template<typename T, size_t N>
const T &pick(const T (&table)[N], double u)
{
    double total = 0;
    for (const T &entry : table)
        total += entry.share;
    double at = u * total;
    for (const T &entry : table) {
        if (at < entry.share)
            return entry;
        at -= entry.share;
    }
    return table[N - 1];
}

QString randomText(QRandomGenerator &random, int length, const char *alphabet)
{
    const int size = int(qstrlen(alphabet));
    QString text(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        text[i] = QLatin1Char(alphabet[random.bounded(size)]);
    return text;
}

const char kAlnum[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const char kDigits[] = "0123456789";

// Order creation times: days weighted (weekends busier, day-to-day noise), hours by the
// table above, uniformly within the hour; sorted, as a real ledger fills.
std::vector<qint64> creationTimes(QRandomGenerator &random, qint64 rows)
{
    const QDateTime firstDay = HistorySeeder::windowEnd().addDays(-HistorySeeder::kDays);
    std::vector<double> dayWeights;
    double dayTotal = 0;
    for (int d = 0; d < HistorySeeder::kDays; ++d) {
        const int weekday = firstDay.addDays(d).toOffsetFromUtc(kIstOffsetSeconds).date().dayOfWeek();
        const double weight = (weekday == 6 ? 1.3 : weekday == 7 ? 1.2 : 1.0) * (0.85 + 0.3 * random.generateDouble());
        dayWeights.push_back(weight);
        dayTotal += weight;
    }
    double hourTotal = 0;
    for (double w : kHourWeights)
        hourTotal += w;

    std::vector<qint64> times;
    times.reserve(size_t(rows));
    for (int d = 0; d < HistorySeeder::kDays; ++d) {
        const qint64 dayRows = (d == HistorySeeder::kDays - 1) ? rows - qint64(times.size())
                                                               : qint64(std::llround(double(rows) * dayWeights[size_t(d)] / dayTotal));
        // Local midnight of this day in UTC ms: the window is aligned to UTC midnight, so the
        // shop's day starts 5 h 30 m earlier in UTC terms.
        const qint64 localMidnight = firstDay.addDays(d).toMSecsSinceEpoch() - qint64(kIstOffsetSeconds) * 1000;
        for (qint64 i = 0; i < dayRows && qint64(times.size()) < rows; ++i) {
            double at = random.generateDouble() * hourTotal;
            int hour = 0;
            while (hour < 13 && at >= kHourWeights[hour]) {
                at -= kHourWeights[hour];
                ++hour;
            }
            const qint64 ms = localMidnight + qint64(kOpeningHour + hour) * 3'600'000 + qint64(random.bounded(3'600'000));
            times.push_back(ms);
        }
    }
    std::sort(times.begin(), times.end());
    return times;
}

bool exec(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    *error = sql.left(60) + u": " + query.lastError().text();
    return false;
}

} // namespace

QDateTime HistorySeeder::windowEnd()
{
    return QDateTime(QDate(2026, 11, 22), QTime(0, 0), QTimeZone::utc());
}

qint64 HistorySeeder::existingRows(const QString &path)
{
    if (!QFileInfo::exists(path))
        return 0;
    qint64 rows = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kSeedConnection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT count(*) FROM orders")) && query.next())
                rows = query.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(kSeedConnection);
    return rows;
}

Result<qint64> HistorySeeder::seed(const QString &path, qint64 rows, quint32 seed)
{
    const PhoneVault vault = PhoneVault::fromKey(QByteArray(PhoneVault::kKeyLength, 'b')).value();
    {
        // The schema, application id and WAL mode exactly as the application creates them.
        auto ledger = SqliteLedger::open(path, vault);
        if (!ledger)
            return ledger.error();
    }
    QRandomGenerator random(seed);
    const std::vector<qint64> times = creationTimes(random, rows);
    const qint64 windowEndMs = windowEnd().toMSecsSinceEpoch();

    QString error;
    qint64 refunds = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kSeedConnection);
        db.setDatabaseName(path);
        if (!db.open())
            return Result<qint64>::failure(QStringLiteral("seed_failed"), db.lastError().text());
        QSqlQuery query(db);
        // Bulk load: no journal work per row, indexes rebuilt once at the end from the exact
        // SQL the migration wrote (read back from sqlite_master).
        QStringList indexes;
        bool good = exec(query, QStringLiteral("PRAGMA journal_mode = DELETE"), &error)
                && exec(query, QStringLiteral("PRAGMA synchronous = OFF"), &error)
                && exec(query, QStringLiteral("PRAGMA cache_size = -400000"), &error)
                && exec(query, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                              "AND tbl_name IN ('orders', 'refunds')"), &error);
        QStringList names;
        while (good && query.next()) {
            names.append(query.value(0).toString());
            indexes.append(query.value(1).toString());
        }
        good = good && exec(query, QStringLiteral("BEGIN"), &error);
        for (const QString &name : std::as_const(names))
            good = good && exec(query, u"DROP INDEX " + name, &error);

        QSqlQuery insert(db);
        insert.prepare(u"INSERT INTO orders (" + OrderQuery::columnNames()
                       + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        QSqlQuery refund(db);
        refund.prepare(QStringLiteral("INSERT INTO refunds (unique_request_id, order_id, amount_minor, currency, state, "
                                      "provider_refund_id, requested_by, created_at, updated_at) "
                                      "VALUES (?, ?, ?, 'INR', ?, ?, 'manager', ?, ?)"));
        const QString empty = QStringLiteral("");
        for (qint64 i = 0; good && i < rows; ++i) {
            const Provider &provider = pick(kProviders, random.generateDouble());
            const Outcome &outcome = pick(kOutcomes, random.generateDouble());
            const int cashier = int(random.bounded(6));
            const QString terminal = QStringLiteral("T0%1").arg(1 + cashier % 3);
            const QString orderId = terminal + randomText(random, 17, kAlnum);
            // Rupees log-uniform from 20 to 5,000 (one sale in fifty up to 50,000); most
            // amounts whole rupees.
            const double top = random.bounded(50) == 0 ? 50000.0 : 5000.0;
            qint64 minor = qint64(std::exp(std::log(20.0) + random.generateDouble() * (std::log(top) - std::log(20.0)))) * 100;
            if (random.bounded(10) < 3)
                minor += random.bounded(100);
            // Four in five sales carry a phone; repeat customers are common (squared draw).
            QString last4 = empty;
            QVariant sealed(QMetaType(QMetaType::QByteArray));
            if (random.bounded(5) != 0) {
                const double u = random.generateDouble();
                const quint64 customer = 1 + quint64(u * u * 120000.0);
                const quint64 national = 6'000'000'000ULL + (customer * 2'654'435'761ULL) % 3'999'999'999ULL;
                const QString e164 = QStringLiteral("+91%1").arg(national);
                last4 = e164.right(4);
                sealed = vault.seal(e164).value();
            }
            const bool paid = outcome.state == PaymentState::Charged || outcome.state == PaymentState::Refunded
                    || outcome.state == PaymentState::PartiallyRefunded;
            const qint64 refunded = outcome.state == PaymentState::Refunded ? minor
                    : outcome.state == PaymentState::PartiallyRefunded ? qMax<qint64>(100, minor * (10 + random.bounded(80)) / 100)
                                                                       : 0;
            const qint64 created = times[size_t(i)];
            const QVariantList values {
                orderId, terminal, QString::fromLatin1(kCashiers[cashier]), QString::fromLatin1(provider.name),
                QString::fromLatin1(provider.method), minor, QStringLiteral("INR"), sealed, last4,
                PaymentStates::name(outcome.state), QString::fromLatin1(outcome.providerStatus),
                provider.juspay ? u"cpdemo-" + orderId + u"-1" : empty,
                provider.juspay ? u"mozj" + randomText(random, 14, kAlnum).toLower() : empty,
                provider.juspay ? empty : randomText(random, 20, kAlnum),
                provider.upi && paid ? randomText(random, 12, kDigits) : empty,
                provider.juspay ? u"https://api.juspay.in/v2/pay/start/cpdemo/" + orderId : empty,
                created + 900'000, paid ? 1 : 0, refunded, empty, created,
                created + 5'000 + random.bounded(115'000),
            };
            for (const QVariant &value : values)
                insert.addBindValue(value);
            if (!insert.exec()) {
                error = insert.lastError().text();
                good = false;
                break;
            }
            // A succeeded refund for each refunded sale; a failed or pending attempt on a few
            // charged ones.
            QString refundState;
            if (refunded > 0)
                refundState = QStringLiteral("succeeded");
            else if (outcome.state == PaymentState::Charged && random.bounded(1000) < 3)
                refundState = random.bounded(4) == 0 ? QStringLiteral("pending") : QStringLiteral("failed");
            if (!refundState.isEmpty()) {
                const qint64 at = qMin(windowEndMs - 1, created + qint64(random.bounded(3 * 86'400)) * 1000);
                for (const QVariant &value : QVariantList { QString(u"RF" + orderId + u"1"), orderId, refunded > 0 ? refunded : minor, refundState,
                                                            refundState == QLatin1String("succeeded") ? QString(u"rfnd_" + randomText(random, 16, kAlnum)) : empty,
                                                            at, at + 30'000 })
                    refund.addBindValue(value);
                if (!refund.exec()) {
                    error = refund.lastError().text();
                    good = false;
                    break;
                }
                ++refunds;
            }
        }
        for (const QString &sql : std::as_const(indexes))
            good = good && exec(query, sql, &error);
        good = good && exec(query, QStringLiteral("COMMIT"), &error)
                && exec(query, QStringLiteral("PRAGMA journal_mode = WAL"), &error);
        insert = QSqlQuery();
        refund = QSqlQuery();
        query = QSqlQuery();
        db.close();
        if (!good) {
            QSqlDatabase::removeDatabase(kSeedConnection);
            return Result<qint64>::failure(QStringLiteral("seed_failed"), error);
        }
    }
    QSqlDatabase::removeDatabase(kSeedConnection);
    return refunds;
}
