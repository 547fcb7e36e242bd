#include "ScriptedHttpServer.h"

#include "core/ManualClock.h"
#include "gateway/HttpClient.h"
#include "gateway/LogRedactor.h"
#include "gateway/RetryPolicy.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QtTest>

#include <optional>

using Kind = GatewayError::Kind;
using Effect = HttpRequest::Effect;

namespace {

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    if (g_previous && type != QtDebugMsg)
        g_previous(type, context, message);
}

} // namespace

class tst_HttpClient : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        std::optional<GatewayResult<HttpResponse>> result;
    };

    HttpClient::Options fastOptions() const
    {
        HttpClient::Options options;
        options.timeoutMs = 300;
        options.retry.maxAttempts = 3;
        options.retry.baseDelayMs = 10;
        options.retry.maxDelayMs = 40;
        options.retry.maxRetryAfterMs = 2000;
        return options;
    }

    // Sends and waits (bounded) for the callback.
    GatewayResult<HttpResponse> run(HttpClient &client, const HttpRequest &request)
    {
        std::optional<GatewayResult<HttpResponse>> result;
        client.send(request, this, [&result](const GatewayResult<HttpResponse> &r) { result = r; });
        if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 10'000))
            return GatewayResult<HttpResponse>::failure(Kind::Unexpected, QStringLiteral("test: no callback"));
        return *result;
    }

    HttpRequest get(const ScriptedHttpServer &server, const QByteArray &path = "/status")
    {
        HttpRequest request;
        request.method = HttpRequest::Method::Get;
        request.effect = Effect::Read;
        request.url = QUrl(QString::fromLatin1(server.baseUrl() + path));
        request.purpose = QStringLiteral("test.get");
        return request;
    }

    HttpRequest post(const ScriptedHttpServer &server, Effect effect)
    {
        HttpRequest request = get(server, "/txns");
        request.method = HttpRequest::Method::Post;
        request.effect = effect;
        request.body = "a=1";
        request.contentType = "application/x-www-form-urlencoded";
        request.purpose = QStringLiteral("test.post");
        return request;
    }

    QNetworkAccessManager m_manager;

private slots:
    void ok200()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, R"({"status":"NEW"})", "application/json; charset=utf-8");
        HttpClient client(&m_manager, fastOptions());
        HttpRequest request = get(server);
        request.headers.append(qMakePair(QByteArray("x-routing-id"), QByteArray("cust-1")));
        const auto result = run(client, request);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->status, 200);
        QCOMPARE(result->body, QByteArray(R"({"status":"NEW"})"));
        QCOMPARE(result->attempts, 1);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.received().at(0).headers.value("x-routing-id"), QByteArray("cust-1"));
        QCOMPARE(server.received().at(0).headers.value("accept"), QByteArray("application/json"));
    }

    void postBodyAndContentType()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "{}");
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, post(server, Effect::Write));
        QVERIFY(result.ok());
        QCOMPARE(server.received().at(0).method, QByteArray("POST"));
        QCOMPARE(server.received().at(0).body, QByteArray("a=1"));
        QCOMPARE(server.received().at(0).headers.value("content-type"),
                 QByteArray("application/x-www-form-urlencoded"));
    }

    void droppedWriteIsNeverResentByQt()
    {
        // The gateway commits, then the connection drops before any answer. Qt's HTTP layer
        // re-sends such a request by itself when it can rewind the body; for a payment POST
        // that is a second transaction. A one-shot body makes it report the loss instead.
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        ScriptedHttpServer::Reply drop; // nothing written, connection closed
        server.setFallback(drop);
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, post(server, Effect::Write));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, GatewayError::Kind::Unreachable);
        QVERIFY(result.error().outcomeUnknown);
        QTest::qWait(200); // give a silent re-send the chance to show up
        QCOMPARE(server.requestCount(), 1);
    }

    void timeoutRetriesReads()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        ScriptedHttpServer::Reply silent;
        silent.silent = true;
        server.setFallback(silent);
        HttpClient client(&m_manager, fastOptions());
        QElapsedTimer timer;
        timer.start();
        const auto result = run(client, get(server));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Timeout);
        QVERIFY(!result.error().outcomeUnknown);
        QCOMPARE(result.error().attempts, 3);
        QCOMPARE(server.requestCount(), 3);
        QVERIFY(timer.elapsed() < 5000);
    }

    void timeoutOnWriteIsUnknownAndNotRetried()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        ScriptedHttpServer::Reply silent;
        silent.silent = true;
        server.setFallback(silent);
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, post(server, Effect::Write));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Timeout);
        QVERIFY(result.error().outcomeUnknown);
        QCOMPARE(server.requestCount(), 1);
    }

    // A reply that sends its headers and then one byte a second keeps resetting an inactivity
    // timer; the per-attempt wall-clock deadline cuts it at timeout_ms all the same.
    void drippingBodyIsCutAtTheTimeout_data()
    {
        QTest::addColumn<int>("effect");
        QTest::addColumn<bool>("unknown");
        QTest::newRow("read") << int(Effect::Read) << false;
        QTest::newRow("write") << int(Effect::Write) << true;
    }

    void drippingBodyIsCutAtTheTimeout()
    {
        QFETCH(int, effect);
        QFETCH(bool, unknown);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        ScriptedHttpServer::Reply drip;
        drip.raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 120\r\n"
                   "Connection: close\r\n\r\n{";
        drip.drip = QByteArray(118, ' ') + "}";
        drip.dripIntervalMs = 1000;
        server.setFallback(drip);
        HttpClient::Options options = fastOptions();
        options.timeoutMs = 3000;
        options.retry.maxAttempts = 1;
        HttpClient client(&m_manager, options);
        HttpRequest request = Effect(effect) == Effect::Read ? get(server) : post(server, Effect(effect));

        std::optional<GatewayResult<HttpResponse>> result;
        QElapsedTimer timer;
        timer.start();
        client.send(request, this, [&result](const GatewayResult<HttpResponse> &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 8000);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed >= 2000 && elapsed <= 4000, qPrintable(QString::number(elapsed)));
        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind, Kind::Timeout);
        QCOMPARE(result->error().outcomeUnknown, unknown);
        QCOMPARE(server.requestCount(), 1);
    }

    // Retries of a dripping read stay inside the call's overall budget.
    void retriesStayInsideTheTotalBudget()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        ScriptedHttpServer::Reply drip;
        drip.raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n"
                   "Connection: close\r\n\r\n{";
        drip.drip = QByteArray(58, ' ') + "}";
        drip.dripIntervalMs = 100;
        server.setFallback(drip);
        HttpClient::Options options = fastOptions();
        options.timeoutMs = 800;
        options.retry.maxAttempts = 5;
        options.retry.maxTotalMs = 1500; // room for one full attempt and a shortened second
        HttpClient client(&m_manager, options);

        std::optional<GatewayResult<HttpResponse>> result;
        QElapsedTimer timer;
        timer.start();
        client.send(get(server), this, [&result](const GatewayResult<HttpResponse> &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 8000);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed >= 1300 && elapsed <= 2300, qPrintable(QString::number(elapsed)));
        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind, Kind::Timeout);
        QCOMPARE(result->error().attempts, 2);
    }

    void totalBudget()
    {
        RetryPolicy policy; // 3 attempts, 4 s max backoff, 10 s max Retry-After
        QCOMPARE(policy.totalBudgetMs(15'000), qint64(3 * 15'000 + 2 * 10'000));
        policy.maxTotalMs = 20'000;
        QCOMPARE(policy.totalBudgetMs(15'000), qint64(20'000));
    }

    void perRequestTimeoutOverridesDefault()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        ScriptedHttpServer::Reply slow;
        slow.raw = ScriptedHttpServer::response(200, "{}");
        slow.delayMs = 400;
        server.enqueue(slow);
        HttpClient::Options options = fastOptions();
        options.retry.maxAttempts = 1;
        HttpClient client(&m_manager, options);
        HttpRequest request = get(server);
        request.timeoutMs = 2000; // longer than the client's 300 ms
        const auto result = run(client, request);
        QVERIFY(result.ok());
    }

    void retryAfterHonoured_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("429") << 429;
        QTest::newRow("503") << 503;
    }

    void retryAfterHonoured()
    {
        QFETCH(int, status);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(status, R"({"error":"slow down"})", "application/json", { "Retry-After: 1" });
        server.enqueueResponse(200, R"({"ok":true})");
        HttpClient client(&m_manager, fastOptions());
        QElapsedTimer timer;
        timer.start();
        const auto result = run(client, get(server));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 200);
        QCOMPARE(result->attempts, 2);
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    }

    void longRetryAfterIsHandedToCaller()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(429, R"({"error":"quota"})", "application/json", { "Retry-After: 120" });
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, get(server));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 429);
        QCOMPARE(server.requestCount(), 1);
        const GatewayError error = HttpClient::statusError(result.value(), Effect::Read, QDateTime::currentDateTimeUtc());
        QCOMPARE(error.kind, Kind::RateLimited);
        QCOMPARE(error.retryAfterMs, 120'000);
        QVERIFY(!error.outcomeUnknown);
    }

    void retryCountingIdempotentWrite()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(503, "busy", "text/plain");
        server.enqueueResponse(502, "<html>bad gateway</html>", "text/html");
        server.enqueueResponse(200, R"({"ok":1})");
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, post(server, Effect::IdempotentWrite));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 200);
        QCOMPARE(result->attempts, 3);
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(server.received().at(2).body, QByteArray("a=1"));
    }

    void serverErrorOnWriteNotRetried()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(500, R"({"status":"error"})");
        server.enqueueResponse(200, "{}");
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, post(server, Effect::Write));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 500);
        QCOMPARE(server.requestCount(), 1);
        const GatewayError error = HttpClient::statusError(result.value(), Effect::Write, QDateTime::currentDateTimeUtc());
        QCOMPARE(error.kind, Kind::Server);
        QVERIFY(error.outcomeUnknown);
    }

    void retriesExhausted()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        ScriptedHttpServer::Reply busy;
        busy.raw = ScriptedHttpServer::response(503, "{}");
        server.setFallback(busy);
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, get(server));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 503);
        QCOMPARE(result->attempts, 3);
        QCOMPARE(server.requestCount(), 3);
    }

    void clientErrorsNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("400") << 400 << Kind::BadRequest;
        QTest::newRow("401") << 401 << Kind::Auth;
        QTest::newRow("403") << 403 << Kind::Auth;
        QTest::newRow("404") << 404 << Kind::NotFound;
        QTest::newRow("409") << 409 << Kind::BadRequest;
    }

    void clientErrorsNotRetried()
    {
        QFETCH(int, status);
        QFETCH(Kind, kind);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(status, R"({"status":"error"})");
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, get(server));
        QVERIFY(result.ok());
        QCOMPARE(result->status, status);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(HttpClient::statusError(result.value(), Effect::Write, QDateTime::currentDateTimeUtc()).kind, kind);
        QVERIFY(!HttpClient::statusError(result.value(), Effect::Write, QDateTime::currentDateTimeUtc()).outcomeUnknown);
    }

    void oversized_data()
    {
        QTest::addColumn<bool>("announced");
        QTest::newRow("Content-Length too big") << true;
        QTest::newRow("streamed past the cap") << false;
    }

    void oversized()
    {
        QFETCH(bool, announced);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        const QByteArray big(2 * 1024 * 1024, 'x');
        ScriptedHttpServer::Reply reply;
        if (announced) {
            reply.raw = ScriptedHttpServer::response(200, big);
        } else {
            // No Content-Length: the body ends when the connection closes.
            reply.raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + big;
        }
        server.enqueue(reply);
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, post(server, Effect::Write));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Oversized);
        QVERIFY(result.error().outcomeUnknown);
        QCOMPARE(server.requestCount(), 1);
    }

    void justUnderTheCapIsFine()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        const QByteArray body = "\"" + QByteArray(1024 * 1024 - 2, 'y') + "\"";
        server.enqueueResponse(200, body);
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, get(server));
        QVERIFY(result.ok());
        QCOMPARE(result->body.size(), 1024 * 1024);
    }

    void truncated()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        ScriptedHttpServer::Reply cut;
        cut.raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"status\":\"CHAR";
        server.setFallback(cut);
        HttpClient client(&m_manager, fastOptions());
        const auto read = run(client, get(server));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind, Kind::Truncated);
        QVERIFY(!read.error().outcomeUnknown);
        QCOMPARE(server.requestCount(), 3); // reads are retried

        const auto write = run(client, post(server, Effect::Write));
        QVERIFY(!write.ok());
        QCOMPARE(write.error().kind, Kind::Truncated);
        QVERIFY(write.error().outcomeUnknown);
        QCOMPARE(server.requestCount(), 4);
    }

    void wrongContentType()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "<html>login</html>", "text/html");
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, post(server, Effect::Write));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::WrongContentType);
        QVERIFY(result.error().outcomeUnknown);
    }

    void unreachable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        HttpClient client(&m_manager, fastOptions());
        HttpRequest request;
        request.method = HttpRequest::Method::Post;
        request.effect = Effect::Write;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/txns").arg(port));
        const auto result = run(client, request);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Unreachable);
        QVERIFY(!result.error().outcomeUnknown); // refused: nothing was sent
    }

    void refusesBadUrls()
    {
        HttpClient client(&m_manager, fastOptions());
        HttpRequest request;
        request.url = QUrl(QStringLiteral("ftp://127.0.0.1/x"));
        const auto result = run(client, request);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Config);
    }

    void noRedirectFollowed()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(302, "", "", { "Location: http://127.0.0.1:1/elsewhere" });
        HttpClient client(&m_manager, fastOptions());
        const auto result = run(client, post(server, Effect::Write));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 302);
        QVERIFY(HttpClient::statusError(result.value(), Effect::Write, QDateTime::currentDateTimeUtc()).outcomeUnknown);
    }

    void callbackDroppedWhenContextDies()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        ScriptedHttpServer::Reply slow;
        slow.raw = ScriptedHttpServer::response(200, "{}");
        slow.delayMs = 100;
        server.enqueue(slow);
        HttpClient client(&m_manager, fastOptions());
        bool called = false;
        auto *context = new QObject;
        client.send(get(server), context, [&called](const GatewayResult<HttpResponse> &) { called = true; });
        QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 1, 5000);
        delete context;
        QTest::qWait(300); // asserts an absence: the late answer (100 ms) must not reach a dead context
        QVERIFY(!called);
    }

    void logsCarryNoSecrets()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("counterpay.*=true"));
        g_log.clear();
        g_previous = qInstallMessageHandler(captureMessages);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, R"({"access_token":"tok-SECRET-123","expires_in":3600})");
        HttpClient client(&m_manager, fastOptions());
        HttpRequest request = post(server, Effect::Write);
        request.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Basic c2FuZGJveC1qdXNwYXkta2V5Og==")));
        request.body = "client_secret=SECRET-abc&mobile_number=9876543210&customer_phone=9876543210&"
                       "sdk_pg_params=%7B%22phoneNumber%22%3A%22enc-QUJDREVG%22%7D&api_key=KEY-xyz";
        QVERIFY(run(client, request).ok());
        qInstallMessageHandler(g_previous);
        QLoggingCategory::setFilterRules(QString());
        const QString all = g_log.join(u'\n');
        QVERIFY2(!all.isEmpty(), "debug logging produced nothing");
        for (const char *secret : { "c2FuZGJveC1qdXNwYXkta2V5Og", "SECRET-abc", "9876543210", "KEY-xyz",
                                    "enc-QUJDREVG" })
            QVERIFY2(!all.contains(QLatin1String(secret)), secret);
        QVERIFY(all.contains(QStringLiteral("3210")));
    }

    void redactor_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mustNotContain");
        QTest::newRow("json token") << QByteArray(R"({"access_token":"abc.def"})") << "abc.def";
        QTest::newRow("nested phone") << QByteArray(R"({"userInfo":{"phoneNumber":"+919876543210"}})") << "9876543210";
        QTest::newRow("assertion form") << QByteArray("grant_type=x&assertion=eyJhbGciOi.eyJ.sig") << "eyJhbGciOi";
        QTest::newRow("private key") << QByteArray(R"({"private_key":"-----BEGIN PRIVATE KEY-----MII"})") << "MII";
        QTest::newRow("free text digits") << QByteArray("<html>call 9876543210</html>") << "9876543210";
        QTest::newRow("html bearer") << QByteArray("<p>Bearer abc123xyz</p>") << "abc123xyz";
    }

    void redactor()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mustNotContain);
        QVERIFY(!LogRedactor::redactBody(body).contains(mustNotContain));
    }

    void backoff()
    {
        RetryPolicy policy;
        policy.baseDelayMs = 100;
        policy.maxDelayMs = 1000;
        QCOMPARE(policy.backoffMs(1, 0.0), 50);
        QCOMPARE(policy.backoffMs(1, 0.999999), 99);
        QCOMPARE(policy.backoffMs(2, 0.0), 100);
        QCOMPARE(policy.backoffMs(3, 0.0), 200);
        QCOMPARE(policy.backoffMs(10, 0.0), 500);  // capped at maxDelayMs, then halved
        QVERIFY(policy.backoffMs(10, 0.999) <= 1000);
        for (int i = 0; i < 50; ++i) {
            const int d = policy.backoffMs(2);
            QVERIFY(d >= 100 && d <= 200);
        }
    }

    void retryAfterParsing_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("seconds") << QByteArray("3") << qint64(3000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 7 ") << qint64(7000);
        QTest::newRow("negative") << QByteArray("-1") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("date +90s") << QByteArray("Thu, 01 Jan 2026 09:01:30 GMT") << qint64(90'000);
        QTest::newRow("date in past") << QByteArray("Wed, 31 Dec 2025 09:00:00 GMT") << qint64(0);
    }

    void retryAfterParsing()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const ManualClock clock; // 2026-01-01 09:00 UTC
        QCOMPARE(RetryPolicy::parseRetryAfterMs(value, clock.nowUtc()), expected);
    }
};

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_HttpClient.moc"
