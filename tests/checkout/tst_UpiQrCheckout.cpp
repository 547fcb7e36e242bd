// The dynamic UPI QR through the checkout engine (issue 16), end to end: a real sandbox on
// 127.0.0.1, the real Juspay clients (push and UPI QR) over HTTP and a real SQLite ledger.
// The customer's UPI app is the sandbox's simulated one (POST /__sandbox/upi/pay), given the
// upi://pay text the session carries.
#include "CheckoutRig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(PaymentState)
Q_DECLARE_METATYPE(Alert)

namespace {

// The wall clock moved forward by the test (the QR's expiry), the monotonic one left alone
// (poll timers keep real time).
class WallOffsetClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return Clock::system().nowUtc().addMSecs(m_offsetMs); }
    qint64 monotonicMs() const override { return Clock::system().monotonicMs(); }
    void advanceMs(qint64 ms) { m_offsetMs += ms; }

private:
    qint64 m_offsetMs = 0;
};

const QString kUpiQr = QStringLiteral("juspay-upi-qr");

} // namespace

class tst_UpiQrCheckout : public QObject
{
    Q_OBJECT

private:
    // The rig's engine again, now with the UPI QR beside the push.
    void addUpiQr(Rig &rig, PollPolicy policy = fastPolicy(), const Clock &clock = Clock::system(), int lifetimeMinutes = 5)
    {
        JuspayConfig config = rig.gateway->config();
        config.upiQrLifetimeMinutes = lifetimeMinutes;
        m_upi = std::make_unique<JuspayGateway>(rig.http.get(), config, JuspayGateway::Flow::UpiQr, QString(), clock);
        rig.engine.reset();
        CheckoutEngine::Config engineConfig;
        engineConfig.defaultPolicy = policy;
        rig.engine = std::make_unique<CheckoutEngine>(*rig.ledger, QList<PaymentGateway *> { rig.gateway.get(), m_upi.get() },
                                                      engineConfig, clock);
    }

    static CheckoutRequest qrSale(qint64 minor)
    {
        CheckoutRequest request;
        request.provider = kUpiQr;
        request.amount = Money::fromMinorUnits(minor, Currency::inr()).value();
        request.cashier = QStringLiteral("asha");
        return request; // no mobile: the customer scans
    }

    static int payWithUpiApp(Rig &rig, const QString &uri)
    {
        QNetworkRequest post(rig.base.resolved(QUrl(QStringLiteral("/__sandbox/upi/pay"))));
        post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = rig.manager.post(post, QJsonDocument(QJsonObject { { QStringLiteral("uri"), uri } }).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(5000))
            return -1;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    // POST /__sandbox/upi/profile: how the sandbox's gateway writes sdk_params from now on.
    static int setUpiProfile(Rig &rig, const QJsonObject &profile)
    {
        QNetworkRequest post(rig.base.resolved(QUrl(QStringLiteral("/__sandbox/upi/profile"))));
        post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = rig.manager.post(post, QJsonDocument(profile).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(5000))
            return -1;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    static OrderRecord stored(Rig &rig, const QString &orderId)
    {
        return rig.ledger->findOrder(orderId, PhoneAccess::Masked).value().value_or(OrderRecord());
    }

    std::unique_ptr<JuspayGateway> m_upi;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<PaymentState>();
        qRegisterMetaType<Alert>();
        qRegisterMetaType<PaymentSession>();
    }

    void paidByScanningAndTheRrnIsStored()
    {
        Rig rig(QStringLiteral("manual"));
        QVERIFY(rig.started);
        addUpiQr(rig);
        QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
        const Result<QString> paid = rig.engine->pay(qrSale(14950));
        QVERIFY2(paid.ok(), qPrintable(paid.errorMessage())); // no mobile needed
        QVERIFY(sessions.wait(5000));
        const PaymentSession session = sessions.last().at(1).value<PaymentSession>();
        QVERIFY2(session.upiUri.startsWith(QLatin1String("upi://pay?")), qPrintable(session.upiUri));
        QCOMPARE(session.scanCode(), session.upiUri);
        QCOMPARE(payWithUpiApp(rig, session.upiUri), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(paid.value()), PaymentState::Charged, 5000);
        const OrderRecord order = stored(rig, paid.value());
        QVERIFY(order.verified);
        QCOMPARE(order.provider, kUpiQr);
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{12}$")).match(order.upiRrn).hasMatch(), qPrintable(order.upiRrn));
        // The RRN in the ledger is the one the gateway reports for this order.
        OrderRef ref;
        ref.orderId = order.orderId;
        ref.amount = order.amount;
        std::optional<GatewayResult<PaymentStatus>> status;
        m_upi->status(ref, this, [&status](const GatewayResult<PaymentStatus> &r) { status = r; });
        QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 5000);
        QVERIFY(status->ok());
        QCOMPARE(status->value().upiRrn, order.upiRrn);
    }

    void anExpiredPushGoesOnAsAUpiQrOnTheSameOrder()
    {
        Rig rig(QStringLiteral("manual"));
        QVERIFY(rig.started);
        addUpiQr(rig);
        QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
        const QString orderId = rig.engine->pay(rig.sale(14950)).value();
        QVERIFY(sessions.wait(5000));
        QVERIFY(rig.sandbox->expire(orderId));
        QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::Expired, 5000);

        // Only the UPI QR may take a Juspay push over, and only a configured one.
        QCOMPARE(rig.engine->retry(orderId, QStringLiteral("cmcom")).errorCode(), QStringLiteral("not_switchable"));
        QCOMPARE(rig.engine->retry(orderId, QStringLiteral("juspay-cred")).errorCode(), QStringLiteral("not_switchable"));
        QCOMPARE(stored(rig, orderId).provider, kProvider);

        const VoidResult retried = rig.engine->retry(orderId, kUpiQr);
        QVERIFY2(retried.ok(), qPrintable(retried.errorMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(sessions.size(), 2, 5000);
        QCOMPARE(sessions.last().at(0).toString(), orderId);
        const PaymentSession session = sessions.last().at(1).value<PaymentSession>();
        QVERIFY2(session.upiUri.startsWith(QLatin1String("upi://pay?")), qPrintable(session.upiUri));
        QCOMPARE(stored(rig, orderId).provider, kUpiQr); // written with the claim of the new transaction
        QCOMPARE(payWithUpiApp(rig, session.upiUri), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::Charged, 5000);

        // One order at the sandbox, with the push and the QR as its two transactions.
        int orders = 0;
        for (const QJsonValue &value : rig.sandboxOrders()) {
            const QJsonObject o = value.toObject();
            if (o.value(QLatin1String("order_id")).toString() != orderId)
                continue;
            ++orders;
            QCOMPARE(o.value(QLatin1String("txns")).toInt(), 2);
            QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("charged"));
        }
        QCOMPARE(orders, 1);
    }

    // A QR the gateway wrote wrong is refused and never shown, but its transaction stays
    // pending at the gateway. Nobody can pay a QR nobody saw, so Retry starts a fresh
    // transaction (with a QR) instead of waiting on that one.
    void aRetryAfterARefusedQrShowsAFreshQr()
    {
        Rig rig(QStringLiteral("manual"));
        QVERIFY(rig.started);
        addUpiQr(rig);
        QCOMPARE(setUpiProfile(rig, QJsonObject { { QStringLiteral("amount_offset_minor"), 100 } }), 200);
        QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("UPI QR refused")));
        const QString orderId = rig.engine->pay(qrSale(14950)).value();
        QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::Failed, 5000);
        QCOMPARE(sessions.size(), 0); // no QR reached the screen

        QCOMPARE(setUpiProfile(rig, QJsonObject { { QStringLiteral("amount_offset_minor"), 0 } }), 200);
        const VoidResult retried = rig.engine->retry(orderId);
        QVERIFY2(retried.ok(), qPrintable(retried.errorMessage()));
        QVERIFY(sessions.wait(5000));
        const PaymentSession session = sessions.last().at(1).value<PaymentSession>();
        QVERIFY2(session.upiUri.startsWith(QLatin1String("upi://pay?")), qPrintable(session.upiUri));
        QCOMPARE(payWithUpiApp(rig, session.upiUri), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::Charged, 5000);
        for (const QJsonValue &value : rig.sandboxOrders()) {
            const QJsonObject o = value.toObject();
            if (o.value(QLatin1String("order_id")).toString() == orderId)
                QCOMPARE(o.value(QLatin1String("txns")).toInt(), 2); // the refused one and the paid one
        }
    }

    void aPaymentAfterTheQrExpiredIsALateSuccess()
    {
        Rig rig(QStringLiteral("manual"));
        QVERIFY(rig.started);
        WallOffsetClock clock;
        PollPolicy policy = fastPolicy();
        policy.graceAfterExpiryMs = 10 * 60'000; // keep watching long after the QR's minute
        addUpiQr(rig, policy, clock, 1);
        QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
        QSignalSpy checks(rig.engine.get(), &CheckoutEngine::statusChecked);
        QSignalSpy alerts(rig.engine.get(), &CheckoutEngine::alertRaised);
        const QString orderId = rig.engine->pay(qrSale(5000)).value();
        QVERIFY(sessions.wait(5000));
        const PaymentSession session = sessions.last().at(1).value<PaymentSession>();
        QVERIFY(session.expiresAt.isValid());
        QVERIFY(qAbs(clock.nowUtc().secsTo(session.expiresAt) - 60) <= 2); // the setting's minute

        // The till's clock passes the QR's expiry while the gateway still says pending ...
        clock.advanceMs(61'000);
        const int seen = int(checks.size());
        QTRY_VERIFY_WITH_TIMEOUT(checks.size() >= seen + 2, 5000);
        QVERIFY(alerts.isEmpty());
        // ... and the customer's payment still arrives: money received, never dropped.
        QCOMPARE(payWithUpiApp(rig, session.upiUri), 200);
        QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::Charged, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!alerts.isEmpty(), 2000);
        QCOMPARE(alerts.last().first().value<Alert>().kind, Alert::Kind::LateSuccess);
    }
};

QTEST_GUILESS_MAIN(tst_UpiQrCheckout)
#include "tst_UpiQrCheckout.moc"
