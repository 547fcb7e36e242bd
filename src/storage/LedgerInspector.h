#pragma once

#include "core/Result.h"

#include <QString>

// Decides whether an existing file may be opened as a ledger, before anything is written to
// it, through a read-only connection. Always (cheap, a few pages): SQLite's magic, a file
// shorter than its own header says (truncated by an interrupted copy or a full disk), our
// application id, a readable schema and its version. On request: SQLite's quick_check, which
// reads every page and so costs time in proportion to the file (seconds at a million orders).
//
// Error codes: unreadable, not_a_ledger, damaged, foreign_database, newer_schema. Every message
// says the file was left untouched.
class LedgerInspector
{
public:
    static VoidResult inspect(const QString &path, bool scanAllPages);
    // One phone number sealed under the device key (orders.phone_sealed), read-only; empty
    // when the ledger holds none (or does not exist yet). The caller checks its key opens it.
    static Result<QByteArray> sampleSealedPhone(const QString &path);
};
