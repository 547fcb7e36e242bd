#include "checkout/PollPolicy.h"

#include "core/PollLimits.h"

#include <QStringList>

#include <cmath>

qint64 PollPolicy::nextDelayMs(qint64 elapsedMs, qint64 previousDelayMs, qint64 retryAfterMs,
                               double unit) const
{
    qint64 delay = 0;
    if (previousDelayMs <= 0) {
        delay = firstCheckMs;
    } else {
        bool inPhase = false;
        for (const Phase &phase : phases) {
            if (elapsedMs < phase.untilMs) {
                delay = phase.intervalMs;
                inPhase = true;
                break;
            }
        }
        if (!inPhase) {
            // Timing only: this multiplies milliseconds between checks, never an amount.
            const qint64 lastPhaseInterval = phases.empty() ? firstCheckMs : phases.back().intervalMs;
            const qint64 base = qMax(previousDelayMs, lastPhaseInterval);
            delay = qint64(std::llround(double(base) * backoffFactor));
        }
        delay = qMin(delay, capMs);
    }
    if (jitterPercent > 0) {
        const double spread = double(jitterPercent) / 100.0 * (2.0 * unit - 1.0);
        delay = qint64(std::llround(double(delay) * (1.0 + spread)));
    }
    if (retryAfterMs > delay)
        delay = retryAfterMs;
    return qMax<qint64>(delay, 1);
}

PollPolicy PollPolicy::scaled(double factor) const
{
    auto scale = [factor](qint64 ms) { return qMax<qint64>(1, qint64(std::llround(double(ms) * factor))); };
    PollPolicy copy = *this;
    copy.firstCheckMs = scale(firstCheckMs);
    for (Phase &phase : copy.phases) {
        phase.untilMs = scale(phase.untilMs);
        phase.intervalMs = scale(phase.intervalMs);
    }
    copy.capMs = scale(capMs);
    copy.graceAfterExpiryMs = scale(graceAfterExpiryMs);
    copy.defaultExpiryMs = scale(defaultExpiryMs);
    copy.startRetryMs = scale(startRetryMs);
    return copy;
}

QString PollPolicy::validate() const
{
    if (QString problem = PollLimits::checkFirstAndCap(firstCheckMs, capMs, u"first", u"cap"); !problem.isEmpty())
        return problem;
    qint64 previousUntil = 0;
    for (const Phase &phase : phases) {
        if (QString problem = PollLimits::checkInterval(phase.intervalMs, u"each phases interval"); !problem.isEmpty())
            return problem;
        if (phase.untilMs <= previousUntil)
            return QStringLiteral("phases must end one after another (each UNTIL_MS above %1), not %2")
                    .arg(previousUntil)
                    .arg(phase.untilMs);
        previousUntil = phase.untilMs;
    }
    if (!(backoffFactor >= 1.0 && backoffFactor <= 10.0))
        return QStringLiteral("backoff must be between 1 and 10, not %1").arg(backoffFactor);
    if (defaultExpiryMs <= 0)
        return QStringLiteral("expiry must be more than 0 ms, not %1").arg(defaultExpiryMs);
    if (graceAfterExpiryMs < 0)
        return QStringLiteral("grace must be 0 ms or more, not %1").arg(graceAfterExpiryMs);
    if (jitterPercent < 0 || jitterPercent > 50)
        return QStringLiteral("jitter must be from 0 to 50 (percent), not %1").arg(jitterPercent);
    return {};
}

PollPolicy PollPolicy::parse(const QString &text, QString *error)
{
    PollPolicy policy;
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return PollPolicy();
    };
    const QStringList items = text.split(u';', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const qsizetype eq = item.indexOf(u'=');
        if (eq <= 0)
            return fail(QStringLiteral("'%1' is not key=value").arg(item.trimmed()));
        const QString key = item.left(eq).trimmed();
        const QString value = item.mid(eq + 1).trimmed();
        bool ok = false;
        if (key == QLatin1String("phases")) {
            policy.phases.clear();
            for (const QString &pair : value.split(u',', Qt::SkipEmptyParts)) {
                const QStringList parts = pair.split(u':');
                bool a = false;
                bool b = false;
                const qint64 until = parts.value(0).toLongLong(&a);
                const qint64 interval = parts.value(1).toLongLong(&b);
                if (parts.size() != 2 || !a || !b || until < 0 || interval < 0)
                    return fail(QStringLiteral("phases wants UNTIL_MS:INTERVAL_MS pairs, not '%1'").arg(pair));
                policy.phases.push_back({ until, interval });
            }
            continue;
        }
        if (key == QLatin1String("backoff")) {
            const double factor = value.toDouble(&ok);
            if (!ok)
                return fail(QStringLiteral("backoff must be between 1 and 10, not '%1'").arg(value));
            policy.backoffFactor = factor;
            continue;
        }
        const qint64 number = value.toLongLong(&ok);
        if (!ok || number < 0)
            return fail(QStringLiteral("%1 must be a whole number of milliseconds, not '%2'").arg(key, value));
        if (key == QLatin1String("first"))
            policy.firstCheckMs = number;
        else if (key == QLatin1String("cap"))
            policy.capMs = number;
        else if (key == QLatin1String("grace"))
            policy.graceAfterExpiryMs = number;
        else if (key == QLatin1String("expiry"))
            policy.defaultExpiryMs = number;
        else if (key == QLatin1String("jitter"))
            policy.jitterPercent = int(qMin<qint64>(number, 1000));
        else
            return fail(QStringLiteral("unknown poll setting '%1'").arg(key));
    }
    if (const QString problem = policy.validate(); !problem.isEmpty())
        return fail(problem);
    if (error)
        error->clear();
    return policy;
}
