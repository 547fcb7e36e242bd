#pragma once

#include "core/Result.h"
#include "storage/OrderQuery.h"

#include <QList>
#include <QString>

// Runs SQL through the `sqlite3` command-line shell on a file and reads its `.timer on` lines,
// so the ledger's timings can be compared with SQLite's own tool on the same statement. The
// statements keep their `?` placeholders; the values are bound with `.parameter set ?N`.
class SqliteShell
{
public:
    struct Timing
    {
        double realMs = 0;  // wall clock, printed by the shell with 1 ms resolution
        double cpuMs = 0;   // user + sys, microsecond resolution
    };

    // Runs the group of statements `runs` times in one shell process (output discarded) and
    // returns one timing per run, each the sum over the group.
    static Result<QList<Timing>> time(const QString &dbPath, const QList<OrderQuery> &group, int runs);
    // Wall time of one run of the group, to the microsecond: the shell runs it `repetitions`
    // times in one process, and the same script without the SQL statements (same start-up,
    // same `.parameter` lines) is subtracted; median of `trials` pairs. For queries faster
    // than the `.timer` line's 1 ms resolution.
    static Result<double> batchWallMs(const QString &dbPath, const QList<OrderQuery> &group, int repetitions,
                                      int trials = 5);
    static QString version();
};
