#pragma once

#include "core/Result.h"

#include <QSqlDatabase>

// The ledger's schema and its migrations. Each migration runs in one transaction together
// with the bump of schema_version, so a crash leaves the file at the old or the new version,
// never in between.
class LedgerSchema
{
public:
    // "CPY1": written to SQLite's application_id header field so a CounterPay ledger can be
    // told from any other SQLite file before anything is written to it.
    static constexpr quint32 kApplicationId = 0x43505931;
    static constexpr int kCurrentVersion = 2;

    // Reads schema_version; 0 for a database with no CounterPay tables yet.
    static Result<int> version(QSqlDatabase &db);
    // Brings the database to kCurrentVersion. Refuses a newer version than this build knows.
    static VoidResult migrate(QSqlDatabase &db);
};
