#pragma once

#include "core/Clock.h"

// A clock that only moves when told to. For tests.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &startUtc
                         = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC));

    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;

    void advanceMs(qint64 ms);
    void setNowUtc(const QDateTime &nowUtc);

private:
    QDateTime m_startUtc;
    qint64 m_elapsedMs = 0;
};
