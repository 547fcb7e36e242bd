#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

// The one rule for status-poll schedules, wherever a person sets one: the CLI's --poll
// (PollPolicy::validate), and the back office's polling settings (Settings and SettingsDialog).
// It lives in core, header only, because the back office does not link the checkout layer.
//
// - the first check comes no sooner than kMinFirstMs after initiation;
// - no interval between checks is shorter than kMinIntervalMs (so no zero);
// - the cap (the longest wait) is not below the first check.
// Each refusal is one line naming the key and the limit, without a trailing full stop.
namespace PollLimits {

inline constexpr qint64 kMinFirstMs = 250;
inline constexpr qint64 kMinIntervalMs = 250;

// Empty when first and cap are acceptable.
inline QString checkFirstAndCap(qint64 firstMs, qint64 capMs, QStringView firstKey, QStringView capKey)
{
    if (firstMs < kMinFirstMs)
        return QStringLiteral("%1 must be at least %2 ms, not %3").arg(firstKey).arg(kMinFirstMs).arg(firstMs);
    if (capMs < firstMs)
        return QStringLiteral("%1 must be at least %2 (%3 ms), not %4").arg(capKey, firstKey).arg(firstMs).arg(capMs);
    return {};
}

// Empty when an interval between checks is acceptable.
inline QString checkInterval(qint64 intervalMs, QStringView key)
{
    if (intervalMs < kMinIntervalMs)
        return QStringLiteral("%1 must be at least %2 ms, not %3").arg(key).arg(kMinIntervalMs).arg(intervalMs);
    return {};
}

} // namespace PollLimits
