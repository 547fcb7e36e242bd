#pragma once

#include <QString>

// A typed failure: a stable machine-readable code (tests and callers branch on it) and a
// sentence for a person, saying what is wrong and, where it helps, what to do.
struct Error
{
    QString code;
    QString message;

    bool operator==(const Error &other) const { return code == other.code; }
};
