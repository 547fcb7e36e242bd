#pragma once

#include "core/Result.h"
#include "storage/OrderFilter.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

class Ledger;
struct OrderRecord;

// Orders as CSV for a spreadsheet or an accountant: RFC 4180 (CRLF line ends; a field with a
// comma, quote, CR or LF is quoted, quotes doubled), UTF-8 without a BOM, one header row.
// Amounts are decimal strings in major units ("149.50") next to a currency column; times are
// ISO 8601 UTC; the phone is its last 4 digits only.
//
// A text field that a spreadsheet would run as a formula (it starts with = + - @ TAB or CR) is
// written with a leading apostrophe, so a note like "=HYPERLINK(...)" stays text.
class CsvExporter
{
public:
    // Writes every order matching `filter` (its limit, offset and keyset are ignored: the whole
    // filtered view, newest first) to `path`, fetching pages of kPageSize with keyset paging so
    // a million rows never sit in memory. Through QSaveFile: on any failure nothing is left at
    // `path` (an existing file there stays as it was). Returns the number of orders written.
    // Errors: export_unwritable, export_failed, and the ledger's read errors.
    // `pageSize` other than kPageSize is for tests (small pages exercise the keyset paging).
    static Result<qint64> write(Ledger &ledger, const OrderFilter &filter, const QString &path,
                                int pageSize = kPageSize);

    // A strict RFC 4180 reader: CRLF records (a final CRLF is optional), quoted fields,
    // UTF-8 without a BOM, every record as wide as the first. Errors: csv_malformed with the
    // record number and what is wrong.
    static Result<QList<QStringList>> read(const QByteArray &data);
    // read() for callers that only need the rows: empty when the data is not valid CSV.
    static QList<QStringList> parse(const QByteArray &data);

    static QStringList header();
    static QStringList fields(const OrderRecord &order);
    // One record, CRLF-terminated, UTF-8.
    static QByteArray encodeRecord(const QStringList &fields);

    static constexpr int kPageSize = 1000;
};
