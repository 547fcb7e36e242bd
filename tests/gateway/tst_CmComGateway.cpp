#include "SandboxHarness.h"
#include "ScriptedHttpServer.h"

#include "gateway/TokenCache.h"
#include "gateway/cmcom/CmComGateway.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using S = PaymentState;
using Kind = GatewayError::Kind;

Q_DECLARE_METATYPE(RefundResult::State)

// CM.com end to end against the sandbox: client-credentials token, initialize, get.
class tst_CmComGateway : public QObject
{
    Q_OBJECT

private:
    int m_counter = 0;
    SteppingClock m_clock;

    static CmComConfig config(const SandboxHarness &h)
    {
        CmComConfig c;
        c.baseUrl = h.baseUrl;
        c.clientId = QStringLiteral("sandbox-cm-client");
        c.clientSecret = QStringLiteral("sandbox-cm-secret");
        return c;
    }
    PaymentRequest request(qint64 minor = 1200)
    {
        PaymentRequest r;
        r.orderId = QStringLiteral("T01C%1x%2").arg(++m_counter).arg(QDateTime::currentMSecsSinceEpoch() % 100000);
        r.amount = Money::fromMinorUnits(minor, Currency::fromCode(u"EUR").value()).value();
        return r;
    }
    GatewayResult<PaymentSession> start(CmComGateway &g, const PaymentRequest &r) { return awaitStart(this, g, r); }
    GatewayResult<PaymentStatus> status(CmComGateway &g, const OrderRef &o) { return awaitStatus(this, g, o); }
    GatewayResult<RefundResult> refund(CmComGateway &g, const RefundRequest &r) { return awaitRefund(this, g, r); }
    // The sandbox's own view of a CM.com transaction (control API), found by our reference.
    QJsonObject sandboxOrder(SandboxHarness &h, const QString &reference)
    {
        HttpRequest get;
        get.url = h.baseUrl.resolved(QUrl(QStringLiteral("/__sandbox/orders")));
        get.purpose = QStringLiteral("test.sandbox-orders");
        const auto reply = awaitGateway<HttpResponse>(this, [&](QObject *c, auto done) { h.client->send(get, c, done); });
        if (!reply.ok())
            return {};
        const QJsonArray orders = QJsonDocument::fromJson(reply->body).array();
        for (const QJsonValue &order : orders) {
            if (order.toObject().value(QStringLiteral("reference")).toString() == reference)
                return order.toObject();
        }
        return {};
    }
    static RefundRequest refundOf(const OrderRef &o, qint64 minor, qint64 alreadyRefunded, const char *id)
    {
        RefundRequest r;
        r.order = o;
        r.amount = Money::fromMinorUnits(minor, o.amount.currency()).value();
        r.alreadyRefunded = alreadyRefunded;
        r.uniqueRequestId = QString::fromLatin1(id);
        return r;
    }
    // A scripted CM.com: token first, then `replies`. The transaction asked about is "tx-1"
    // for reference "T01A", 1200 EUR cents, SUCCESS, with these refund figures.
    static QByteArray transaction(qint64 refunded, qint64 pending = 0, const char *reference = "T01A",
                                  const char *id = "tx-1")
    {
        return QByteArray("{\"id\":\"") + id + "\",\"reference\":\"" + reference
                + "\",\"amount\":1200,\"currency\":\"EUR\",\"status\":\"SUCCESS\",\"refunds\":{\"refundedAmount\":"
                + QByteArray::number(refunded) + ",\"refundedPendingAmount\":" + QByteArray::number(pending) + "}}";
    }
    static OrderRef scriptedOrder()
    {
        OrderRef o;
        o.orderId = QStringLiteral("T01A");
        o.providerTxnId = QStringLiteral("tx-1");
        o.amount = Money::fromMinorUnits(1200, Currency::fromCode(u"EUR").value()).value();
        return o;
    }
    static CmComConfig scriptedConfig(const ScriptedHttpServer &server)
    {
        CmComConfig c;
        c.baseUrl = QUrl(QString::fromLatin1(server.baseUrl()));
        c.clientId = QStringLiteral("id");
        c.clientSecret = QStringLiteral("secret");
        return c;
    }
    static int postsTo(const ScriptedHttpServer &server, const QByteArray &pathEnd)
    {
        int n = 0;
        for (const auto &request : server.received())
            n += request.method == "POST" && request.path.endsWith(pathEnd) ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    void endToEnd()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls));
        CmComGateway gateway(h.client.get(), config(h), m_clock);
        const PaymentRequest r = request();
        const auto session = start(gateway, r);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QCOMPARE(session->rawStatus, QStringLiteral("OPEN"));
        QCOMPARE(session->method, PaymentSession::Method::Get);
        QVERIFY(session->authUrl.isValid());
        QVERIFY(session->expiresAt.isValid());
        OrderRef o;
        o.orderId = r.orderId;
        o.amount = r.amount;
        o.providerTxnId = session->txnId;
        auto st = status(gateway, o);
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::AwaitingCustomer);
        QCOMPARE(st->orderId, r.orderId);
        QVERIFY(h.server->approve(session->txnId));
        st = status(gateway, o);
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::Charged);
        QVERIFY(st->amountVerified);
        o.amount = Money::fromMinorUnits(1200, Currency::inr()).value();
        st = status(gateway, o);
        QCOMPARE(st->state, S::Unknown);
        QVERIFY(st->amountMismatch);
        QCOMPARE(gateway.tokenCache()->fetchCount(), 1);
        m_clock.advanceMs(3600 * 1000);
        QVERIFY(status(gateway, o).ok());
        QCOMPARE(gateway.tokenCache()->fetchCount(), 2);
    }

    void declineIsDeclined()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls));
        CmComGateway gateway(h.client.get(), config(h), m_clock);
        const PaymentRequest r = request();
        const auto session = start(gateway, r);
        QVERIFY(session.ok());
        QVERIFY(h.server->decline(session->txnId));
        OrderRef o;
        o.orderId = r.orderId; // the answer's reference must be ours
        o.amount = r.amount;
        o.providerTxnId = session->txnId;
        QCOMPARE(status(gateway, o)->state, S::Declined);
    }

    void errors()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls));
        CmComConfig c = config(h);
        c.clientSecret = QStringLiteral("wrong");
        CmComGateway wrongSecret(h.client.get(), c, m_clock);
        auto session = start(wrongSecret, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Auth);
        QCOMPARE(session.error().providerCode, QStringLiteral("invalid_client"));
        QVERIFY(!session.error().outcomeUnknown);

        c = config(h);
        c.language = QStringLiteral("english");
        CmComGateway badLanguage(h.client.get(), c, m_clock);
        session = start(badLanguage, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::BadRequest);
        QCOMPARE(session.error().httpStatus, 400);
        QCOMPARE(session.error().providerCode, QStringLiteral("language"));

        CmComGateway gateway(h.client.get(), config(h), m_clock);
        OrderRef o;
        o.amount = request().amount;
        o.providerTxnId = QStringLiteral("00000000-0000-0000-0000-000000000000");
        const auto st = status(gateway, o);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, Kind::NotFound);

        session = start(gateway, request(Money::kCmComMaxMinorUnits + 1));
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Config);
    }

    void throttledIsRateLimited()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("throttle:50")));
        CmComGateway gateway(h.client.get(), config(h), m_clock);
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::RateLimited);
        QCOMPARE(session.error().httpStatus, 429);
        QCOMPARE(session.error().retryAfterMs, qint64(1000));
        QVERIFY(!session.error().outcomeUnknown); // a 429 is a refusal: nothing was applied
    }

    void oversizedIsRefusedAndUnknown()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("oversized")));
        CmComGateway gateway(h.client.get(), config(h), m_clock);
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Oversized);
        QVERIFY(session.error().outcomeUnknown);
    }

    void lostInitializeIsUnknown_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("drop-after-commit") << QStringLiteral("drop-after-commit") << Kind::Unreachable;
        QTest::newRow("truncated") << QStringLiteral("truncated") << Kind::Truncated;
    }

    void lostInitializeIsUnknown()
    {
        QFETCH_GLOBAL(bool, tls);
        QFETCH(QString, scenario);
        QFETCH(Kind, kind);
        SandboxHarness h;
        QVERIFY(h.start(tls, scenario));
        CmComGateway gateway(h.client.get(), config(h), m_clock);
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        // The sandbox lets its token endpoint through; initialize was sent and its answer lost.
        QCOMPARE(session.error().kind, kind);
        QVERIFY(session.error().outcomeUnknown);
        QCOMPARE(session.error().attempts, 1); // never retried: CM.com has no idempotency key
    }

    void refundEndToEnd()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls));
        CmComGateway gateway(h.client.get(), config(h), m_clock);
        const PaymentRequest r = request();
        const auto session = start(gateway, r);
        QVERIFY(session.ok());
        QVERIFY(h.server->approve(session->txnId));
        OrderRef o;
        o.orderId = r.orderId;
        o.amount = r.amount;
        o.providerTxnId = session->txnId;
        auto result = refund(gateway, refundOf(o, 300, 0, "r1"));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->state, RefundResult::State::Succeeded);
        QVERIFY(!result->alreadyApplied);
        auto st = status(gateway, o);
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::PartiallyRefunded);
        QCOMPARE(st->refundedAmount->minorUnits(), 300);
        result = refund(gateway, refundOf(o, 900, 300, "r2"));
        QVERIFY(result.ok());
        st = status(gateway, o);
        QCOMPARE(st->state, S::Refunded);
        QCOMPARE(sandboxOrder(h, r.orderId).value(QStringLiteral("amount_refunded")).toInt(), 1200);
    }

    // The refund's answer is lost (the sandbox applies it, then closes the connection): the
    // client reads the transaction, finds it applied and says so; the caller's retry (same
    // ledger figures) sends nothing. The sandbox has refunded the amount once.
    void lostRefundAnswerIsAppliedOnce()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("drop-after-commit")));
        CmComGateway gateway(h.client.get(), config(h), m_clock);
        const PaymentRequest r = request();
        QVERIFY(!start(gateway, r).ok()); // initialize is committed and its answer dropped too
        const QJsonObject created = sandboxOrder(h, r.orderId);
        const QString txnId = created.value(QStringLiteral("order_id")).toString();
        QVERIFY(!txnId.isEmpty());
        QVERIFY(h.server->approve(txnId));
        OrderRef o;
        o.orderId = r.orderId;
        o.amount = r.amount;
        o.providerTxnId = txnId;
        const RefundRequest lost = refundOf(o, 500, 0, "r1");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has no usable answer")));
        auto result = refund(gateway, lost);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->state, RefundResult::State::Succeeded);
        QCOMPARE(sandboxOrder(h, r.orderId).value(QStringLiteral("amount_refunded")).toInt(), 500);
        // The caller never saw an answer it trusted and retries with the same figures.
        result = refund(gateway, lost);
        QVERIFY(result.ok());
        QVERIFY(result->alreadyApplied);
        QCOMPARE(result->state, RefundResult::State::Succeeded);
        QCOMPARE(sandboxOrder(h, r.orderId).value(QStringLiteral("amount_refunded")).toInt(), 500);
    }

    void lostRefundNotAppliedIsSafeToRetry()
    {
        QFETCH_GLOBAL(bool, tls);
        Q_UNUSED(tls); // the scripted server speaks plain HTTP: both rows run over HTTP
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        server.enqueueResponse(200, transaction(0));
        ScriptedHttpServer::Reply dropped; // the refund POST: connection closed, no answer
        server.enqueue(dropped);
        server.enqueueResponse(200, transaction(0));
        QNetworkAccessManager manager;
        HttpClient http(&manager, HttpClient::Options());
        CmComGateway gateway(&http, scriptedConfig(server), m_clock);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has no usable answer")));
        const auto result = refund(gateway, refundOf(scriptedOrder(), 500, 0, "r1"));
        QVERIFY(!result.ok());
        QVERIFY(!result.error().outcomeUnknown); // CM.com shows it was not applied
        QVERIFY(result.error().message.contains(QStringLiteral("safe to send it again")));
        QCOMPARE(postsTo(server, "/refunds"), 1);
        const QJsonObject sent = QJsonDocument::fromJson(server.received().at(2).body).object();
        QCOMPARE(sent.value(QStringLiteral("amount")).toInteger(), 500);
        QVERIFY(!sent.value(QStringLiteral("reason")).toString().isEmpty());
        QCOMPARE(server.received().at(2).headers.value("authorization"), QByteArray("Bearer t"));
    }

    void lostRefundUnreadableIsUnknown()
    {
        QFETCH_GLOBAL(bool, tls);
        Q_UNUSED(tls);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        server.enqueueResponse(200, transaction(0));
        ScriptedHttpServer::Reply dropped;
        server.enqueue(dropped);
        server.setFallback(dropped); // every later read fails as well
        QNetworkAccessManager manager;
        HttpClient::Options options;
        options.retry.baseDelayMs = 10;
        options.retry.maxDelayMs = 20;
        HttpClient http(&manager, options);
        CmComGateway gateway(&http, scriptedConfig(server), m_clock);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has no usable answer")));
        const auto result = refund(gateway, refundOf(scriptedOrder(), 500, 0, "r1"));
        QVERIFY(!result.ok());
        QVERIFY(result.error().outcomeUnknown);
        QCOMPARE(postsTo(server, "/refunds"), 1);
    }

    void refundAlreadyShownIsNotSent_data()
    {
        QTest::addColumn<qint64>("refunded");
        QTest::addColumn<qint64>("pending");
        QTest::addColumn<RefundResult::State>("state");
        QTest::newRow("refunded") << qint64(800) << qint64(0) << RefundResult::State::Succeeded;
        QTest::newRow("pending counts as sent") << qint64(300) << qint64(500) << RefundResult::State::Pending;
    }

    void refundAlreadyShownIsNotSent()
    {
        QFETCH_GLOBAL(bool, tls);
        Q_UNUSED(tls);
        QFETCH(qint64, refunded);
        QFETCH(qint64, pending);
        QFETCH(RefundResult::State, state);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        server.enqueueResponse(200, transaction(refunded, pending));
        QNetworkAccessManager manager;
        HttpClient http(&manager, HttpClient::Options());
        CmComGateway gateway(&http, scriptedConfig(server), m_clock);
        // The ledger had 300 refunded before this refund of 500.
        const auto result = refund(gateway, refundOf(scriptedOrder(), 500, 300, "r2"));
        QVERIFY(result.ok());
        QVERIFY(result->alreadyApplied);
        QCOMPARE(result->state, state);
        QCOMPARE(postsTo(server, "/refunds"), 0);
    }

    void answerAboutAnotherOrderIsIdentityMismatch_data()
    {
        QTest::addColumn<bool>("write");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("status names reference B") << false << transaction(0, 0, "T01B");
        QTest::newRow("status names transaction tx-2") << false << transaction(0, 0, "T01A", "tx-2");
        QTest::newRow("initialize names reference B") << true
                << QByteArray("{\"id\":\"tx-9\",\"reference\":\"T01B\",\"amount\":1200,\"currency\":\"EUR\",\"status\":\"OPEN\","
                              "\"action\":{\"redirect\":{\"url\":\"https://pay.example/x\"}}}");
    }

    void answerAboutAnotherOrderIsIdentityMismatch()
    {
        QFETCH_GLOBAL(bool, tls);
        Q_UNUSED(tls);
        QFETCH(bool, write);
        QFETCH(QByteArray, body);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        server.enqueueResponse(write ? 201 : 200, body);
        QNetworkAccessManager manager;
        HttpClient http(&manager, HttpClient::Options());
        CmComGateway gateway(&http, scriptedConfig(server), m_clock);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch")));
        GatewayError error;
        if (write) {
            PaymentRequest r = request();
            r.orderId = QStringLiteral("T01A");
            const auto session = start(gateway, r);
            QVERIFY(!session.ok());
            error = session.error();
        } else {
            const auto st = status(gateway, scriptedOrder());
            QVERIFY(!st.ok()); // never a PaymentStatus, so never Charged
            error = st.error();
        }
        QCOMPARE(error.kind, Kind::IdentityMismatch);
        QCOMPARE(error.outcomeUnknown, write);
    }
};

QTEST_GUILESS_MAIN(tst_CmComGateway)
#include "tst_CmComGateway.moc"
