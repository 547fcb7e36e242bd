#include "core/SystemClock.h"

Clock::~Clock() = default;

Clock &Clock::system()
{
    static SystemClock clock;
    return clock;
}

SystemClock::SystemClock()
{
    m_monotonic.start();
}

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    return m_monotonic.elapsed();
}
