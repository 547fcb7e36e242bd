#include "SqliteShell.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>

namespace {

// A value as the shell's `.parameter set` expects it: an SQL literal. Text is quoted (and the
// argument double-quoted so the shell keeps the single quotes).
QString literal(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QString::number(value.toLongLong());
    default: {
        QString text = value.toString();
        text.replace(u'\'', QLatin1String("''"));
        return u"\"'" + text + u"'\"";
    }
    }
}

} // namespace

namespace {

// The group `repetitions` times, with or without its SQL statements.
QString batchScript(const QList<OrderQuery> &group, int repetitions, bool withSql)
{
    QString script = QStringLiteral(".output /dev/null\n");
    for (int run = 0; run < repetitions; ++run) {
        for (const OrderQuery &query : group) {
            script += QStringLiteral(".parameter clear\n");
            for (int i = 0; i < query.bindings.size(); ++i)
                script += QStringLiteral(".parameter set ?%1 %2\n").arg(i + 1).arg(literal(query.bindings.at(i)));
            if (withSql)
                script += query.sql + QStringLiteral(";\n");
        }
    }
    return script;
}

// Wall time of one sqlite3 process running `script`, from start to exit; negative on failure.
double runScriptMs(const QString &dbPath, const QByteArray &script)
{
    QProcess shell;
    QElapsedTimer timer;
    timer.start();
    shell.start(QStringLiteral("sqlite3"), { QStringLiteral("-bail"), dbPath });
    if (!shell.waitForStarted(10'000))
        return -1;
    shell.write(script);
    shell.closeWriteChannel();
    if (!shell.waitForFinished(600'000) || shell.exitCode() != 0)
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

Result<double> SqliteShell::batchWallMs(const QString &dbPath, const QList<OrderQuery> &group, int repetitions,
                                        int trials)
{
    const QByteArray withSql = batchScript(group, repetitions, true).toUtf8();
    const QByteArray withoutSql = batchScript(group, repetitions, false).toUtf8();
    QList<double> perRun;
    for (int trial = 0; trial < trials; ++trial) {
        const double full = runScriptMs(dbPath, withSql);
        const double empty = runScriptMs(dbPath, withoutSql);
        if (full < 0 || empty < 0)
            return Result<double>::failure(QStringLiteral("sqlite3_failed"), QStringLiteral("sqlite3 batch run failed"));
        perRun.append((full - empty) / repetitions);
    }
    std::sort(perRun.begin(), perRun.end());
    return perRun.at(perRun.size() / 2);
}

Result<QList<SqliteShell::Timing>> SqliteShell::time(const QString &dbPath, const QList<OrderQuery> &group, int runs)
{
    QString script = QStringLiteral(".output /dev/null\n");
    for (int run = 0; run < runs; ++run) {
        for (const OrderQuery &query : group) {
            script += QStringLiteral(".parameter clear\n");
            for (int i = 0; i < query.bindings.size(); ++i)
                script += QStringLiteral(".parameter set ?%1 %2\n").arg(i + 1).arg(literal(query.bindings.at(i)));
            script += QStringLiteral(".timer on\n") + query.sql + QStringLiteral(";\n.timer off\n");
        }
    }
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), { QStringLiteral("-bail"), dbPath });
    if (!shell.waitForStarted(10'000))
        return Result<QList<Timing>>::failure(QStringLiteral("no_sqlite3"), QStringLiteral("cannot start sqlite3: ") + shell.errorString());
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    if (!shell.waitForFinished(600'000))
        return Result<QList<Timing>>::failure(QStringLiteral("sqlite3_timeout"), QStringLiteral("sqlite3 did not finish"));
    const QString out = QString::fromUtf8(shell.readAllStandardOutput());
    const QString err = QString::fromUtf8(shell.readAllStandardError());
    if (shell.exitCode() != 0 || !err.trimmed().isEmpty())
        return Result<QList<Timing>>::failure(QStringLiteral("sqlite3_failed"), err.trimmed().left(400));

    static const QRegularExpression line(QStringLiteral(R"(Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+))"));
    QList<Timing> each;
    for (auto match = line.globalMatch(out); match.hasNext();) {
        const QRegularExpressionMatch m = match.next();
        each.append(Timing { m.captured(1).toDouble() * 1000.0, (m.captured(2).toDouble() + m.captured(3).toDouble()) * 1000.0 });
    }
    if (each.size() != runs * group.size()) {
        return Result<QList<Timing>>::failure(QStringLiteral("sqlite3_output"),
                                              QStringLiteral("expected %1 timer lines, read %2").arg(runs * group.size()).arg(each.size()));
    }
    QList<Timing> perRun;
    for (int run = 0; run < runs; ++run) {
        Timing sum;
        for (int i = 0; i < group.size(); ++i) {
            sum.realMs += each.at(run * group.size() + i).realMs;
            sum.cpuMs += each.at(run * group.size() + i).cpuMs;
        }
        perRun.append(sum);
    }
    return perRun;
}

QString SqliteShell::version()
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), { QStringLiteral("--version") });
    if (!shell.waitForFinished(10'000))
        return QStringLiteral("(sqlite3 not found)");
    return QString::fromUtf8(shell.readAllStandardOutput()).section(u' ', 0, 0);
}
