#include "SandboxHarness.h"
#include "ScriptedHttpServer.h"

#include "core/PhoneNumber.h"
#include "gateway/TokenCache.h"
#include "gateway/googlepay/GooglePayGateway.h"

#include <QtTest>

using S = PaymentState;
using Kind = GatewayError::Kind;

// Google Pay Omnichannel end to end against the sandbox: JWT-bearer token, initiate, get.
class tst_GooglePayGateway : public QObject
{
    Q_OBJECT

private:
    int m_counter = 0;
    SteppingClock m_clock;

    GooglePayConfig config(const SandboxHarness &h) const
    {
        GooglePayConfig c;
        c.baseUrl = h.baseUrl;
        c.googleMerchantId = QStringLiteral("BCR2DN4TCOUNTERPAY");
        c.serviceAccount = GoogleServiceAccount::fromJson(h.server->googleServiceAccountJson()).value();
        return c;
    }
    PaymentRequest request(qint64 minor = 14950)
    {
        PaymentRequest r;
        r.orderId = QStringLiteral("T01G%1x%2").arg(++m_counter).arg(QDateTime::currentMSecsSinceEpoch() % 100000);
        r.amount = Money::fromMinorUnits(minor, Currency::inr()).value();
        r.mobile = PhoneNumber::parse(u"9876543210").value();
        return r;
    }
    static OrderRef ref(const PaymentRequest &r) { return orderRefOf(r); }
    GatewayResult<PaymentSession> start(GooglePayGateway &g, const PaymentRequest &r) { return awaitStart(this, g, r); }
    GatewayResult<PaymentStatus> status(GooglePayGateway &g, const OrderRef &o) { return awaitStatus(this, g, o); }

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
        GooglePayGateway gateway(h.client.get(), config(h), m_clock);
        const PaymentRequest r = request();
        const auto session = start(gateway, r);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QCOMPARE(session->state, S::AwaitingCustomer);
        QVERIFY(session->expiresAt > QDateTime::currentDateTimeUtc());
        // A retried initiate with the same transactionId is answered, not applied twice.
        QVERIFY(start(gateway, r).ok());

        auto st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::AwaitingCustomer);
        QVERIFY(h.server->approve(r.orderId));
        st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->rawStatus, QStringLiteral("SUCCESS"));
        QCOMPARE(st->state, S::Charged);
        QVERIFY(st->amountVerified);
        QVERIFY(!st->googleTransactionId.isEmpty());

        OrderRef other = ref(r);
        other.amount = Money::fromMinorUnits(14951, Currency::inr()).value();
        st = status(gateway, other);
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::Unknown);
        QVERIFY(st->amountMismatch);

        // One token served all five calls.
        QCOMPARE(gateway.tokenCache()->fetchCount(), 1);
        const auto refund = awaitGateway<RefundResult>(this, [&](QObject *c, auto done) { gateway.refund(RefundRequest(), c, done); });
        QCOMPARE(refund.error().kind, Kind::Unsupported);
    }

    void tokenRefreshedBeforeExpiry()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls));
        GooglePayGateway gateway(h.client.get(), config(h), m_clock);
        const PaymentRequest r = request();
        QVERIFY(start(gateway, r).ok());
        QCOMPARE(gateway.tokenCache()->fetchCount(), 1);
        m_clock.advanceMs(3600 * 1000); // the sandbox's token lives 3600 s
        QVERIFY(status(gateway, ref(r)).ok());
        QCOMPARE(gateway.tokenCache()->fetchCount(), 2);
    }

    void declineAndExpire()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls));
        GooglePayGateway gateway(h.client.get(), config(h), m_clock);
        const PaymentRequest a = request();
        const PaymentRequest b = request();
        QVERIFY(start(gateway, a).ok());
        QVERIFY(start(gateway, b).ok());
        QVERIFY(h.server->decline(a.orderId));
        QVERIFY(h.server->expire(b.orderId));
        QCOMPARE(status(gateway, ref(a))->state, S::Declined);
        QCOMPARE(status(gateway, ref(b))->state, S::Expired);
    }

    void errors()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls));
        GooglePayConfig c = config(h);
        c.googleMerchantId = QStringLiteral("SOMEONE_ELSE");
        GooglePayGateway wrongMerchant(h.client.get(), c, m_clock);
        auto session = start(wrongMerchant, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Auth);
        QCOMPARE(session.error().providerCode, QStringLiteral("PERMISSION_DENIED"));

        GooglePayGateway gateway(h.client.get(), config(h), m_clock);
        const auto st = status(gateway, ref(request()));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, Kind::NotFound);

        // A service account the sandbox did not issue: the token endpoint refuses the JWT.
        QJsonObject foreign = QJsonDocument::fromJson(h.server->googleServiceAccountJson()).object();
        foreign.insert(QStringLiteral("private_key"), QString::fromLatin1(RsaKey::generate(2048)->privateKeyPem()));
        c = config(h);
        c.serviceAccount = GoogleServiceAccount::fromJson(QJsonDocument(foreign).toJson()).value();
        GooglePayGateway badKey(h.client.get(), c, m_clock);
        session = start(badKey, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Auth);
        QCOMPARE(session.error().providerCode, QStringLiteral("invalid_grant"));
        QVERIFY(!session.error().outcomeUnknown);
    }

    void throttledIsRateLimited()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("throttle:50")));
        GooglePayGateway gateway(h.client.get(), config(h), m_clock);
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::RateLimited);
        QCOMPARE(session.error().httpStatus, 429);
        QCOMPARE(session.error().retryAfterMs, qint64(1000));
        QCOMPARE(session.error().providerCode, QStringLiteral("RESOURCE_EXHAUSTED"));
    }

    void oversizedIsRefusedAndUnknown()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("oversized")));
        GooglePayGateway gateway(h.client.get(), config(h), m_clock);
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Oversized);
        QVERIFY(session.error().outcomeUnknown); // the payment was initiated; only the answer was refused
    }

    void slowIsTimeout()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("slow:1500"), 250));
        GooglePayGateway gateway(h.client.get(), config(h), m_clock);
        const auto session = start(gateway, request());
        QVERIFY(!session.ok());
        // The sandbox delays gateway calls, not its token endpoint: initiate times out after
        // it was sent, so it may have been applied.
        QCOMPARE(session.error().kind, Kind::Timeout);
        QVERIFY(session.error().outcomeUnknown);
        QCOMPARE(session.error().attempts, 3); // initiate is idempotent on transactionId: retried
    }

    void garbled()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls, QStringLiteral("garbled")));
        GooglePayGateway gateway(h.client.get(), config(h), m_clock);
        const PaymentRequest r = request();
        const auto session = start(gateway, r);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Malformed);
        QVERIFY(session.error().outcomeUnknown);
        const auto st = status(gateway, ref(r)); // the initiate was applied; its status is garbled too
        QCOMPARE(st.error().kind, Kind::Malformed);
        QVERIFY(!st.error().outcomeUnknown);
    }

    // Hostile answers over real loopback: another transaction or merchant is never charged.
    void answerAboutAnotherOrderIsIdentityMismatch_data()
    {
        QTest::addColumn<bool>("write");
        QTest::addColumn<QByteArray>("body");
        const QByteArray paid = ",\"transactionStatus\":{\"status\":\"SUCCESS\"},"
                                "\"amountPaid\":{\"currencyCode\":\"INR\",\"units\":\"149\",\"nanos\":500000000}}";
        QTest::newRow("get names transaction B") << false << "{\"transactionId\":\"T01B\"" + paid;
        QTest::newRow("get names another merchant") << false
                << "{\"transactionId\":\"T01A\",\"merchantInfo\":{\"googleMerchantId\":\"OTHER\"}" + paid;
        QTest::newRow("initiate names transaction B") << true << "{\"transactionId\":\"T01B\"" + paid;
    }

    void answerAboutAnotherOrderIsIdentityMismatch()
    {
        QFETCH_GLOBAL(bool, tls);
        Q_UNUSED(tls); // the scripted server speaks plain HTTP: both rows run over HTTP
        QFETCH(bool, write);
        QFETCH(QByteArray, body);
        SandboxHarness h;
        QVERIFY(h.start(false));
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        server.enqueueResponse(200, body);
        QJsonObject account = QJsonDocument::fromJson(h.server->googleServiceAccountJson()).object();
        account.insert(QStringLiteral("token_uri"), QString::fromLatin1(server.baseUrl() + "/token"));
        GooglePayConfig c;
        c.baseUrl = QUrl(QString::fromLatin1(server.baseUrl()));
        c.googleMerchantId = QStringLiteral("M");
        c.serviceAccount = GoogleServiceAccount::fromJson(QJsonDocument(account).toJson()).value();
        GooglePayGateway gateway(h.client.get(), c, m_clock);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch")));
        GatewayError error;
        if (write) {
            PaymentRequest r = request();
            r.orderId = QStringLiteral("T01A");
            const auto session = start(gateway, r);
            QVERIFY(!session.ok());
            error = session.error();
        } else {
            PaymentRequest r = request();
            r.orderId = QStringLiteral("T01A");
            const auto st = status(gateway, ref(r));
            QVERIFY(!st.ok()); // never a PaymentStatus, so never Charged
            error = st.error();
        }
        QCOMPARE(error.kind, Kind::IdentityMismatch);
        QCOMPARE(error.outcomeUnknown, write);
    }

    void refundSaysWhereToRefund()
    {
        QFETCH_GLOBAL(bool, tls);
        SandboxHarness h;
        QVERIFY(h.start(tls));
        GooglePayGateway gateway(h.client.get(), config(h), m_clock);
        RefundRequest r;
        r.order = ref(request());
        r.amount = r.order.amount;
        r.uniqueRequestId = QStringLiteral("r1");
        const auto refund = awaitGateway<RefundResult>(this, [&](QObject *c, auto done) { gateway.refund(r, c, done); });
        QVERIFY(!refund.ok());
        QCOMPARE(refund.error().kind, Kind::Unsupported);
        QVERIFY(refund.error().message.contains(QStringLiteral("PSP")));
        QVERIFY(refund.error().message.contains(QStringLiteral("merchant console")));
    }

    void refreshOnceAfter401()
    {
        QFETCH_GLOBAL(bool, tls);
        Q_UNUSED(tls); // the scripted server speaks plain HTTP: both rows run over HTTP
        // A provider that revokes a token early: the API answers 401, the client fetches a new
        // token and sends the request once more. The sandbox cannot revoke, so a script does.
        SandboxHarness h;
        QVERIFY(h.start(false));
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        const QByteArray tokenBody = "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"Bearer\"}";
        server.enqueueResponse(200, tokenBody);
        server.enqueueResponse(401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\",\"message\":\"expired\"}}");
        server.enqueueResponse(200, tokenBody);
        server.enqueueResponse(200, "{\"transactionId\":\"T1\",\"transactionStatus\":{\"status\":\"IN_PROGRESS\"}}");
        QJsonObject account = QJsonDocument::fromJson(h.server->googleServiceAccountJson()).object();
        account.insert(QStringLiteral("token_uri"), QString::fromLatin1(server.baseUrl() + "/token"));
        GooglePayConfig c;
        c.baseUrl = QUrl(QString::fromLatin1(server.baseUrl()));
        c.googleMerchantId = QStringLiteral("M");
        c.serviceAccount = GoogleServiceAccount::fromJson(QJsonDocument(account).toJson()).value();
        GooglePayGateway gateway(h.client.get(), c, m_clock);
        OrderRef o;
        o.orderId = QStringLiteral("T1");
        const auto st = status(gateway, o);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        QCOMPARE(st->state, S::AwaitingCustomer);
        QCOMPARE(server.requestCount(), 4);
        QCOMPARE(gateway.tokenCache()->fetchCount(), 2);
        QVERIFY(server.received().at(0).body.contains("assertion="));
        QCOMPARE(server.received().at(1).headers.value("authorization"), QByteArray("Bearer t"));
    }
};

QTEST_GUILESS_MAIN(tst_GooglePayGateway)
#include "tst_GooglePayGateway.moc"
