#include "SandboxHarness.h"

#include "gateway/TokenCache.h"
#include "gateway/cmcom/CmComGateway.h"

#include <QtTest>

using S = PaymentState;
using Kind = GatewayError::Kind;

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
    GatewayResult<PaymentSession> start(CmComGateway &g, const PaymentRequest &r)
    {
        return awaitGateway<PaymentSession>(this, [&](QObject *c, auto done) { g.start(r, c, done); });
    }
    GatewayResult<PaymentStatus> status(CmComGateway &g, const OrderRef &o)
    {
        return awaitGateway<PaymentStatus>(this, [&](QObject *c, auto done) { g.status(o, c, done); });
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
};

QTEST_GUILESS_MAIN(tst_CmComGateway)
#include "tst_CmComGateway.moc"
