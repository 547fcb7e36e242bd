#include "gateway/RetryPolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

int RetryPolicy::backoffMs(int retry, double randomUnit) const
{
    qint64 ceiling = std::max(1, baseDelayMs);
    for (int i = 1; i < retry && ceiling < maxDelayMs; ++i)
        ceiling *= 2;
    ceiling = std::min<qint64>(ceiling, std::max(1, maxDelayMs));
    const double unit = std::clamp(randomUnit, 0.0, 1.0);
    const qint64 half = ceiling / 2;
    return int(half + qint64(double(ceiling - half) * unit));
}

qint64 RetryPolicy::totalBudgetMs(int attemptTimeoutMs) const
{
    if (maxTotalMs > 0)
        return maxTotalMs;
    const qint64 attempts = std::max(1, maxAttempts);
    const qint64 longestWait = std::max<qint64>(std::max(0, maxDelayMs), std::max<qint64>(0, maxRetryAfterMs));
    return attempts * std::max(1, attemptTimeoutMs) + (attempts - 1) * longestWait;
}

int RetryPolicy::backoffMs(int retry) const
{
    return backoffMs(retry, QRandomGenerator::global()->generateDouble());
}

qint64 RetryPolicy::parseRetryAfterMs(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : std::min<qint64>(seconds, 86'400) * 1000;

    // IMF-fixdate: "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 9110). Parsed in the C locale.
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, nowUtc.msecsTo(when));
}
