// Start-up benchmark: wall time from spawning a process to the moment the cashier can use it,
// for `counterpay --demo --bench-ready` and for a bare Qt Widgets window (its first painted
// frame), alternated in one run so machine noise hits both alike. counterpay reports twice:
// its window's first frame (it takes keys from then on), and Pay enabled (the frame is up and
// the engine is attached: ledger open, gateways and demo sandbox up). Prints medians, the
// Pay-enabled ratio to the bare window (target 3 or less) and the idle RSS at Pay enabled (no
// web view yet; target 120 MiB or less).
// Prints figures only; never passes or fails on time.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {

struct Sample
{
    qint64 wallMs = -1;       // to the first painted frame ("ready")
    qint64 rssKiB = -1;
    qint64 payWallMs = -1; // counterpay only: to Pay enabled ("pay")
    qint64 payRssKiB = -1;
};

Sample runOnce(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    Sample sample;
    // The bare window prints only `ready`; counterpay prints `ready` and `pay`.
    const bool expectPay = program == QLatin1String(COUNTERPAY_GUI);
    bool done = false;
    while (!done && process.waitForReadyRead(30'000)) {
        while (process.canReadLine()) {
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith("ready ")) {
                sample.wallMs = timer.elapsed();
                sample.rssKiB = line.split(' ').value(2).toLongLong();
                done = !expectPay || sample.payWallMs >= 0;
            } else if (line.startsWith("pay ")) {
                sample.payWallMs = timer.elapsed();
                sample.payRssKiB = line.split(' ').value(2).toLongLong();
                done = sample.wallMs >= 0;
            }
        }
    }
    if (!process.waitForFinished(10'000)) {
        process.kill();
        process.waitForFinished();
    }
    return sample;
}

qint64 median(QList<qint64> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int requested = qEnvironmentVariableIntValue("COUNTERPAY_BENCH_RUNS");
    const int runs = requested > 0 ? requested : 5;
    QTextStream out(stdout);
    QTemporaryDir dir;
    QList<qint64> appMs, bareMs, appRss, bareRss, payMs, payRss;
    // A terminal starts with the ledger it had yesterday: one warm-up run creates it (schema,
    // device key, demo sandbox keys) and is not counted; every measured run opens it again.
    const QString db = dir.filePath(QStringLiteral("ledger.sqlite"));
    runOnce(QStringLiteral(COUNTERPAY_GUI), { QStringLiteral("--demo"), QStringLiteral("--db"), db, QStringLiteral("--bench-ready") });
    for (int i = 0; i < runs; ++i) {
        const Sample bare = runOnce(QStringLiteral(COUNTERPAY_BARE_WINDOW), {});
        const Sample app = runOnce(QStringLiteral(COUNTERPAY_GUI),
                                   { QStringLiteral("--demo"), QStringLiteral("--db"), db, QStringLiteral("--bench-ready") });
        if (bare.wallMs < 0 || app.wallMs < 0 || app.payWallMs < 0) {
            out << "run " << i << ": a process did not report ready (display? QT_QPA_PLATFORM?)" << Qt::endl;
            continue;
        }
        bareMs << bare.wallMs;
        appMs << app.wallMs;
        bareRss << bare.rssKiB;
        appRss << app.rssKiB;
        payMs << app.payWallMs;
        payRss << app.payRssKiB;
        out << "run " << i << ": counterpay window " << app.wallMs << " ms, Pay enabled " << app.payWallMs << " ms, "
            << app.payRssKiB / 1024 << " MiB; bare " << bare.wallMs << " ms, " << bare.rssKiB / 1024 << " MiB"
            << Qt::endl;
    }
    const qint64 a = median(appMs), b = median(bareMs), p = median(payMs);
    // A ratio of two integers of milliseconds, printed with two decimals (no amount is near it).
    const auto ratio = [](qint64 x, qint64 y) { return QString::number(double(x) / double(y), 'f', 2); };
    out << "median start-up: counterpay first frame " << a << " ms, Pay enabled " << p << " ms; bare Qt Widgets "
        << b << " ms" << Qt::endl;
    if (p > 0 && b > 0)
        out << "ratio, Pay enabled to a bare Qt Widgets window: " << ratio(p, b) << " (target 3 or less)" << Qt::endl;
    out << "median idle RSS at Pay enabled, before any web view: counterpay " << median(payRss) / 1024
        << " MiB, bare " << median(bareRss) / 1024 << " MiB (target 120 MiB or less)" << Qt::endl;
    return 0;
}
