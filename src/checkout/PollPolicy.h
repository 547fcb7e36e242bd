#pragma once

#include <vector>
#include <QString>

// When to ask a gateway for an order's status. Customers act within seconds of the push or
// the QR, so checks are fast at first, then back off to a cap; a provider's Retry-After always
// wins over a shorter interval. After the provider's expiry, checks continue at the cap for a
// grace period to catch a late success. Configurable per provider.
struct PollPolicy
{
    struct Phase
    {
        qint64 untilMs;    // this phase applies while elapsed < untilMs (since initiation)
        qint64 intervalMs; // delay between checks in this phase
    };

    qint64 firstCheckMs = 1000;
    std::vector<Phase> phases { { 20'000, 1000 }, { 38'000, 1500 } };
    double backoffFactor = 2.0;   // after the last phase, each delay grows by this factor ...
    qint64 capMs = 25'000;        // ... up to this cap (39 checks in a 3-minute payment)
    int jitterPercent = 10;       // +/- spread so terminals do not poll in lockstep
    qint64 graceAfterExpiryMs = 120'000;
    qint64 defaultExpiryMs = 15 * 60'000; // when the provider gives no expiry
    // How long Pay keeps trying to reach the gateway after transport errors, 5xx and 429
    // (honouring Retry-After) before the sale is left unknown: the sale's own deadline for
    // getting its payment request accepted. The cashier can cancel at any moment.
    qint64 startRetryMs = 120'000;

    // The delay before the next check. elapsedMs: since initiation; previousDelayMs: the last
    // delay used (0 before the first check); retryAfterMs: the provider's, or -1. `unit` in
    // [0,1) picks the jitter (pass a random draw; 0.5 means none).
    qint64 nextDelayMs(qint64 elapsedMs, qint64 previousDelayMs, qint64 retryAfterMs,
                       double unit) const;

    // A policy for tests and the demo: the same shape scaled by `factor` (0.01 = 100x faster).
    PollPolicy scaled(double factor) const;

    // Empty when this schedule may be used; otherwise one line naming the key and the limit
    // (see core/PollLimits.h, the rule shared with the back office): a first check under
    // 250 ms, an interval under 250 ms, a cap under the first check, phases out of order, a
    // backoff outside 1-10, a zero expiry, a jitter outside 0-50 %.
    QString validate() const;

    // Parses "first=1000;phases=20000:1000,38000:1500;backoff=2;cap=25000;grace=120000;
    // expiry=900000;jitter=10" (any subset; others keep their defaults) and validates the
    // result. Empty on error with `error` set (one line, no trailing full stop).
    static PollPolicy parse(const QString &text, QString *error);
};
