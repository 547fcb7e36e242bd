#include "SqliteShell.h"

#include <QProcess>
#include <QRegularExpression>

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
