// Adaptive polling against a fixed 5-second poll, in one run, against the in-process sandbox
// over loopback HTTP with the real Juspay client and a real SQLite ledger.
//
// For every payment the simulated customer approves after a random delay (seeded): 95 % act
// within 3-35 s of the push, 5 % take 35-170 s. Both policies get the same delays. Measured:
// the latency from the sandbox's approval to the engine's `charged`, and the status polls
// each payment needed. A separate group of payments is approved at 178 s to count the polls of
// a 3-minute payment. Figures only; nothing here passes or fails.
//
//   bench_polling [--payments 200] [--long 10] [--seed 42]
#include "checkout/CheckoutEngine.h"
#include "gateway/HttpClient.h"
#include "gateway/juspay/JuspayGateway.h"
#include "sandbox/SandboxServer.h"
#include "storage/SqliteLedger.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

struct Sample
{
    qint64 approveDelayMs = 0;
    qint64 approvedAt = -1;
    qint64 chargedAt = -1;
    int polls = 0;
    bool longPayment = false;
};

struct Run
{
    QString name;
    CheckoutEngine *engine = nullptr;
    QHash<QString, Sample> samples;
    int finished = 0;
};

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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("counterpay.*=false"));
    const QStringList args = app.arguments();
    const int payments = argValue(args, "--payments", 200);
    const int longPayments = argValue(args, "--long", 10);
    const quint32 seed = quint32(argValue(args, "--seed", 42));

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
    auto ledger = SqliteLedger::open(dir.filePath(QStringLiteral("bench.sqlite")),
                                     PhoneVault::fromKey(QByteArray(32, 'b')).value()).value();

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
    CheckoutEngine adaptiveEngine(*ledger, { &gateway }, adaptiveConfig);
    CheckoutEngine fixedEngine(*ledger, { &gateway }, fixedConfig);
    Run runs[2] = { { QStringLiteral("adaptive (default)"), &adaptiveEngine, {}, 0 },
                    { QStringLiteral("fixed 5 s poll"), &fixedEngine, {}, 0 } };

    QRandomGenerator random(seed);
    std::vector<qint64> delays;
    for (int i = 0; i < payments; ++i) {
        const bool slow = random.bounded(100) < 5;
        delays.push_back(slow ? 35'000 + random.bounded(135'000) : 3'000 + random.bounded(32'000));
    }
    for (int i = 0; i < longPayments; ++i)
        delays.push_back(178'000);
    const int total = int(delays.size());

    QElapsedTimer clock;
    clock.start();
    for (Run &run : runs) {
        QObject::connect(run.engine, &CheckoutEngine::sessionStarted, &app,
                         [&run, &sandbox, &clock](const QString &orderId, const PaymentSession &) {
                             Sample &sample = run.samples[orderId];
                             QTimer::singleShot(int(sample.approveDelayMs), &sandbox, [&run, &sandbox, &clock, orderId] {
                                 run.samples[orderId].approvedAt = clock.elapsed();
                                 sandbox.approve(orderId);
                             });
                         });
        QObject::connect(run.engine, &CheckoutEngine::statusChecked, &app,
                         [&run](const QString &orderId) { run.samples[orderId].polls += 1; });
        QObject::connect(run.engine, &CheckoutEngine::finished, &app,
                         [&run, &runs, &clock, total](const QString &orderId, PaymentState state) {
                             Sample &sample = run.samples[orderId];
                             sample.chargedAt = state == PaymentState::Charged ? clock.elapsed() : -1;
                             run.finished += 1;
                             if (runs[0].finished == total && runs[1].finished == total)
                                 QCoreApplication::quit();
                         });
    }

    // Start the sales a little apart, the same way for both policies.
    for (int i = 0; i < total; ++i) {
        QTimer::singleShot(i * 40, &app, [&runs, &delays, i, payments] {
            for (Run &run : runs) {
                CheckoutRequest request;
                request.provider = QStringLiteral("juspay-gpay");
                request.amount = Money::fromMinorUnits(100 + i, Currency::inr()).value();
                request.mobile = PhoneNumber::parse(u"9876543210").value();
                const Result<QString> orderId = run.engine->pay(request);
                if (!orderId) {
                    std::fprintf(stderr, "pay failed: %s\n", qPrintable(orderId.errorMessage()));
                    continue;
                }
                Sample &sample = run.samples[orderId.value()];
                sample.approveDelayMs = delays[size_t(i)];
                sample.longPayment = i >= payments;
            }
        });
    }
    std::printf("running %d payments (+%d three-minute payments) under each policy, seed %u...\n",
                payments, longPayments, seed);
    std::fflush(stdout);
    app.exec();

    struct Figures { qint64 p50, p95, p99, max; double pollsMean; int pollsMax; double longPolls; int charged; };
    Figures figures[2];
    for (int r = 0; r < 2; ++r) {
        std::vector<qint64> latencies;
        double polls = 0;
        int pollsMax = 0;
        double longPolls = 0;
        int longCount = 0;
        int charged = 0;
        int counted = 0;
        for (const Sample &sample : std::as_const(runs[r].samples)) {
            if (sample.longPayment) {
                longPolls += sample.polls;
                ++longCount;
                continue;
            }
            ++counted;
            polls += sample.polls;
            pollsMax = std::max(pollsMax, sample.polls);
            if (sample.chargedAt >= 0 && sample.approvedAt >= 0) {
                latencies.push_back(sample.chargedAt - sample.approvedAt);
                ++charged;
            }
        }
        figures[r] = { percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99),
                       percentile(latencies, 1.0), counted ? polls / counted : 0, pollsMax,
                       longCount ? longPolls / longCount : 0, charged };
    }
    std::printf("\n%-20s %8s %8s %8s %8s %8s %11s %10s %14s\n", "policy", "charged", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "polls/pay", "max polls", "polls in 3 min");
    for (int r = 0; r < 2; ++r) {
        const Figures &f = figures[r];
        std::printf("%-20s %8d %8lld %8lld %8lld %8lld %11.1f %10d %14.1f\n", qPrintable(runs[r].name), f.charged,
                    f.p50, f.p95, f.p99, f.max, f.pollsMean, f.pollsMax, f.longPolls);
    }
    auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    std::printf("\nadaptive / fixed: p50 latency %.2fx, p95 latency %.2fx, polls per payment %.2fx, "
                "polls in a 3-minute payment %.2fx\n",
                ratio(double(figures[0].p50), double(figures[1].p50)), ratio(double(figures[0].p95), double(figures[1].p95)),
                ratio(figures[0].pollsMean, figures[1].pollsMean), ratio(figures[0].longPolls, figures[1].longPolls));
    std::printf("targets: p95 <= 1500 ms, <= 40 polls in a 3-minute payment (adaptive)\n");
    return 0;
}
