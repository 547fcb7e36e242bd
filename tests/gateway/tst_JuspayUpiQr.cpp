#include "SandboxHarness.h"
#include "ScriptedHttpServer.h"

#include "gateway/juspay/JuspayGateway.h"
#include "gateway/juspay/UpiIntentUri.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QtTest>

using S = PaymentState;
using Kind = GatewayError::Kind;

// The dynamic UPI QR through Juspay (issue 16), end to end against the real sandbox over
// loopback: the URI the gateway builds from sdk_params, the refusals that keep a wrong QR off
// the screen, and the status of a QR sale (amount and identity checks, the RRN). The sandbox's
// simulated UPI app (POST /__sandbox/upi/pay) pays a URI only when its tr, pa, am and cu are
// what the sandbox issued, so a URI it pays carries exactly the answer's values.
class tst_JuspayUpiQr : public QObject
{
    Q_OBJECT

private:
    int m_counter = 0;

    std::unique_ptr<SandboxHarness> sandbox(const SandboxUpiProfile &profile = {}, const QString &scenario = QStringLiteral("manual"))
    {
        auto h = std::make_unique<SandboxHarness>();
        h->options.upi = profile;
        if (!h->start(false, scenario))
            return nullptr;
        return h;
    }

    QString nextOrderId()
    {
        return QStringLiteral("T01Q%1").arg(++m_counter, 3, 10, QLatin1Char('0'))
               + QString::number(QDateTime::currentMSecsSinceEpoch() % 100000);
    }

    static JuspayConfig config(const SandboxHarness &h)
    {
        JuspayConfig c;
        c.baseUrl = h.baseUrl;
        c.merchantId = QStringLiteral("counterpay_demo");
        c.apiKey = QStringLiteral("sandbox-juspay-key");
        return c;
    }

    PaymentRequest request(qint64 minor = 14950)
    {
        PaymentRequest r;
        r.orderId = nextOrderId();
        r.amount = Money::fromMinorUnits(minor, Currency::inr()).value();
        return r; // no mobile: the customer scans
    }

    static OrderRef ref(const PaymentRequest &r) { return orderRefOf(r); }

    GatewayResult<PaymentSession> start(JuspayGateway &g, const PaymentRequest &r) { return awaitStart(this, g, r); }
    GatewayResult<PaymentStatus> status(JuspayGateway &g, const OrderRef &o) { return awaitStatus(this, g, o); }

    // The simulated UPI app pays the scanned text: its HTTP status and JSON answer.
    static QPair<int, QJsonObject> payWithUpiApp(SandboxHarness &h, const QString &uri)
    {
        QNetworkRequest post(h.baseUrl.resolved(QUrl(QStringLiteral("/__sandbox/upi/pay"))));
        post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = h.manager.post(post, QJsonDocument(QJsonObject { { QStringLiteral("uri"), uri } }).toJson());
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10'000))
            return { -1, {} };
        reply->deleteLater();
        return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 QJsonDocument::fromJson(reply->readAll()).object() };
    }

    static QUrlQuery queryOf(const QString &uri)
    {
        return QUrlQuery(uri.mid(uri.indexOf(u'?') + 1));
    }
    static QStringList namesOf(const QString &uri)
    {
        QStringList names;
        for (const auto &item : queryOf(uri).queryItems())
            names << item.first;
        return names;
    }

private slots:
    void uriParametersAreTheAnswersSdkParams()
    {
        SandboxUpiProfile profile;
        profile.merchantVpa = QStringLiteral("shop.till7@invalid");
        profile.merchantName = QStringLiteral("Kirana7");
        profile.mcc = QStringLiteral("5499");
        auto h = sandbox(profile);
        QVERIFY(h);
        JuspayGateway gateway(h->client.get(), config(*h), JuspayGateway::Flow::UpiQr);
        QCOMPARE(gateway.providerName(), QStringLiteral("juspay-upi-qr"));
        const PaymentRequest r = request(14950);
        const auto session = start(gateway, r);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QCOMPARE(session->rawStatus, QStringLiteral("PENDING_VBV"));
        QCOMPARE(session->state, S::AwaitingCustomer);
        const QString uri = session->upiUri;
        QVERIFY2(uri.startsWith(QLatin1String("upi://pay?")), qPrintable(uri));
        // Every member the sandbox sent, under its UPI name, in the document's order; nothing else.
        QCOMPARE(namesOf(uri), (QStringList { QStringLiteral("pa"), QStringLiteral("pn"), QStringLiteral("tr"),
                                             QStringLiteral("tid"), QStringLiteral("mc"), QStringLiteral("am"),
                                             QStringLiteral("cu"), QStringLiteral("tn") }));
        const QUrlQuery q = queryOf(uri);
        QCOMPARE(q.queryItemValue(QStringLiteral("pa")), profile.merchantVpa);
        QCOMPARE(q.queryItemValue(QStringLiteral("pn")), profile.merchantName);
        QCOMPARE(q.queryItemValue(QStringLiteral("mc")), profile.mcc);
        QCOMPARE(q.queryItemValue(QStringLiteral("am")), QStringLiteral("149.50"));
        QCOMPARE(q.queryItemValue(QStringLiteral("cu")), QStringLiteral("INR"));
        QVERIFY(q.queryItemValue(QStringLiteral("tid")).startsWith(QLatin1String("CPT")));
        QCOMPARE(q.queryItemValue(QStringLiteral("tn"), QUrl::FullyDecoded), QStringLiteral("Order ") + r.orderId);
        QCOMPARE(session->payeeName, profile.merchantName);
        // The QR's life as the lifetime setting asked (5 minutes by default).
        QVERIFY(session->expiresAt.isValid());
        const qint64 life = QDateTime::currentDateTimeUtc().secsTo(session->expiresAt);
        QVERIFY2(life > 4 * 60 && life <= 5 * 60, qPrintable(QString::number(life)));

        // The sandbox issued a fresh tr for this transaction; its UPI app pays the URI only
        // when tr, pa, am and cu are the ones it issued.
        const auto paid = payWithUpiApp(*h, uri);
        QCOMPARE(paid.first, 200);
        QCOMPARE(paid.second.value(QStringLiteral("order_id")).toString(), r.orderId);
        QCOMPARE(paid.second.value(QStringLiteral("state")).toString(), QStringLiteral("charged"));
    }

    void aMissingTidIsLeftOut()
    {
        SandboxUpiProfile profile;
        profile.includeTid = false;
        auto h = sandbox(profile);
        QVERIFY(h);
        JuspayGateway gateway(h->client.get(), config(*h), JuspayGateway::Flow::UpiQr);
        const auto session = start(gateway, request());
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QVERIFY2(!namesOf(session->upiUri).contains(QStringLiteral("tid")), qPrintable(session->upiUri));
        QVERIFY(!session->upiUri.contains(QLatin1String("tid=")));
        QCOMPARE(payWithUpiApp(*h, session->upiUri).first, 200);
    }

    void aMerchantNameWithSpacesAndAmpersandIsEncoded()
    {
        SandboxUpiProfile profile;
        profile.merchantName = QStringLiteral("Sharma & Sons General Store");
        auto h = sandbox(profile);
        QVERIFY(h);
        JuspayGateway gateway(h->client.get(), config(*h), JuspayGateway::Flow::UpiQr);
        const auto session = start(gateway, request());
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        const QString uri = session->upiUri;
        QVERIFY2(uri.contains(QLatin1String("&pn=Sharma%20%26%20Sons%20General%20Store&")), qPrintable(uri));
        QVERIFY(!uri.contains(u' '));
        QVERIFY(!uri.contains(u'+'));
        QCOMPARE(queryOf(uri).queryItemValue(QStringLiteral("pn"), QUrl::FullyDecoded), profile.merchantName);
        QCOMPARE(namesOf(uri).size(), 8); // the '&' in the name did not split a parameter
        QCOMPARE(payWithUpiApp(*h, uri).first, 200);
    }

    void anAmountMismatchRefusesTheQr_data()
    {
        QTest::addColumn<qint64>("offsetMinor");
        QTest::addColumn<QStringList>("omit");
        QTest::addColumn<QString>("code");
        QTest::newRow("one rupee more") << qint64(100) << QStringList() << QStringLiteral("upi_amount_mismatch");
        QTest::newRow("one paisa less") << qint64(-1) << QStringList() << QStringLiteral("upi_amount_mismatch");
        QTest::newRow("no amount") << qint64(0) << QStringList { QStringLiteral("amount") } << QStringLiteral("upi_missing_amount");
        QTest::newRow("no payee") << qint64(0) << QStringList { QStringLiteral("merchant_vpa") } << QStringLiteral("upi_missing_pa");
        QTest::newRow("no tr") << qint64(0) << QStringList { QStringLiteral("tr") } << QStringLiteral("upi_missing_tr");
    }

    void anAmountMismatchRefusesTheQr()
    {
        QFETCH(qint64, offsetMinor);
        QFETCH(QStringList, omit);
        QFETCH(QString, code);
        SandboxUpiProfile profile;
        profile.amountOffsetMinor = offsetMinor;
        profile.omit = omit;
        auto h = sandbox(profile);
        QVERIFY(h);
        JuspayGateway gateway(h->client.get(), config(*h), JuspayGateway::Flow::UpiQr);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("UPI QR refused")));
        const auto session = start(gateway, request(14950));
        QVERIFY2(!session.ok(), "a QR that cannot be trusted must not become a session");
        QCOMPARE(session.error().kind, Kind::Refused);
        QCOMPARE(session.error().providerCode, code);
        QVERIFY(!session.error().outcomeUnknown);
        QVERIFY2(session.error().message.contains(QLatin1String("no QR is shown")), qPrintable(session.error().message));
    }

    void statusChecksIdentityAndAmountAndCarriesTheRrn()
    {
        auto h = sandbox();
        QVERIFY(h);
        JuspayGateway gateway(h->client.get(), config(*h), JuspayGateway::Flow::UpiQr);
        const PaymentRequest r = request(25000);
        const auto session = start(gateway, r);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));

        auto st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::AwaitingCustomer);
        QVERIFY(st->upiRrn.isEmpty()); // nothing paid, no RRN

        QCOMPARE(payWithUpiApp(*h, session->upiUri).first, 200);
        st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->rawStatus, QStringLiteral("CHARGED"));
        QCOMPARE(st->state, S::Charged);
        QVERIFY(st->amountVerified);
        QCOMPARE(st->reportedAmount->minorUnits(), 25000);
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{12}$")).match(st->upiRrn).hasMatch(), qPrintable(st->upiRrn));

        // The same paid order asked about with another amount: never paid.
        OrderRef wrongAmount = ref(r);
        wrongAmount.amount = Money::fromMinorUnits(24999, Currency::inr()).value();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("CHARGED for 250 INR but the order asked 249.99 INR")));
        st = status(gateway, wrongAmount);
        QVERIFY(st.ok());
        QVERIFY(st->state != S::Charged);
        QVERIFY(st->amountMismatch);
    }

    // A QR sale is refunded as a push sale is: partially, once per unique_request_id, and the
    // status then says so.
    void aPaidQrSaleIsRefundedOncePerRequestId()
    {
        auto h = sandbox();
        QVERIFY(h);
        JuspayGateway gateway(h->client.get(), config(*h), JuspayGateway::Flow::UpiQr);
        const PaymentRequest r = request(14950);
        const auto session = start(gateway, r);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QCOMPARE(payWithUpiApp(*h, session->upiUri).first, 200);
        QCOMPARE(status(gateway, ref(r))->state, S::Charged);

        RefundRequest refund;
        refund.order = ref(r);
        refund.amount = Money::fromMinorUnits(4950, Currency::inr()).value();
        refund.uniqueRequestId = r.orderId + QStringLiteral("-r1");
        const auto refunded = awaitRefund(this, gateway, refund);
        QVERIFY2(refunded.ok(), qPrintable(refunded.ok() ? QString() : refunded.error().toString()));
        QCOMPARE(refunded->amount->minorUnits(), 4950);
        const auto again = awaitRefund(this, gateway, refund);
        QVERIFY(again.ok());
        const auto st = status(gateway, ref(r));
        QVERIFY(st.ok());
        QCOMPARE(st->state, S::PartiallyRefunded);
        QCOMPARE(st->refundedAmount->minorUnits(), 4950);
    }

    void anAnswerAboutAnotherOrderIsNoQr()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueueResponse(200, "{\"order_id\":\"T01Q1\",\"status\":\"CREATED\"}");
        server.enqueueResponse(200, "{\"order_id\":\"T01OTHER\",\"txn_id\":\"m-T01OTHER-1\",\"status\":\"PENDING_VBV\", \"payment\":{\"authentication\":{\"method\":\"GET\",\"url\":\"https://example.invalid/pay\"}, \"sdk_params\":{\"merchant_vpa\":\"x@invalid\",\"merchant_name\":\"X\",\"tr\":\"CP1\",\"amount\":\"1.00\"}}}");
        QNetworkAccessManager manager;
        HttpClient http(&manager, HttpClient::Options());
        JuspayConfig c;
        c.baseUrl = QUrl(QString::fromLatin1(server.baseUrl()));
        c.merchantId = QStringLiteral("m");
        c.apiKey = QStringLiteral("k");
        JuspayGateway gateway(&http, c, JuspayGateway::Flow::UpiQr);
        PaymentRequest r;
        r.orderId = QStringLiteral("T01Q1");
        r.amount = Money::fromMinorUnits(100, Currency::inr()).value();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("order_id")));
        const auto session = start(gateway, r);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::IdentityMismatch);
        // What went out: the order with its short life, then the UPI_QR transaction.
        QCOMPARE(server.requestCount(), 2);
        const QUrlQuery order(QString::fromUtf8(server.received().at(0).body));
        QCOMPARE(order.queryItemValue(QStringLiteral("metadata.expiryInMins")), QStringLiteral("5"));
        QVERIFY(!order.hasQueryItem(QStringLiteral("customer_phone")));
        const QUrlQuery txn(QString::fromUtf8(server.received().at(1).body));
        QCOMPARE(server.received().at(1).path, QByteArray("/txns"));
        for (const auto &[name, value] : QList<QPair<QString, QString>> {
                     { QStringLiteral("order_id"), QStringLiteral("T01Q1") }, { QStringLiteral("merchant_id"), QStringLiteral("m") },
                     { QStringLiteral("payment_method_type"), QStringLiteral("UPI") }, { QStringLiteral("payment_method"), QStringLiteral("UPI") },
                     { QStringLiteral("txn_type"), QStringLiteral("UPI_QR") }, { QStringLiteral("sdk_params"), QStringLiteral("true") },
                     { QStringLiteral("redirect_after_payment"), QStringLiteral("true") }, { QStringLiteral("format"), QStringLiteral("json") } })
            QCOMPARE(txn.queryItemValue(name), value);
    }

    // The builder alone, on members the sandbox never sends: numbers, UPI names, extra UPI
    // parameters, a note of the answer's own, and values that are not text.
    void builderTakesWhateverSdkParamsCarry()
    {
        const Money amount = Money::fromMinorUnits(100000, Currency::inr()).value();
        const QJsonObject sdk = QJsonDocument::fromJson("{\"pa\":\"a.b@okbank\",\"pn\":\"Café Ō\",\"tr\":\"TR/1+2\",\"mcc\":5411, \"amount\":1000,\"tn\":\"Bill 7\",\"mode\":\"01\",\"purpose\":\"00\",\"unrelated\":\"x\"}").object();
        const auto built = UpiIntentUri::fromSdkParams(sdk, amount, QStringLiteral("Order T1"));
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().toString()));
        QCOMPARE(built->uri, QStringLiteral("upi://pay?pa=a.b@okbank&pn=Caf%C3%A9%20%C5%8C&tr=TR%2F1%2B2&mc=5411"
                                            "&am=1000.00&cu=INR&tn=Bill%207&mode=01&purpose=00"));
        const QJsonObject fraction = QJsonDocument::fromJson("{\"pa\":\"a@b\",\"tr\":\"1\",\"amount\":\"1000.00\",\"mcc\":54.5}").object();
        const auto bad = UpiIntentUri::fromSdkParams(fraction, amount, {});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().providerCode, QStringLiteral("upi_bad_value"));
        const QJsonObject dollars = QJsonDocument::fromJson("{\"pa\":\"a@b\",\"tr\":\"1\",\"amount\":\"1000.00\",\"currency\":\"USD\"}").object();
        QCOMPARE(UpiIntentUri::fromSdkParams(dollars, amount, {}).error().providerCode, QStringLiteral("upi_amount_mismatch"));
    }
};

QTEST_GUILESS_MAIN(tst_JuspayUpiQr)
#include "tst_JuspayUpiQr.moc"
