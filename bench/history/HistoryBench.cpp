// bench_history: the back office's history, search and Z report on a 1,000,000-order ledger,
// each timed through SqliteLedger and through the sqlite3 shell running the same SQL text on
// the same file. Prints figures; never passes or fails on time.
//
//   bench_history [--dir DIR] [--rows N] [--runs N] [--seed N]
#include "HistorySeeder.h"
#include "SqliteShell.h"

#include "storage/SqliteLedger.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

namespace {

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

struct Figures
{
    double wallMs = 0;
    double cpuMs = 0;
    double firstWallMs = 0;
};

// What a query returned, kept until its timer has stopped: the time to the first page is the
// time until the rows are there, not until they have been thrown away again.
struct Kept
{
    QList<OrderRecord> orders;
    void clear() { orders = {}; }
};

Figures measure(int runs, const std::function<qint64()> &body, qint64 *rows, Kept &kept)
{
    QList<double> wall;
    QList<double> cpu;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        *rows = body();
        wall.append(double(timer.nsecsElapsed()) / 1e6);
        cpu.append(threadCpuMs() - cpuStart);
        kept.clear();
    }
    return Figures { median(wall), median(cpu), wall.value(0) };
}

template<typename... Args>
void print(const char *format, Args... args)
{
    std::printf(format, args...);
    std::fflush(stdout);
}

struct Scenario
{
    QString name;
    double targetMs; // 0: no target in the issue
    std::function<qint64()> ours;
    QList<OrderQuery> sql;
};

QString removeLedger(const QString &path)
{
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(path + suffix);
    return path;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("counterpay.storage.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("History, search and Z report timings on a seeded ledger"));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Folder for the seeded ledger (default: next to this program)."), QStringLiteral("dir"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Orders to seed (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure; the median is printed (default 15)."), QStringLiteral("n"), QStringLiteral("15"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed of the data (default 7)."), QStringLiteral("n"), QStringLiteral("7"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Run only the queries whose name contains this text (e.g. \"(a)\")."), QStringLiteral("text"));
    const QCommandLineOption noShellOption(QStringLiteral("no-sqlite3"), QStringLiteral("Skip the sqlite3 shell comparison (for profiling)."));
    parser.addOptions({ dirOption, rowsOption, runsOption, seedOption, onlyOption, noShellOption });
    parser.process(app);
    const qint64 rows = qMax<qint64>(1000, parser.value(rowsOption).toLongLong());
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : QCoreApplication::applicationDirPath();
    QDir().mkpath(dir);
    const QString path = QDir(dir).absoluteFilePath(QStringLiteral("history-bench-%1.sqlite").arg(rows));

    // 1. The data: reused when the file already holds the right number of orders.
    if (HistorySeeder::existingRows(path) != rows) {
        print("seeding %lld orders into %s (one transaction of plain SQL; schema by SqliteLedger) ...\n",
              rows, qPrintable(QDir::toNativeSeparators(path)));
        QElapsedTimer timer;
        timer.start();
        const Result<qint64> seeded = HistorySeeder::seed(removeLedger(path), rows, parser.value(seedOption).toUInt());
        if (!seeded) {
            print("seeding failed: %s\n", qPrintable(seeded.errorMessage()));
            return 1;
        }
        print("seeded %lld orders and %lld refunds in %.1f s\n", rows, seeded.value(), double(timer.elapsed()) / 1000.0);
    } else {
        print("reusing %s (%lld orders)\n", qPrintable(QDir::toNativeSeparators(path)), rows);
    }
    print("file: %.1f MiB; sqlite3 shell %s; %d runs per figure, median\n\n",
          double(QFileInfo(path).size()) / (1024.0 * 1024.0), qPrintable(SqliteShell::version()), runs);

    const PhoneVault vault = PhoneVault::fromKey(QByteArray(PhoneVault::kKeyLength, 'b')).value();

    // 2. Opening the ledger, with the full page scan (quick_check) at open and with the default.
    SqliteLedger::Options fullCheck;
    fullCheck.quickCheckMaxBytes = -1;
    const QList<std::pair<const char *, SqliteLedger::Options>> opens {
        { "open, quick_check of every page (old default)", fullCheck },
        { "open, default checks", SqliteLedger::Options() },
    };
    for (const auto &[label, options] : parser.isSet(onlyOption) ? decltype(opens) {} : opens) {
        QList<double> times;
        for (int run = 0; run < qMin(runs, 5); ++run) {
            QElapsedTimer timer;
            timer.start();
            auto ledger = SqliteLedger::open(path, vault, options);
            times.append(double(timer.nsecsElapsed()) / 1e6);
            if (!ledger) {
                print("open failed: %s\n", qPrintable(ledger.errorMessage()));
                return 1;
            }
        }
        print("%-50s %9.1f ms\n", label, median(times));
    }
    print("\n");

    auto opened = SqliteLedger::open(path, vault);
    if (!opened) {
        print("open failed: %s\n", qPrintable(opened.errorMessage()));
        return 1;
    }
    SqliteLedger &ledger = *opened.value();
    const QDateTime end = HistorySeeder::windowEnd();

    // The last-4 of the busiest repeat customer of the last 7 days: the worst realistic case.
    OrderFilter lastWeek;
    lastWeek.since = end.addDays(-7);
    lastWeek.until = end;
    QString busiest;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench.pick"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT phone_last4 FROM orders WHERE created_at >= ? AND phone_last4 <> '' "
                                         "GROUP BY phone_last4 ORDER BY count(*) DESC LIMIT 1"));
            query.addBindValue(lastWeek.since.toMSecsSinceEpoch());
            if (query.exec() && query.next())
                busiest = query.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench.pick"));

    // The shop's last full day in India (UTC+05:30).
    const int ist = 19800;
    const QDateTime dayStart = end.addDays(-1).addSecs(-ist);
    const QDateTime dayEnd = end.addSecs(-ist);

    OrderFilter firstPage;
    firstPage.limit = 200;
    OrderFilter last4 = lastWeek;
    last4.phoneLast4 = busiest;
    last4.limit = 200;
    OrderFilter zDay;
    zDay.since = dayStart;
    zDay.until = dayEnd;

    // A later page continues from the last row of page 1 (keyset), as the history model does.
    OrderFilter secondPage = firstPage;
    {
        const auto page = ledger.findOrders(firstPage);
        if (page && !page->isEmpty())
            secondPage.startAfter(page->last().createdAt, page->last().orderId);
    }
    OrderFilter byRrn;
    {
        OrderFilter charged = zDay;
        charged.states = { PaymentState::Charged };
        charged.provider = QStringLiteral("cmcom");
        charged.limit = 1;
        const auto one = ledger.findOrders(charged);
        byRrn.search = one && !one->isEmpty() ? one->first().upiRrn : QStringLiteral("none");
        byRrn.limit = 200;
    }
    OrderFilter unknownOnes;
    unknownOnes.states = { PaymentState::Unknown };
    unknownOnes.limit = 200;

    Kept kept;
    auto keep = [&kept](Result<QList<OrderRecord>> &&found) {
        kept.orders = std::move(found).value();
        return qint64(kept.orders.size());
    };
    // Other filters the history bar offers, newest 200 and their count.
    OrderFilter cashier = firstPage;
    cashier.cashier = QStringLiteral("kiran");
    OrderFilter method = firstPage;
    method.method = QStringLiteral("CRED");
    OrderFilter paid = firstPage;
    paid.states = { PaymentState::Charged, PaymentState::PartiallyRefunded, PaymentState::Refunded };
    OrderFilter big = firstPage;
    big.minAmountMinorUnits = 2'000'000;
    OrderFilter today = firstPage;
    today.since = dayStart;
    today.until = dayEnd;

    const QList<Scenario> scenarios = {
        { QStringLiteral("(a) first history page, 200 rows"), 150,
          [&] { return keep(ledger.findOrders(firstPage)); }, { OrderQuery::page(firstPage) } },
        { QStringLiteral("(b) last 4 '%1' + 7 days").arg(busiest), 50,
          [&] { return keep(ledger.findOrders(last4)); }, { OrderQuery::page(last4) } },
        { QStringLiteral("(c) Z report of one day (sales + refunds)"), 200,
          [&] { return qint64(ledger.salesTotals(zDay)->size() + ledger.refundTotals(dayStart, dayEnd)->size()); },
          { OrderQuery::salesTotals(zDay), OrderQuery::refundTotals(dayStart, dayEnd) } },
        { QStringLiteral("    next page (keyset)"), 0,
          [&] { return keep(ledger.findOrders(secondPage)); }, { OrderQuery::page(secondPage) } },
        { QStringLiteral("    total count of all orders"), 0,
          [&] { return ledger.countOrders(OrderFilter()).value(); }, { OrderQuery::count(OrderFilter()) } },
        { QStringLiteral("    search by UPI RRN"), 0,
          [&] { return keep(ledger.findOrders(byRrn)); }, { OrderQuery::page(byRrn) } },
        { QStringLiteral("    state 'unknown', newest 200"), 0,
          [&] { return keep(ledger.findOrders(unknownOnes)); }, { OrderQuery::page(unknownOnes) } },
        { QStringLiteral("    cashier, newest 200"), 0,
          [&] { return keep(ledger.findOrders(cashier)); }, { OrderQuery::page(cashier) } },
        { QStringLiteral("    cashier, count"), 0,
          [&] { return ledger.countOrders(cashier).value(); }, { OrderQuery::count(cashier) } },
        { QStringLiteral("    method CRED, newest 200"), 0,
          [&] { return keep(ledger.findOrders(method)); }, { OrderQuery::page(method) } },
        { QStringLiteral("    3 paid states, newest 200"), 0,
          [&] { return keep(ledger.findOrders(paid)); }, { OrderQuery::page(paid) } },
        { QStringLiteral("    3 paid states, count"), 0,
          [&] { return ledger.countOrders(paid).value(); }, { OrderQuery::count(paid) } },
        { QStringLiteral("    amount >= 20,000.00, newest 200"), 0,
          [&] { return keep(ledger.findOrders(big)); }, { OrderQuery::page(big) } },
        { QStringLiteral("    one day, count"), 0,
          [&] { return ledger.countOrders(today).value(); }, { OrderQuery::count(today) } },
        { QStringLiteral("    sales per hour of one day"), 0,
          [&] { return qint64(ledger.salesBuckets(dayStart, dayEnd, 3600, ist)->size()); },
          { OrderQuery::salesBuckets(dayStart, dayEnd, 3600, ist) } },
        { QStringLiteral("    sales per day over 30 days"), 0,
          [&] { return qint64(ledger.salesBuckets(end.addDays(-30).addSecs(-ist), dayEnd, 86400, ist)->size()); },
          { OrderQuery::salesBuckets(end.addDays(-30).addSecs(-ist), dayEnd, 86400, ist) } },
    };

    print("%-44s %6s | %9s %9s | %9s %9s | %6s %6s | %7s %s\n", "query", "rows", "ours ms", "ours cpu",
          "sqlite3", "s3 cpu", "ratio", "r.cpu", "target", "");
    // Below 5 ms the shell's own timer is too coarse: its wall time per run then comes from a
    // batch of runs in one process minus the same script without the SQL (SqliteShell).
    print("%s\n", QByteArray(126, '-').constData());
    for (const Scenario &scenario : scenarios) {
        if (parser.isSet(onlyOption) && !scenario.name.contains(parser.value(onlyOption)))
            continue;
        qint64 found = 0;
        const Figures ours = measure(runs, scenario.ours, &found, kept);
        if (parser.isSet(noShellOption)) {
            print("%-44s %6lld | %9.2f %9.2f\n", qPrintable(scenario.name), found, ours.wallMs, ours.cpuMs);
            continue;
        }
        const Result<QList<SqliteShell::Timing>> shell = SqliteShell::time(path, scenario.sql, runs);
        if (!shell) {
            print("%-44s sqlite3 failed: %s\n", qPrintable(scenario.name), qPrintable(shell.errorMessage()));
            continue;
        }
        QList<double> real;
        QList<double> cpu;
        for (const SqliteShell::Timing &timing : shell.value()) {
            real.append(timing.realMs);
            cpu.append(timing.cpuMs);
        }
        const double shellReal = median(real);
        const double shellCpu = median(cpu);
        const QString target = scenario.targetMs > 0 ? QStringLiteral("<=%1").arg(scenario.targetMs) : QString();
        const QByteArray verdict = scenario.targetMs <= 0 ? QByteArray()
                : ours.wallMs <= scenario.targetMs ? QByteArrayLiteral("within") : QByteArrayLiteral("OVER");
        // The shell prints wall time in whole milliseconds: below 5 ms its wall figure is too
        // coarse for a ratio, and the CPU ratio is the one to read.
        double shellWall = shellReal;
        if (shellReal < 5.0) {
            const int repetitions = qBound(50, int(200.0 / qMax(0.05, shellCpu)), 2000);
            const Result<double> batch = SqliteShell::batchWallMs(path, scenario.sql, repetitions);
            shellWall = batch ? batch.value() : -1;
        }
        const QString wallRatio = shellWall > 0 ? QString::number(ours.wallMs / shellWall, 'f', 2) : QStringLiteral("-");
        print("%-44s %6lld | %9.2f %9.2f | %9.2f %9.2f | %6s %6.2f | %7s %s\n", qPrintable(scenario.name), found,
              ours.wallMs, ours.cpuMs, shellWall, shellCpu, qPrintable(wallRatio),
              shellCpu > 0 ? ours.cpuMs / shellCpu : 0.0, qPrintable(target), verdict.constData());
    }
    print("\nours: SqliteLedger call, wall and thread CPU, median of %d (first call includes preparing the statement).\n"
          "sqlite3: the same SQL text and values (.parameter set) in one sqlite3 process, `.timer on`, output to "
          "/dev/null; below 5 ms\nits wall time is a batch of runs in one process minus the same script without the SQL.\n"
          "ratio = ours / sqlite3 wall time; r.cpu = ours / sqlite3\n"
          "CPU time (our thread vs the shell's user + sys). On a busy machine wall time includes waiting for a core;\n"
          "CPU time does not.\n", runs);
    return 0;
}
