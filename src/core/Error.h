#pragma once

#include <QString>

// A typed failure: a stable machine-readable code (tests and callers branch on it) and a
// sentence for a person, saying what is wrong and, where it helps, what to do.
struct Error
{
    QString code;
    QString message;

    // The one way to build an Error from a code literal: `return Error::make("not_found", ...);`
    static Error make(const char *code, const QString &message) { return Error { QString::fromLatin1(code), message }; }

    bool operator==(const Error &other) const { return code == other.code; }
};
