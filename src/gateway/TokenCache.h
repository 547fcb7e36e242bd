#pragma once

#include "core/Clock.h"
#include "gateway/GatewayResult.h"
#include "gateway/HttpClient.h"
#include "gateway/OAuthToken.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

// Caches one bearer token (Google service account, CM.com client credentials) and refreshes it
// before it expires: a token is reused until `refreshMarginMs` before its expiry, measured on
// the injected Clock's monotonic time (tests move a ManualClock instead of sleeping).
// Concurrent callers while a fetch is running wait for that one fetch.
//
// sendAuthorized() adds "Authorization: Bearer <token>" and, if the API answers 401 (the
// provider revoked or expired the token early), drops the token, fetches a new one and sends
// the request once more.
class TokenCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenCache)

public:
    using TokenCallback = std::function<void(const GatewayResult<OAuthToken> &)>;
    // Starts a token request; must call back exactly once (the TokenCache is its context).
    using Fetcher = std::function<void(TokenCallback)>;

    TokenCache(const Clock &clock, Fetcher fetcher, qint64 refreshMarginMs = 60'000,
               QObject *parent = nullptr);

    void token(QObject *context, std::function<void(const GatewayResult<QByteArray> &)> done);
    void invalidate();
    void sendAuthorized(HttpClient *http, const HttpRequest &request, QObject *context,
                        HttpClient::Callback done);

    int fetchCount() const { return m_fetchCount; }
    bool hasValidToken() const;

private:
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(const GatewayResult<QByteArray> &)> done;
    };
    void onFetched(const GatewayResult<OAuthToken> &result);
    void sendWithToken(HttpClient *http, const HttpRequest &request, QObject *context,
                       HttpClient::Callback done, bool mayRetry);

    const Clock &m_clock;
    Fetcher m_fetcher;
    qint64 m_refreshMarginMs;
    QByteArray m_token;
    qint64 m_expiresAtMs = 0;
    bool m_fetching = false;
    int m_fetchCount = 0;
    QList<Waiter> m_waiters;
};
