// Start-up benchmark: wall time from spawning a process to its first painted frame, for
// `counterpay --demo --bench-ready` and for a bare Qt Widgets window, alternated in one run so
// machine noise hits both alike. counterpay reports twice: when its window's first frame is
// painted (it takes keys from then on), and when the engine is attached behind it (terminal
// plugin loaded, ledger open, gateways and demo sandbox up, Pay possible). Prints medians,
// both ratios and the idle RSS (no web view yet).
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
    qint64 engineWallMs = -1; // counterpay only: to the engine attached, Pay possible ("engine")
    qint64 engineRssKiB = -1;
};

Sample runOnce(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    Sample sample;
    // The bare window prints only `ready`; counterpay prints `ready` and then `engine`.
    const bool expectEngine = program == QLatin1String(COUNTERPAY_GUI);
    bool done = false;
    while (!done && process.waitForReadyRead(30'000)) {
        while (process.canReadLine()) {
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith("ready ")) {
                sample.wallMs = timer.elapsed();
                sample.rssKiB = line.split(' ').value(2).toLongLong();
                done = !expectEngine;
            } else if (line.startsWith("engine ")) {
                sample.engineWallMs = timer.elapsed();
                sample.engineRssKiB = line.split(' ').value(2).toLongLong();
                done = true;
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
    QList<qint64> appMs, bareMs, appRss, bareRss, engineMs, engineRss;
    // A terminal starts with the ledger it had yesterday: one warm-up run creates it (schema,
    // device key, demo sandbox keys) and is not counted; every measured run opens it again.
    const QString db = dir.filePath(QStringLiteral("ledger.sqlite"));
    runOnce(QStringLiteral(COUNTERPAY_GUI), { QStringLiteral("--demo"), QStringLiteral("--db"), db, QStringLiteral("--bench-ready") });
    for (int i = 0; i < runs; ++i) {
        const Sample bare = runOnce(QStringLiteral(COUNTERPAY_BARE_WINDOW), {});
        const Sample app = runOnce(QStringLiteral(COUNTERPAY_GUI),
                                   { QStringLiteral("--demo"), QStringLiteral("--db"), db, QStringLiteral("--bench-ready") });
        if (bare.wallMs < 0 || app.wallMs < 0 || app.engineWallMs < 0) {
            out << "run " << i << ": a process did not report ready (display? QT_QPA_PLATFORM?)" << Qt::endl;
            continue;
        }
        bareMs << bare.wallMs;
        appMs << app.wallMs;
        bareRss << bare.rssKiB;
        appRss << app.rssKiB;
        engineMs << app.engineWallMs;
        engineRss << app.engineRssKiB;
        out << "run " << i << ": counterpay window " << app.wallMs << " ms, engine " << app.engineWallMs << " ms, "
            << app.engineRssKiB / 1024 << " MiB; bare " << bare.wallMs << " ms, " << bare.rssKiB / 1024 << " MiB"
            << Qt::endl;
    }
    const qint64 a = median(appMs), b = median(bareMs), e = median(engineMs);
    const auto ratio = [](qint64 x, qint64 y) { return QString::number(double(x) / double(y), 'f', 2); };
    out << "median start-up to the first painted frame: counterpay " << a << " ms, bare Qt Widgets " << b << " ms"
        << Qt::endl;
    if (a > 0 && b > 0) {
        out << "ratio, first frame: " << ratio(a, b) << " (target 1.5 or less)" << Qt::endl;
        out << "ratio, engine attached (Pay possible, " << e << " ms): " << ratio(e, b) << Qt::endl;
    }
    out << "median idle RSS before any web view (engine attached): counterpay " << median(engineRss) / 1024
        << " MiB, bare " << median(bareRss) / 1024 << " MiB (target 120 MiB or less)" << Qt::endl;
    return 0;
}
