#include "gateway/TokenCache.h"

#include "gateway/GatewayLogging.h"

#include <QMetaObject>

TokenCache::TokenCache(const Clock &clock, Fetcher fetcher, qint64 refreshMarginMs, QObject *parent)
    : QObject(parent), m_clock(clock), m_fetcher(std::move(fetcher)), m_refreshMarginMs(refreshMarginMs)
{
}

bool TokenCache::hasValidToken() const
{
    return !m_token.isEmpty() && m_clock.monotonicMs() + m_refreshMarginMs < m_expiresAtMs;
}

void TokenCache::invalidate()
{
    m_token.clear();
    m_expiresAtMs = 0;
}

void TokenCache::token(QObject *context, std::function<void(const GatewayResult<QByteArray> &)> done)
{
    if (hasValidToken()) {
        const QByteArray token = m_token;
        QMetaObject::invokeMethod(context, [done = std::move(done), token]() { done(token); },
                                  Qt::QueuedConnection);
        return;
    }
    m_waiters.append({ QPointer<QObject>(context), std::move(done) });
    if (m_fetching)
        return;
    m_fetching = true;
    ++m_fetchCount;
    qCDebug(lcGateway) << "fetching an access token";
    QPointer<TokenCache> self(this);
    m_fetcher([self](const GatewayResult<OAuthToken> &result) {
        if (self)
            self->onFetched(result);
    });
}

void TokenCache::onFetched(const GatewayResult<OAuthToken> &result)
{
    m_fetching = false;
    GatewayResult<QByteArray> outcome = result.ok() ? GatewayResult<QByteArray>(result->accessToken)
                                                    : GatewayResult<QByteArray>(result.error());
    if (result.ok()) {
        m_token = result->accessToken;
        m_expiresAtMs = m_clock.monotonicMs() + result->expiresInSeconds * 1000;
        qCInfo(lcGateway) << "access token obtained, valid for" << result->expiresInSeconds << "s";
    } else {
        invalidate();
        qCWarning(lcGateway).noquote() << "access token request failed:" << result.error().toString();
    }
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (!waiter.context)
            continue;
        QMetaObject::invokeMethod(waiter.context.data(),
                                  [done = waiter.done, outcome]() { done(outcome); },
                                  Qt::QueuedConnection);
    }
}

void TokenCache::sendAuthorized(HttpClient *http, const HttpRequest &request, QObject *context,
                                HttpClient::Callback done)
{
    sendWithToken(http, request, context, std::move(done), true);
}

void TokenCache::sendWithToken(HttpClient *http, const HttpRequest &request, QObject *context,
                               HttpClient::Callback done, bool mayRetry)
{
    QPointer<QObject> guard(context);
    token(this, [this, http, request, guard, done = std::move(done), mayRetry](const GatewayResult<QByteArray> &token) mutable {
        if (!guard)
            return;
        if (!token.ok()) {
            GatewayError error = token.error();
            // No token means the API request was never sent.
            error.outcomeUnknown = false;
            if (error.kind != GatewayError::Kind::Config && !error.isTransport())
                error.kind = GatewayError::Kind::Auth;
            QMetaObject::invokeMethod(guard.data(), [done = std::move(done), error]() { done(error); },
                                      Qt::QueuedConnection);
            return;
        }
        HttpRequest authorized = request;
        authorized.headers.append({ QByteArray("Authorization"), QByteArray("Bearer ") + token.value() });
        http->send(authorized, this, [this, http, request, guard, done = std::move(done), mayRetry](const GatewayResult<HttpResponse> &reply) mutable {
            if (!guard)
                return;
            if (mayRetry && reply.ok() && reply->status == 401) {
                qCInfo(lcGateway).noquote() << request.purpose << "got 401; refreshing the access token once";
                invalidate();
                sendWithToken(http, request, guard, std::move(done), false);
                return;
            }
            QMetaObject::invokeMethod(guard.data(), [done = std::move(done), reply]() { done(reply); },
                                      Qt::QueuedConnection);
        });
    });
}
