#pragma once

#include "core/Clock.h"
#include "gateway/GatewayResult.h"
#include "gateway/HttpRequest.h"
#include "gateway/RetryPolicy.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

// The one careful HTTP client every gateway talks through.
//
// - One QNetworkAccessManager, injected (owned by the caller, typically the app).
// - A wall-clock deadline on every attempt: a QTimer started with the attempt aborts the reply
//   at the request's timeoutMs (or Options::timeoutMs) whatever is still arriving, so a body
//   that drips one byte a second is cut at the timeout and ends Kind::Timeout (outcomeUnknown
//   for writes, as any timeout). Qt's setTransferTimeout alone is an inactivity timer that
//   every byte resets; it is not used.
// - The retries' total is bounded as well: a call never runs past RetryPolicy::totalBudgetMs()
//   from send(). By default that is maxAttempts x timeout + (maxAttempts - 1) x the longest
//   wait between attempts (max(maxDelayMs, maxRetryAfterMs)): 3 x 15 s + 2 x 10 s = 65 s with
//   the defaults; RetryPolicy::maxTotalMs sets a tighter one. A retry whose wait would end
//   past the budget is not made (the caller gets the last error or response), and a retry's
//   own deadline is shortened to what is left of the budget.
// - Retries only for Effect::Read and Effect::IdempotentWrite: on unreachable/timeout/
//   truncated, 429, 500/502/503/504; exponential backoff with jitter; a 429/503 Retry-After
//   is honoured as the delay (if it is longer than RetryPolicy::maxRetryAfterMs, the client
//   gives up and the caller gets the response with its Retry-After).
// - A response cap (default 1 MiB): the transfer is aborted as soon as it is exceeded.
// - A 2xx answer to a request with expectJson must be application/json (or +json).
// - TLS verification stays on. Extra CA certificates (a sandbox profile's CA) are added to the
//   default trust store; errors are never ignored. Redirects are not followed.
// - Log lines go through LogRedactor: no Authorization header, token, key or phone number.
//
// send() completes the callback once, later, on `context` (dropped if context is gone), with
// either an HttpResponse carrying ANY final HTTP status (the provider client maps non-2xx
// through statusError() and its own error-body parser) or a transport GatewayError
// (Unreachable, Timeout, Tls, Truncated, Oversized, WrongContentType, Unexpected).
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    struct Options
    {
        int timeoutMs = 15'000;
        qint64 maxBodyBytes = 1024 * 1024;
        RetryPolicy retry;
        QList<QSslCertificate> extraCaCertificates; // sandbox profiles only
    };

    using Callback = std::function<void(const GatewayResult<HttpResponse> &)>;

    HttpClient(QNetworkAccessManager *manager, Options options, QObject *parent = nullptr);
    ~HttpClient() override;

    void send(const HttpRequest &request, QObject *context, Callback done);

    const Options &options() const { return m_options; }
    // For tests: the clock used to read Retry-After dates.
    void setClock(const Clock *clock) { m_clock = clock; }

    // The GatewayError for a non-2xx response (kind from the status; Retry-After parsed;
    // outcomeUnknown set for writes that got a 5xx). Provider clients fill providerCode and
    // message from the body afterwards.
    static GatewayError statusError(const HttpResponse &response, HttpRequest::Effect effect,
                                    const QDateTime &nowUtc);

private:
    struct Call;
    void startAttempt(const std::shared_ptr<Call> &call);
    void onFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void finish(const std::shared_ptr<Call> &call, GatewayResult<HttpResponse> result);
    bool scheduleRetry(const std::shared_ptr<Call> &call, qint64 delayMs, const QString &why);
    int attemptTimeoutMs(const HttpRequest &request) const;

    QNetworkAccessManager *m_manager;
    Options m_options;
    const Clock *m_clock;
    QList<QPointer<QNetworkReply>> m_inFlight;
};
