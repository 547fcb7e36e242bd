#include "core/ManualClock.h"

ManualClock::ManualClock(const QDateTime &startUtc) : m_startUtc(startUtc.toUTC()) { }

QDateTime ManualClock::nowUtc() const
{
    return m_startUtc.addMSecs(m_elapsedMs);
}

qint64 ManualClock::monotonicMs() const
{
    return m_elapsedMs;
}

void ManualClock::advanceMs(qint64 ms)
{
    if (ms > 0)
        m_elapsedMs += ms;
}

void ManualClock::setNowUtc(const QDateTime &nowUtc)
{
    // Wall time may jump (NTP, a manager fixing the clock); monotonic time never goes back.
    m_startUtc = nowUtc.toUTC().addMSecs(-m_elapsedMs);
}
