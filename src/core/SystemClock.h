#pragma once

#include "core/Clock.h"

#include <QElapsedTimer>

class SystemClock final : public Clock
{
public:
    SystemClock();

    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;

private:
    QElapsedTimer m_monotonic;
};
