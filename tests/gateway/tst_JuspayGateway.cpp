#include "SandboxHarness.h"
#include "ScriptedHttpServer.h"

#include "core/PhoneNumber.h"
#include "gateway/juspay/JuspayGateway.h"
#include "gateway/juspay/JuspayParser.h"

#include <QtTest>

using S = PaymentState;
using Kind = GatewayError::Kind;

// Juspay end to end against the real sandbox (HTTP and HTTPS rows), plus what the sandbox
// cannot produce (unknown statuses) against a scripted server.
class tst_JuspayGateway : public QObject
{
    Q_OBJECT

private:
    int m_counter = 0;
    std::unique_ptr<SandboxHarness> m_shared[2];

    // One manual-scenario sandbox per transport, shared by the tests that need no scenario
    // (each sandbox start generates RSA keys and a certificate).
    SandboxHarness *shared(bool tls)
    {
        std::unique_ptr<SandboxHarness> &slot = m_shared[tls ? 1 : 0];
        if (!slot) {
            slot = std::make_unique<SandboxHarness>();
            if (!slot->start(tls)) {
                slot.reset();
                return nullptr;
            }
        }
        return slot.get();
    }

    QString nextOrderId() { return QStringLiteral("T01J%1").arg(++m_counter, 4, 10, QLatin1Char('0')) + QString::number(QDateTime::currentMSecsSinceEpoch() % 100000); }

    JuspayConfig config(const SandboxHarness &h) const
    {
        JuspayConfig c;
        c.baseUrl = h.baseUrl;
        c.merchantId = QStringLiteral("counterpay_demo");
        c.apiKey = QStringLiteral("sandbox-juspay-key");
        c.credPublicKey = RsaKey::fromPem(h.server->credPublicKeyPem()).value();
        return c;
    }

    PaymentRequest request(qint64 minor = 14950)
    {
        PaymentRequest r;
        r.orderId = nextOrderId();
        r.amount = Money::fromMinorUnits(minor, Currency::inr()).value();
        r.mobile = PhoneNumber::parse(u"9876543210").value();
        return r;
    }

    static OrderRef ref(const PaymentRequest &r) { return orderRefOf(r); }

    GatewayResult<PaymentSession> start(JuspayGateway &g, const PaymentRequest &r) { return awaitStart(this, g, r); }
    GatewayResult<PaymentStatus> status(JuspayGateway &g, const OrderRef &o) { return awaitStatus(this, g, o); }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    void googlePayPushChargedAndRefunded()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const PaymentRequest r = request();
        const auto session = start(gateway, r);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QCOMPARE(session->rawStatus, QStringLiteral("PENDING_VBV"));
        QCOMPARE(session->state, S::AwaitingCustomer);
        QCOMPARE(session->method, PaymentSession::Method::Get);
        QVERIFY(session->authUrl.isValid());
        QVERIFY(!session->txnId.isEmpty());

        auto st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::AwaitingCustomer);

        QVERIFY(h.server->approve(r.orderId));
        st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->rawStatus, QStringLiteral("CHARGED"));
        QCOMPARE(st->state, S::Charged);
        QVERIFY(st->amountVerified);
        QCOMPARE(st->reportedAmount->minorUnits(), 14950);

        RefundRequest refund;
        refund.order = ref(r);
        refund.amount = Money::fromMinorUnits(4950, Currency::inr()).value();
        refund.uniqueRequestId = r.orderId + QStringLiteral("-r1");
        const auto refunded = awaitRefund(this, gateway, refund);
        QVERIFY2(refunded.ok(), qPrintable(refunded.ok() ? QString() : refunded.error().toString()));
        QCOMPARE(refunded->amount->minorUnits(), 4950);
        QVERIFY(refunded->state == RefundResult::State::Pending || refunded->state == RefundResult::State::Succeeded);
        // The same unique_request_id again must not refund twice.
        const auto again = awaitRefund(this, gateway, refund);
        st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->refundedAmount->minorUnits(), 4950);
        Q_UNUSED(again);
    }

    void startTwiceReusesTheOrder()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const PaymentRequest r = request();
        QVERIFY(start(gateway, r).ok());
        const auto second = start(gateway, r);
        // POST /orders is idempotent on order_id; a second /txns is a new attempt on the same order.
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    }

    void credCollect()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::Cred);
        const auto session = start(gateway, request());
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QCOMPARE(session->checkoutMode, QStringLiteral("collect"));
        QVERIFY(session->intentUrl.isEmpty());
        QVERIFY(!session->credLayout.isEmpty());
    }

    void credIntent()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayConfig c = config(h);
        c.credAppPresent = true;
        JuspayGateway gateway(h.client.get(), c, JuspayGateway::Flow::Cred);
        const auto session = start(gateway, request());
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QCOMPARE(session->checkoutMode, QStringLiteral("intent"));
        QVERIFY(!session->intentUrl.isEmpty());
    }

    void credWithAnotherKeyIsRejected()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayConfig c = config(h);
        c.credPublicKey = RsaKey::generate(2048).value();
        JuspayGateway gateway(h.client.get(), c, JuspayGateway::Flow::Cred);
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::BadRequest);
        QCOMPARE(session.error().httpStatus, 400);
    }

    void walletInlineOrder()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::Wallet, QStringLiteral("GOPAY"));
        PaymentRequest r = request();
        r.amount = Money::fromMinorUnits(10000, Currency::fromCode(u"IDR").value()).value();
        const auto session = start(gateway, r);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QVERIFY(session->authUrl.isValid());
        if (session->method == PaymentSession::Method::Post)
            QVERIFY(!session->params.isEmpty());
        QVERIFY(h.server->approve(r.orderId));
        const auto st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::Charged);
    }

    void declineAndExpireAreFinalAndNotCharged()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const PaymentRequest a = request();
        const PaymentRequest b = request();
        QVERIFY(start(gateway, a).ok());
        QVERIFY(start(gateway, b).ok());
        QVERIFY(h.server->decline(a.orderId));
        QVERIFY(h.server->expire(b.orderId));
        // The payer did not authenticate in both cases (AUTHENTICATION_FAILED); NPCI's code
        // tells a decline (ZA) from a request left to lapse (U69).
        const auto declined = status(gateway, ref(a));
        QVERIFY(declined.ok());
        QCOMPARE(declined->rawStatus, QStringLiteral("AUTHENTICATION_FAILED"));
        QCOMPARE(declined->state, S::Declined);
        const auto expired = status(gateway, ref(b));
        QVERIFY(expired.ok());
        QCOMPARE(expired->rawStatus, QStringLiteral("AUTHENTICATION_FAILED"));
        QCOMPARE(expired->failureCode, QStringLiteral("U69"));
        QCOMPARE(expired->state, S::Expired);
    }

    void amountOrCurrencyMismatchIsNeverCharged()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const PaymentRequest r = request();
        QVERIFY(start(gateway, r).ok());
        QVERIFY(h.server->approve(r.orderId));
        OrderRef other = ref(r);
        other.amount = Money::fromMinorUnits(15000, Currency::inr()).value();
        auto st = status(gateway, other);
        QVERIFY(st.ok());
        QCOMPARE(st->rawStatus, QStringLiteral("CHARGED"));
        QCOMPARE(st->state, S::Unknown);
        QVERIFY(st->amountMismatch);
        other.amount = Money::fromMinorUnits(14950, Currency::fromCode(u"EUR").value()).value();
        st = status(gateway, other);
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::Unknown);
        QVERIFY(st->amountMismatch);
    }

    void wrongApiKeyIsAuth()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayConfig c = config(h);
        c.apiKey = QStringLiteral("wrong-key");
        JuspayGateway gateway(h.client.get(), c, JuspayGateway::Flow::GooglePayPush);
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Auth);
        QCOMPARE(session.error().httpStatus, 401);
        QVERIFY(!session.error().outcomeUnknown);
    }

    void unknownOrderIsNotFound()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const auto st = status(gateway, ref(request()));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, Kind::NotFound);
        QCOMPARE(st.error().httpStatus, 404);
    }

    void refundOfUnpaidOrderIs400()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness *shared = this->shared(tls);
        QVERIFY(shared);
        SandboxHarness &h = *shared;
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const PaymentRequest r = request();
        QVERIFY(start(gateway, r).ok());
        RefundRequest refund;
        refund.order = ref(r);
        refund.amount = r.amount;
        refund.uniqueRequestId = QStringLiteral("rf-1");
        const auto result = awaitRefund(this, gateway, refund);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::BadRequest);
        QVERIFY(!result.error().providerCode.isEmpty());
    }

    void flakyIsRetried()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("flaky:2")));
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const PaymentRequest r = request();
        // The first two calls for the order get 503 + Retry-After: 1; POST /orders is
        // idempotent, so it is retried and the payment starts.
        const auto session = start(gateway, r);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        const auto st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::AwaitingCustomer);
    }

    void flakyBeyondRetriesIsServerError()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("flaky:50")));
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        QVERIFY(session.error().kind == Kind::Server || session.error().kind == Kind::RateLimited);
        QCOMPARE(session.error().attempts, 3);
        QVERIFY(!session.error().outcomeUnknown); // it failed at /orders: no transaction exists
    }

    void throttledIsWaitedOutThenRateLimited()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("throttle:2")));
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const PaymentRequest r = request();
        // Two 429s with Retry-After: 1 on POST /orders (idempotent): waited out, then it starts.
        const auto session = start(gateway, r);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));

        SandboxHarness busy;
        QVERIFY(busy.start(tls, QStringLiteral("throttle:50")));
        JuspayGateway limited(busy.client.get(), config(busy), JuspayGateway::Flow::GooglePayPush);
        const auto st = status(limited, ref(r));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, Kind::RateLimited);
        QCOMPARE(st.error().httpStatus, 429);
        QCOMPARE(st.error().retryAfterMs, qint64(1000));
        QCOMPARE(st.error().providerCode, QStringLiteral("too_many_requests"));
        QVERIFY(!st.error().outcomeUnknown);
    }

    void oversizedIsRefused()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("oversized")));
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const auto st = status(gateway, ref(request()));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, Kind::Oversized);
    }

    void slowIsTimeout()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("slow:1500"), 250));
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::GooglePayPush);
        const auto st = status(gateway, ref(request()));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, Kind::Timeout);
        QCOMPARE(st.error().attempts, 3);
    }

    void garbledAndTruncated_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("garbled") << QStringLiteral("garbled") << Kind::Malformed;
        QTest::newRow("truncated") << QStringLiteral("truncated") << Kind::Truncated;
    }

    void garbledAndTruncated()
    {
        QFETCH_GLOBAL(bool, tls);
        QFETCH(QString, scenario);
        QFETCH(Kind, kind);
        SandboxHarness h;
        QVERIFY(h.start(tls, scenario));
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::Wallet, QStringLiteral("GOPAY"));
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, kind);
        QVERIFY(session.error().outcomeUnknown); // the /txns reached the gateway
    }

    void dropAfterCommitIsUnknown()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("drop-after-commit")));
        JuspayGateway gateway(h.client.get(), config(h), JuspayGateway::Flow::Wallet, QStringLiteral("GOPAY"));
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        QVERIFY(session.error().outcomeUnknown);
    }

    // Hostile answers over real loopback: each names another order or merchant. None may end
    // charged; each is the typed IdentityMismatch (a write's answer: outcome unknown).
    void answerAboutAnotherOrderIsIdentityMismatch_data()
    {
        QTest::addColumn<bool>("write");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("status names order B") << false
                << QByteArray("{\"order_id\":\"T01B\",\"merchant_id\":\"m\",\"status\":\"CHARGED\",\"amount\":1,\"currency\":\"INR\"}");
        QTest::newRow("status names another merchant") << false
                << QByteArray("{\"order_id\":\"T01A\",\"merchant_id\":\"other\",\"status\":\"CHARGED\",\"amount\":1,\"currency\":\"INR\"}");
        QTest::newRow("txns names order B") << true
                << QByteArray("{\"order_id\":\"T01B\",\"txn_id\":\"m-T01B-1\",\"status\":\"PENDING_VBV\","
                              "\"payment\":{\"authentication\":{\"method\":\"GET\",\"url\":\"https://x.example/pay\"}}}");
    }

    void answerAboutAnotherOrderIsIdentityMismatch()
    {
        QFETCH_GLOBAL(bool, tls);
        Q_UNUSED(tls); // the scripted server speaks plain HTTP: both rows run over HTTP
        QFETCH(bool, write);
        QFETCH(QByteArray, body);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        if (write)
            server.enqueueResponse(200, "{\"order_id\":\"T01A\",\"status\":\"CREATED\",\"id\":\"ord_1\"}");
        server.enqueueResponse(200, body);
        QNetworkAccessManager manager;
        HttpClient http(&manager, HttpClient::Options());
        JuspayConfig c;
        c.baseUrl = QUrl(QString::fromLatin1(server.baseUrl()));
        c.merchantId = QStringLiteral("m");
        c.apiKey = QStringLiteral("k");
        JuspayGateway gateway(&http, c, JuspayGateway::Flow::GooglePayPush);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch")));
        GatewayError error;
        if (write) {
            PaymentRequest r = request(100);
            r.orderId = QStringLiteral("T01A");
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("txns for order T01A failed")));
            const auto session = start(gateway, r);
            QVERIFY(!session.ok());
            error = session.error();
        } else {
            OrderRef o;
            o.orderId = QStringLiteral("T01A");
            o.amount = Money::fromMinorUnits(100, Currency::inr()).value();
            const auto st = status(gateway, o);
            QVERIFY(!st.ok()); // never a PaymentStatus, so never Charged
            error = st.error();
        }
        QCOMPARE(error.kind, Kind::IdentityMismatch);
        QCOMPARE(error.outcomeUnknown, write);
        QVERIFY(!error.isTransport());
        QVERIFY(error.toString().startsWith(QStringLiteral("identity_mismatch")));
    }

    // A refund made on Juspay's dashboard shows only in the order status.
    void dashboardRefundIsSeen()
    {
        QFETCH_GLOBAL(bool, tls);
        Q_UNUSED(tls);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "{\"order_id\":\"T01A\",\"merchant_id\":\"m\",\"status\":\"CHARGED\",\"amount\":149.5,"
                                    "\"currency\":\"INR\",\"refunded\":true,\"amount_refunded\":1}");
        QNetworkAccessManager manager;
        HttpClient http(&manager, HttpClient::Options());
        JuspayConfig c;
        c.baseUrl = QUrl(QString::fromLatin1(server.baseUrl()));
        c.merchantId = QStringLiteral("m");
        c.apiKey = QStringLiteral("k");
        JuspayGateway gateway(&http, c, JuspayGateway::Flow::GooglePayPush);
        OrderRef o;
        o.orderId = QStringLiteral("T01A");
        o.amount = Money::fromMinorUnits(14950, Currency::inr()).value();
        const auto st = status(gateway, o);
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::PartiallyRefunded);
        QCOMPARE(st->refundedAmount->minorUnits(), 100);
    }

    void unknownStatusFromScriptedServer()
    {
        QFETCH_GLOBAL(bool, tls);
        Q_UNUSED(tls); // the scripted server speaks plain HTTP: both rows run over HTTP
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "{\"order_id\":\"T01X\",\"status\":\"REFUND_QUEUED\",\"amount\":1,\"currency\":\"INR\"}");
        QNetworkAccessManager manager;
        HttpClient http(&manager, HttpClient::Options());
        JuspayConfig c;
        c.baseUrl = QUrl(QString::fromLatin1(server.baseUrl()));
        c.merchantId = QStringLiteral("m");
        c.apiKey = QStringLiteral("k");
        c.routingPolicy = JuspayConfig::RoutingPolicy::Fixed;
        c.fixedRoutingId = QStringLiteral("terminal-7");
        JuspayGateway gateway(&http, c, JuspayGateway::Flow::GooglePayPush);
        OrderRef o;
        o.orderId = QStringLiteral("T01X");
        o.amount = Money::fromMinorUnits(100, Currency::inr()).value();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown Juspay order status.*REFUND_QUEUED")));
        const auto st = status(gateway, o);
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::Unknown);
        const auto &req = server.received().at(0);
        QCOMPARE(req.path, QByteArray("/orders/T01X"));
        QCOMPARE(req.headers.value("authorization"), QByteArray("Basic ") + QByteArray("k:").toBase64());
        QCOMPARE(req.headers.value("x-routing-id"), QByteArray("terminal-7"));
        QCOMPARE(req.headers.value("x-merchantid"), QByteArray("m"));
        QVERIFY(!req.headers.value("version").isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_JuspayGateway)
#include "tst_JuspayGateway.moc"
