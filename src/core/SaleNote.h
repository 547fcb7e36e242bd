#pragma once

#include "core/Result.h"

#include <QString>

// The cashier's optional note on a sale ("table 4", an invoice number): one line of at most
// kMaxLength characters. It is stored in the ledger and exported to CSV, so it is checked
// before a sale is written, the same way from the CLI and the window:
// - a control character (ESC, NUL, CR, LF, TAB ...) is refused, never stored raw;
// - a longer note is refused with its length, never cut without saying so;
// - a run of digits that looks like a mobile number (10 or more digits, spaces, dots or
//   hyphens between them allowed, a leading + too) is masked to its last four digits, as
//   the logs are: a phone number typed into the note is personal data.
class SaleNote
{
public:
    static constexpr int kMaxLength = 200;

    // The note as it will be stored (trimmed, phone numbers masked). Errors: "note_control"
    // (with the character's position), "note_too_long".
    static Result<QString> check(const QString &note);
    // Only the masking.
    static QString maskPhoneNumbers(const QString &text);
};
