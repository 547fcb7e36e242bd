#include "core/ManualClock.h"
#include "gateway/TokenCache.h"

#include <QtTest>

// The cache logic against a fetcher the test controls; the real token endpoints are exercised
// end to end in tst_GooglePayGateway and tst_CmComGateway.
class tst_TokenCache : public QObject
{
    Q_OBJECT

private:
    static GatewayResult<QByteArray> await(TokenCache &cache, QObject *context)
    {
        std::optional<GatewayResult<QByteArray>> result;
        cache.token(context, [&result](const GatewayResult<QByteArray> &r) { result = r; });
        (void)QTest::qWaitFor([&result]() { return result.has_value(); }, 2000);
        return result ? *result : GatewayResult<QByteArray>::failure(GatewayError::Kind::Unexpected, QStringLiteral("none"));
    }

private slots:
    void reusesAndRefreshesBeforeExpiry()
    {
        ManualClock clock;
        int calls = 0;
        TokenCache cache(clock, [&calls](TokenCache::TokenCallback done) {
            ++calls;
            OAuthToken token;
            token.accessToken = "tok-" + QByteArray::number(calls);
            token.expiresInSeconds = 3600;
            done(token);
        });
        QCOMPARE(await(cache, this).value(), QByteArray("tok-1"));
        clock.advanceMs(3600'000 - 61'000);
        QCOMPARE(await(cache, this).value(), QByteArray("tok-1"));
        clock.advanceMs(2'000); // now inside the 60 s margin
        QCOMPARE(await(cache, this).value(), QByteArray("tok-2"));
        QCOMPARE(cache.fetchCount(), 2);
        cache.invalidate();
        QCOMPARE(await(cache, this).value(), QByteArray("tok-3"));
    }

    void concurrentCallersShareOneFetch()
    {
        ManualClock clock;
        QList<TokenCache::TokenCallback> pending;
        TokenCache cache(clock, [&pending](TokenCache::TokenCallback done) { pending.append(std::move(done)); });
        int answered = 0;
        for (int i = 0; i < 3; ++i)
            cache.token(this, [&answered](const GatewayResult<QByteArray> &r) { answered += r.ok() ? 1 : 0; });
        QCOMPARE(pending.size(), 1);
        OAuthToken token;
        token.accessToken = "shared";
        pending.takeFirst()(token);
        QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 2000);
        QCOMPARE(cache.fetchCount(), 1);
    }

    void failureIsNotCached()
    {
        ManualClock clock;
        int calls = 0;
        TokenCache cache(clock, [&calls](TokenCache::TokenCallback done) {
            ++calls;
            if (calls == 1) {
                done(GatewayResult<OAuthToken>::failure(GatewayError::Kind::Auth, QStringLiteral("denied")));
                return;
            }
            OAuthToken token;
            token.accessToken = "ok";
            done(token);
        });
        const auto first = await(cache, this);
        QVERIFY(!first.ok());
        QCOMPARE(first.error().kind, GatewayError::Kind::Auth);
        QVERIFY(await(cache, this).ok());
        QCOMPARE(calls, 2);
    }
};

QTEST_GUILESS_MAIN(tst_TokenCache)
#include "tst_TokenCache.moc"
