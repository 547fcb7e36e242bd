#pragma once

#include <QDateTime>

// The time seam. Production code asks a Clock, never QDateTime::currentDateTime(), so tests can
// move time forward instead of sleeping.
class Clock
{
public:
    virtual ~Clock();

    // Wall-clock time in UTC, for timestamps that are stored or shown.
    virtual QDateTime nowUtc() const = 0;
    // Monotonic milliseconds from an arbitrary origin, for measuring intervals and deadlines.
    virtual qint64 monotonicMs() const = 0;

    // The process-wide real clock.
    static Clock &system();
};
