#pragma once

#include "core/Error.h"

#include <QString>

#include <optional>

// Why a sound ledger cannot be opened or written where it lies, told apart from damage: a disk
// with no room left, or a read-only disk, folder or file. SQLite reports these as "disk I/O
// error" or "unable to open database file", which read like a damaged file; the advice then
// ("move it aside") was wrong and could make a manager set aside a sound ledger.
//
// Error codes: disk_full, ledger_read_only. Messages say what to do, and that the file was
// left untouched.
class LedgerPlace
{
public:
    // Below this much free space a ledger is treated as on a full disk (SQLite needs room for
    // its write-ahead log and shared-memory index even to read in WAL mode).
    static constexpr qint64 kMinFreeBytes = 256 * 1024;

    static std::optional<Error> problem(const QString &ledgerPath);
};
