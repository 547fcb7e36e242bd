#pragma once

#include <QByteArray>
#include <QDateTime>

// Backoff and Retry-After arithmetic for HttpClient. Pure functions, so tests can check them.
class RetryPolicy
{
public:
    int maxAttempts = 3;          // first try included
    int baseDelayMs = 250;
    int maxDelayMs = 4000;
    qint64 maxRetryAfterMs = 10'000; // a longer Retry-After is handed to the caller instead
    // The most one call may take from send() to its callback, retries and waits included.
    // <= 0: maxAttempts x attemptTimeoutMs + (maxAttempts - 1) x max(maxDelayMs, maxRetryAfterMs).
    qint64 maxTotalMs = 0;

    // The overall budget of one call whose attempts each have attemptTimeoutMs.
    qint64 totalBudgetMs(int attemptTimeoutMs) const;

    // Exponential backoff with "equal jitter": half of base*2^(retry-1) (capped) plus a random
    // part of the other half. retry is 1 for the first retry. randomUnit is in [0, 1).
    int backoffMs(int retry, double randomUnit) const;
    // The same with QRandomGenerator::global().
    int backoffMs(int retry) const;

    // Retry-After as delay-seconds ("120") or an HTTP-date; -1 when absent or unparsable.
    // A date in the past gives 0.
    static qint64 parseRetryAfterMs(const QByteArray &value, const QDateTime &nowUtc);
};
