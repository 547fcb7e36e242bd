// Adaptive polling against a fixed 5-second poll, side by side in the same run, against the
// in-process sandbox over loopback HTTP with the real Juspay client and a real SQLite ledger.
//
// For every payment the simulated customer approves after a random delay (seeded): 95 % act
// within 3-35 s of the push, 5 % take 35-170 s. Both policies get the same delays. Measured:
// the latency from the sandbox's approval to the engine's `charged`, and the status polls each
// payment needed; payments approved at 178 s count the polls of a 3-minute payment. Three rows:
//
//   till                    --till-sales payments, at most --till-at-once (3) open at a time:
//                           the realistic load of one counter (the headline);
//   busy store              --payments (200) started 40 ms apart, all open together, plus
//                           --long (10) three-minute payments;
//   till, other core busy   the till row again while a CPU-bound child process (bounded by
//                           `timeout`) keeps the other core busy.
//
// Each row also prints what the event thread spent in ledger writes (every status check that
// finds the sale still pending appends an event, one fsync'd transaction each) and how late a
// 50 ms precise timer fired on the event thread: the two suspects when latency grows with load.
// --coalesce-pending is a what-if: the ledger drops the repeated "status pending" events (the
// tracker change proposed in the report) so the two can be compared in one build.
// Figures only; nothing here passes or fails.
//
//   bench_polling [--seed 42] [--payments 200] [--long 10] [--till-sales 40] [--till-at-once 3]
//                 [--rows till,store,busy] [--coalesce-pending]
#include "checkout/CheckoutEngine.h"
#include "gateway/HttpClient.h"
#include "gateway/juspay/JuspayGateway.h"
#include "sandbox/SandboxServer.h"
#include "storage/SqliteLedger.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>

namespace {

qint64 percentile(std::vector<qint64> values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

int argValue(const QStringList &args, const char *name, int fallback)
{
    const qsizetype at = args.indexOf(QString::fromLatin1(name));
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}

// Forwards to the real ledger and times the writes made on the event thread.
class TimingLedger final : public Ledger
{
public:
    TimingLedger(Ledger &inner, bool coalescePending) : m_inner(inner), m_coalesce(coalescePending) {}

    std::vector<qint64> writeMicros;
    int dropped = 0;

    QString location() const override { return m_inner.location(); }
    VoidResult insertOrder(const OrderRecord &order, const OrderEvent &event) override
    {
        return timed([&] { return m_inner.insertOrder(order, event); });
    }
    VoidResult updateOrder(const OrderRecord &order, PaymentState expectedState, const OrderEvent &event) override
    {
        m_pendingSeen.remove(order.orderId);
        return timed([&] { return m_inner.updateOrder(order, expectedState, event); });
    }
    VoidResult appendEvent(const OrderEvent &event) override
    {
        if (m_coalesce && event.kind == QLatin1String("status") && event.outcome == QLatin1String("pending")) {
            if (m_pendingSeen.contains(event.orderId)) {
                ++dropped;
                return ok();
            }
            m_pendingSeen.insert(event.orderId);
        }
        return timed([&] { return m_inner.appendEvent(event); });
    }
    Result<std::optional<OrderRecord>> findOrder(const QString &orderId, PhoneAccess access) override
    {
        return m_inner.findOrder(orderId, access);
    }
    Result<QList<OrderRecord>> openOrders() override { return m_inner.openOrders(); }
    Result<QList<OrderRecord>> findOrders(const OrderFilter &filter) override { return m_inner.findOrders(filter); }
    Result<qint64> countOrders(const OrderFilter &filter) override { return m_inner.countOrders(filter); }
    Result<QList<OrderEvent>> events(const QString &orderId) override { return m_inner.events(orderId); }
    VoidResult insertRefund(const RefundRecord &refund, const OrderEvent &event) override
    {
        return timed([&] { return m_inner.insertRefund(refund, event); });
    }
    VoidResult updateRefund(const RefundRecord &refund, const OrderEvent &event) override
    {
        return timed([&] { return m_inner.updateRefund(refund, event); });
    }
    Result<QList<RefundRecord>> refunds(const QString &orderId) override { return m_inner.refunds(orderId); }
    VoidResult appendAudit(const AuditEntry &entry) override { return m_inner.appendAudit(entry); }
    Result<QList<AuditEntry>> auditLog(const QDateTime &since, int limit) override { return m_inner.auditLog(since, limit); }
    Result<QList<SalesTotalsRow>> salesTotals(const OrderFilter &filter) override { return m_inner.salesTotals(filter); }
    Result<QList<RefundTotalsRow>> refundTotals(const QDateTime &since, const QDateTime &until) override
    {
        return m_inner.refundTotals(since, until);
    }
    Result<QList<SalesBucket>> salesBuckets(const QDateTime &since, const QDateTime &until, int bucketSeconds,
                                            int utcOffsetSeconds) override
    {
        return m_inner.salesBuckets(since, until, bucketSeconds, utcOffsetSeconds);
    }
    VoidResult checkIntegrity() override { return m_inner.checkIntegrity(); }

private:
    template<typename F>
    VoidResult timed(F write)
    {
        QElapsedTimer timer;
        timer.start();
        VoidResult result = write();
        writeMicros.push_back(timer.nsecsElapsed() / 1000);
        return result;
    }

    Ledger &m_inner;
    bool m_coalesce;
    QSet<QString> m_pendingSeen;
};

struct Sample
{
    qint64 approveDelayMs = 0;
    qint64 approvedAt = -1;
    qint64 chargedAt = -1;
    int polls = 0;
    bool longPayment = false;
};

struct Figures
{
    qint64 p50 = -1, p95 = -1, p99 = -1, max = -1;
    double pollsMean = 0;
    double longPolls = 0;
    int charged = 0;
    int counted = 0;
};

// One policy's share of a row: its engine, its queue of payments, its samples.
struct Lane
{
    CheckoutEngine *engine = nullptr;
    QHash<QString, Sample> samples;
    std::deque<std::pair<qint64, bool>> queue; // (approval delay, three-minute payment)
    int open = 0;
    int finished = 0;
    int total = 0;
    int serial = 0;
};

Figures figuresOf(const Lane &lane)
{
    Figures f;
    std::vector<qint64> latencies;
    double polls = 0;
    double longPolls = 0;
    int longCount = 0;
    for (const Sample &sample : std::as_const(lane.samples)) {
        if (sample.longPayment) {
            longPolls += sample.polls;
            ++longCount;
            continue;
        }
        ++f.counted;
        polls += sample.polls;
        if (sample.chargedAt >= 0 && sample.approvedAt >= 0) {
            latencies.push_back(sample.chargedAt - sample.approvedAt);
            ++f.charged;
        }
    }
    f.p50 = percentile(latencies, 0.50);
    f.p95 = percentile(latencies, 0.95);
    f.p99 = percentile(latencies, 0.99);
    f.max = percentile(latencies, 1.0);
    f.pollsMean = f.counted ? polls / f.counted : 0;
    f.longPolls = longCount ? longPolls / longCount : 0;
    return f;
}

struct RowResult
{
    QString name;
    Figures adaptive;
    Figures fixed;
    qint64 seconds = 0;
    size_t writes = 0;
    qint64 writeTotalMs = 0;
    qint64 writeP99Us = 0;
    qint64 writeMaxUs = 0;
    int droppedWrites = 0;
    qint64 lagP99Ms = 0;
    qint64 lagMaxMs = 0;
};

class Bench
{
public:
    Bench(SandboxServer &sandbox, TimingLedger &ledger, CheckoutEngine &adaptive, CheckoutEngine &fixed)
        : m_sandbox(sandbox), m_ledger(ledger)
    {
        m_lanes[0].engine = &adaptive;
        m_lanes[1].engine = &fixed;
        m_clock.start();
        for (Lane &lane : m_lanes) {
            Lane *l = &lane;
            QObject::connect(lane.engine, &CheckoutEngine::sessionStarted, &m_context,
                             [this, l](const QString &orderId, const PaymentSession &) {
                                 const qint64 delay = l->samples[orderId].approveDelayMs;
                                 QTimer::singleShot(int(delay), Qt::PreciseTimer, &m_sandbox, [this, l, orderId] {
                                     l->samples[orderId].approvedAt = m_clock.elapsed();
                                     m_sandbox.approve(orderId);
                                 });
                             });
            QObject::connect(lane.engine, &CheckoutEngine::statusChecked, &m_context,
                             [l](const QString &orderId) { l->samples[orderId].polls += 1; });
            QObject::connect(lane.engine, &CheckoutEngine::finished, &m_context,
                             [this, l](const QString &orderId, PaymentState state) {
                                 Sample &sample = l->samples[orderId];
                                 sample.chargedAt = state == PaymentState::Charged ? m_clock.elapsed() : -1;
                                 l->finished += 1;
                                 l->open -= 1;
                                 if (m_atOnce > 0)
                                     startNext(*l);
                                 if (m_lanes[0].finished == m_lanes[0].total && m_lanes[1].finished == m_lanes[1].total)
                                     m_loop.quit();
                             });
        }
    }

    // delays: the customers' approval delays; the ones flagged long are three-minute payments.
    // atOnce > 0: at most that many open per policy; 0: all started 40 ms apart.
    RowResult run(const QString &name, const std::vector<std::pair<qint64, bool>> &payments, int atOnce)
    {
        m_atOnce = atOnce;
        for (Lane &lane : m_lanes) {
            lane.samples.clear();
            lane.queue.assign(payments.begin(), payments.end());
            lane.open = 0;
            lane.finished = 0;
            lane.total = int(payments.size());
        }
        m_ledger.writeMicros.clear();
        m_ledger.dropped = 0;

        // Event-thread lag: how late a 50 ms precise timer fires.
        std::vector<qint64> lags;
        QElapsedTimer lagClock;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(50);
        qint64 expected = 50;
        lagClock.start();
        QObject::connect(&probe, &QTimer::timeout, &m_context, [&] {
            const qint64 now = lagClock.elapsed();
            lags.push_back(std::max<qint64>(0, now - expected));
            expected = now + 50;
        });
        probe.start();

        const qint64 started = m_clock.elapsed();
        if (atOnce > 0) {
            for (Lane &lane : m_lanes) {
                for (int i = 0; i < atOnce; ++i)
                    startNext(lane);
            }
        } else {
            for (int i = 0; i < int(payments.size()); ++i) {
                QTimer::singleShot(i * 40, &m_context, [this] {
                    for (Lane &lane : m_lanes)
                        startNext(lane);
                });
            }
        }
        m_loop.exec();
        probe.stop();

        RowResult row;
        row.name = name;
        row.adaptive = figuresOf(m_lanes[0]);
        row.fixed = figuresOf(m_lanes[1]);
        row.seconds = (m_clock.elapsed() - started) / 1000;
        row.writes = m_ledger.writeMicros.size();
        qint64 total = 0;
        for (qint64 us : m_ledger.writeMicros)
            total += us;
        row.writeTotalMs = total / 1000;
        row.writeP99Us = percentile(m_ledger.writeMicros, 0.99);
        row.writeMaxUs = percentile(m_ledger.writeMicros, 1.0);
        row.droppedWrites = m_ledger.dropped;
        row.lagP99Ms = percentile(lags, 0.99);
        row.lagMaxMs = percentile(lags, 1.0);
        return row;
    }

private:
    void startNext(Lane &lane)
    {
        if (lane.queue.empty())
            return;
        const auto [delay, longPayment] = lane.queue.front();
        lane.queue.pop_front();
        CheckoutRequest request;
        request.provider = QStringLiteral("juspay-gpay");
        request.amount = Money::fromMinorUnits(100 + (++lane.serial % 5000), Currency::inr()).value();
        request.mobile = PhoneNumber::parse(u"9876543210").value();
        const Result<QString> orderId = lane.engine->pay(request);
        if (!orderId) {
            std::fprintf(stderr, "pay failed: %s\n", qPrintable(orderId.errorMessage()));
            lane.total -= 1;
            return;
        }
        Sample &sample = lane.samples[orderId.value()];
        sample.approveDelayMs = delay;
        sample.longPayment = longPayment;
        lane.open += 1;
    }

    SandboxServer &m_sandbox;
    TimingLedger &m_ledger;
    Lane m_lanes[2];
    int m_atOnce = 0;
    QElapsedTimer m_clock;
    QObject m_context;
    QEventLoop m_loop;
};

std::vector<std::pair<qint64, bool>> customers(QRandomGenerator &random, int count, int longCount)
{
    std::vector<std::pair<qint64, bool>> payments;
    // Three-minute payments first, so a till's slot is held by one for the first three minutes.
    for (int i = 0; i < longCount; ++i)
        payments.emplace_back(178'000, true);
    for (int i = 0; i < count; ++i) {
        const bool slow = random.bounded(100) < 5;
        payments.emplace_back(slow ? 35'000 + random.bounded(135'000) : 3'000 + random.bounded(32'000), false);
    }
    return payments;
}

double ratio(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

void printRow(const RowResult &row)
{
    const Figures &a = row.adaptive;
    const Figures &f = row.fixed;
    std::printf("\n%s  (%lld s; %d/%d adaptive and %d/%d fixed charged)\n", qPrintable(row.name), row.seconds,
                a.charged, a.counted, f.charged, f.counted);
    std::printf("  %-22s %9s %9s %9s %9s %11s %14s\n", "", "p50 ms", "p95 ms", "p99 ms", "max ms", "polls/pay",
                "polls/3-min");
    std::printf("  %-22s %9lld %9lld %9lld %9lld %11.1f %14.1f\n", "adaptive (default)", a.p50, a.p95, a.p99,
                a.max, a.pollsMean, a.longPolls);
    std::printf("  %-22s %9lld %9lld %9lld %9lld %11.1f %14.1f\n", "fixed 5 s (baseline)", f.p50, f.p95, f.p99,
                f.max, f.pollsMean, f.longPolls);
    std::printf("  %-22s %8.2fx %8.2fx %8.2fx %8.2fx %10.2fx %13.2fx\n", "adaptive / fixed", ratio(double(a.p50), double(f.p50)),
                ratio(double(a.p95), double(f.p95)), ratio(double(a.p99), double(f.p99)), ratio(double(a.max), double(f.max)),
                ratio(a.pollsMean, f.pollsMean), ratio(a.longPolls, f.longPolls));
    std::printf("  event thread: %zu ledger writes, %lld ms in total, p99 %.1f ms, max %.1f ms%s; "
                "50 ms timer late by p99 %lld ms, max %lld ms\n",
                row.writes, row.writeTotalMs, double(row.writeP99Us) / 1000.0, double(row.writeMaxUs) / 1000.0,
                row.droppedWrites ? qPrintable(QStringLiteral(" (%1 repeated pending events dropped)").arg(row.droppedWrites)) : "",
                row.lagP99Ms, row.lagMaxMs);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("counterpay.*=false"));
    const QStringList args = app.arguments();
    const int payments = argValue(args, "--payments", 200);
    const int longPayments = argValue(args, "--long", 10);
    const int tillSales = argValue(args, "--till-sales", 40);
    const int tillAtOnce = std::max(1, argValue(args, "--till-at-once", 3));
    const quint32 seed = quint32(argValue(args, "--seed", 42));
    const bool coalesce = args.contains(QStringLiteral("--coalesce-pending"));
    const qsizetype rowsAt = args.indexOf(QStringLiteral("--rows"));
    const QStringList rows = (rowsAt >= 0 && rowsAt + 1 < args.size() ? args.at(rowsAt + 1) : QStringLiteral("till,store,busy"))
                                     .split(u',', Qt::SkipEmptyParts);

    SandboxOptions sandboxOptions;
    SandboxServer sandbox(sandboxOptions);
    const Result<QUrl> base = sandbox.start();
    if (!base) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(base.errorMessage()));
        return 1;
    }
    QNetworkAccessManager network;
    HttpClient::Options httpOptions;
    httpOptions.timeoutMs = 10'000;
    HttpClient http(&network, httpOptions);
    JuspayConfig config;
    config.baseUrl = base.value();
    config.merchantId = sandboxOptions.juspayMerchantId;
    config.apiKey = sandboxOptions.juspayApiKey;
    JuspayGateway gateway(&http, config, JuspayGateway::Flow::GooglePayPush);
    QTemporaryDir dir;
    auto sqlite = SqliteLedger::open(dir.filePath(QStringLiteral("bench.sqlite")),
                                     PhoneVault::fromKey(QByteArray(32, 'b')).value()).value();
    TimingLedger ledger(*sqlite, coalesce);

    CheckoutEngine::Config adaptiveConfig;
    adaptiveConfig.terminal = QStringLiteral("A");
    adaptiveConfig.defaultPolicy.defaultExpiryMs = 10 * 60'000;
    CheckoutEngine::Config fixedConfig;
    fixedConfig.terminal = QStringLiteral("F");
    PollPolicy fixed;
    fixed.firstCheckMs = 5000;
    fixed.phases.clear();
    fixed.backoffFactor = 1.0;
    fixed.capMs = 5000;
    fixed.jitterPercent = 0;
    fixed.defaultExpiryMs = 10 * 60'000;
    fixedConfig.defaultPolicy = fixed;
    CheckoutEngine adaptiveEngine(ledger, { &gateway }, adaptiveConfig);
    CheckoutEngine fixedEngine(ledger, { &gateway }, fixedConfig);
    Bench bench(sandbox, ledger, adaptiveEngine, fixedEngine);

    const PollPolicy policy;
    std::printf("bench_polling, seed %u: adaptive default policy (first %lld ms, %zu phase(s), cap %lld ms, jitter %d %%) "
                "against a fixed 5 s poll%s\n",
                seed, policy.firstCheckMs, policy.phases.size(), policy.capMs, policy.jitterPercent,
                coalesce ? "; what-if: repeated pending events not written" : "");
    std::fflush(stdout);

    QRandomGenerator random(seed);
    const auto till = customers(random, tillSales, 1);
    const auto store = customers(random, payments, longPayments);
    std::vector<RowResult> results;
    for (const QString &row : rows) {
        if (row == QLatin1String("till")) {
            std::printf("running: till, %d payments (+1 three-minute), at most %d at once per policy...\n", tillSales, tillAtOnce);
            std::fflush(stdout);
            results.push_back(bench.run(QStringLiteral("till (1-%1 sales at once)").arg(tillAtOnce), till, tillAtOnce));
        } else if (row == QLatin1String("store")) {
            std::printf("running: busy store, %d payments (+%d three-minute) at once per policy...\n", payments, longPayments);
            std::fflush(stdout);
            results.push_back(bench.run(QStringLiteral("busy store (%1 at once)").arg(payments + longPayments), store, 0));
        } else if (row == QLatin1String("busy")) {
            // The same till, with a CPU-bound child process on the other core. `timeout` bounds
            // it even if this program dies; terminate() ends it (timeout passes SIGTERM on).
            QProcess spinner;
            spinner.start(QStringLiteral("timeout"), { QStringLiteral("1200"), QStringLiteral("sh"), QStringLiteral("-c"),
                                                       QStringLiteral("while :; do :; done") });
            if (!spinner.waitForStarted(5000)) {
                std::fprintf(stderr, "could not start the CPU-bound child: %s\n", qPrintable(spinner.errorString()));
                continue;
            }
            std::printf("running: till with the other core busy (child pid %lld)...\n", spinner.processId());
            std::fflush(stdout);
            results.push_back(bench.run(QStringLiteral("till, other core busy (1-%1 at once)").arg(tillAtOnce), till, tillAtOnce));
            spinner.terminate();
            if (!spinner.waitForFinished(5000))
                spinner.kill();
        } else {
            std::fprintf(stderr, "unknown row '%s' (till, store, busy)\n", qPrintable(row));
            return 2;
        }
        printRow(results.back());
    }

    std::printf("\nsummary (adaptive; ratio to the fixed 5 s poll measured in the same row)\n");
    std::printf("%-36s %14s %14s %14s %14s %16s\n", "row", "p50 ms", "p95 ms", "p99 ms", "max ms", "polls/3-min");
    for (const RowResult &row : results) {
        const Figures &a = row.adaptive;
        const Figures &f = row.fixed;
        auto cell = [](qint64 v, qint64 base) {
            return QStringLiteral("%1 (%2x)").arg(v).arg(ratio(double(v), double(base)), 0, 'f', 2);
        };
        std::printf("%-36s %14s %14s %14s %14s %16s\n", qPrintable(row.name), qPrintable(cell(a.p50, f.p50)),
                    qPrintable(cell(a.p95, f.p95)), qPrintable(cell(a.p99, f.p99)), qPrintable(cell(a.max, f.max)),
                    qPrintable(QStringLiteral("%1 (%2x)").arg(a.longPolls, 0, 'f', 1).arg(ratio(a.longPolls, f.longPolls), 0, 'f', 2)));
    }
    std::printf("targets (till): p95 <= 1500 ms, p99 <= 3000 ms, any approval seen within 5000 ms, "
                "<= 60 polls in a 3-minute payment\n");
    return 0;
}
