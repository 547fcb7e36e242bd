#include "GatewayTestSupport.h"

#include "core/Money.h"
#include "gateway/juspay/JuspayParser.h"

#include <QtTest>

using S = PaymentState;
using Kind = GatewayError::Kind;

class tst_JuspayParser : public QObject
{
    Q_OBJECT

private:
    static Money inr(qint64 minor) { return Money::fromMinorUnits(minor, Currency::inr()).value(); }
    // The order asked about (and the configured merchant).
    static AnswerIdentity order(const char *orderId, const char *merchantId = "counterpay_demo")
    {
        return { QString::fromLatin1(orderId), QString::fromLatin1(merchantId), {} };
    }
    static QByteArray charged(const QByteArray &extra = {}, const QByteArray &orderId = "T01ABC123")
    {
        return "{\"order_id\":\"" + orderId + "\",\"merchant_id\":\"counterpay_demo\",\"status\":\"CHARGED\","
               "\"amount\":149.5,\"currency\":\"INR\"" + extra + "}";
    }

private slots:
    void mapping_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<S>("state");
        QTest::addColumn<bool>("known");
        QTest::addColumn<bool>("paid");
        QTest::newRow("NEW") << QByteArray("NEW") << S::AwaitingCustomer << true << false;
        QTest::newRow("CREATED") << QByteArray("CREATED") << S::AwaitingCustomer << true << false;
        QTest::newRow("STARTED") << QByteArray("STARTED") << S::AwaitingCustomer << true << false;
        QTest::newRow("PENDING_VBV") << QByteArray("PENDING_VBV") << S::AwaitingCustomer << true << false;
        QTest::newRow("VBV_SUCCESSFUL") << QByteArray("VBV_SUCCESSFUL") << S::AwaitingCustomer << true << false;
        QTest::newRow("AUTHORIZING") << QByteArray("AUTHORIZING") << S::AwaitingCustomer << true << false;
        QTest::newRow("AUTHORIZED") << QByteArray("AUTHORIZED") << S::AwaitingCustomer << true << false;
        QTest::newRow("TO_BE_CHARGED") << QByteArray("TO_BE_CHARGED") << S::AwaitingCustomer << true << false;
        QTest::newRow("CAPTURE_INITIATED") << QByteArray("CAPTURE_INITIATED") << S::AwaitingCustomer << true << false;
        QTest::newRow("VOID_INITIATED") << QByteArray("VOID_INITIATED") << S::AwaitingCustomer << true << false;
        QTest::newRow("CHARGED") << QByteArray("CHARGED") << S::Charged << true << true;
        QTest::newRow("AUTHENTICATION_FAILED") << QByteArray("AUTHENTICATION_FAILED") << S::Declined << true << false;
        QTest::newRow("JUSPAY_DECLINED") << QByteArray("JUSPAY_DECLINED") << S::Failed << true << false;
        QTest::newRow("AUTHORIZATION_FAILED") << QByteArray("AUTHORIZATION_FAILED") << S::Failed << true << false;
        QTest::newRow("CAPTURE_FAILED") << QByteArray("CAPTURE_FAILED") << S::Failed << true << false;
        QTest::newRow("AUTO_REFUNDED") << QByteArray("AUTO_REFUNDED") << S::Failed << true << false;
        QTest::newRow("VOIDED") << QByteArray("VOIDED") << S::Cancelled << true << false;
        QTest::newRow("PARTIAL_CHARGED") << QByteArray("PARTIAL_CHARGED") << S::Unknown << true << false;
        QTest::newRow("VOID_FAILED") << QByteArray("VOID_FAILED") << S::Unknown << true << false;
        QTest::newRow("COD_INITIATED") << QByteArray("COD_INITIATED") << S::Unknown << true << false;
        QTest::newRow("lower-case charged is not CHARGED") << QByteArray("charged") << S::Unknown << false << false;
        QTest::newRow("SUCCESS is Google's word") << QByteArray("SUCCESS") << S::Unknown << false << false;
        QTest::newRow("empty") << QByteArray("") << S::Unknown << false << false;
        QTest::newRow("trailing space") << QByteArray("CHARGED ") << S::Unknown << false << false;
    }

    void mapping()
    {
        QFETCH(QByteArray, raw);
        QFETCH(S, state);
        QFETCH(bool, known);
        QFETCH(bool, paid);
        const JuspayParser::Mapping m = JuspayParser::mapStatus(QString::fromLatin1(raw));
        QCOMPARE(m.state, state);
        QCOMPARE(m.known, known);
        QCOMPARE(m.paid, paid);
    }

    void everyDocumentedStatusIsMapped()
    {
        const QList<const char *> documented { "NEW", "STARTED", "CHARGED", "JUSPAY_DECLINED", "PENDING_VBV",
                                       "VBV_SUCCESSFUL", "AUTHORIZED", "AUTHENTICATION_FAILED",
                                       "AUTHORIZATION_FAILED", "AUTHORIZING", "COD_INITIATED", "VOIDED",
                                       "VOID_INITIATED", "CAPTURE_INITIATED", "CAPTURE_FAILED",
                                       "VOID_FAILED", "AUTO_REFUNDED", "PARTIAL_CHARGED", "TO_BE_CHARGED" };
        for (const char *status : documented)
            QVERIFY2(JuspayParser::mapStatus(QString::fromLatin1(status)).known, status);
    }

    void authenticationFailedIsDeclinedOrExpired_data()
    {
        QTest::addColumn<QByteArray>("bankCode");
        QTest::addColumn<PaymentState>("state");
        QTest::newRow("declined by the customer (ZA)") << QByteArray("ZA") << S::Declined;
        QTest::newRow("collect request expired (U69)") << QByteArray("U69") << S::Expired;
        QTest::newRow("no bank code") << QByteArray() << S::Declined;
    }

    void authenticationFailedIsDeclinedOrExpired()
    {
        QFETCH(QByteArray, bankCode);
        QFETCH(PaymentState, state);
        const QByteArray body = QByteArray("{\"order_id\":\"T01A\",\"status\":\"AUTHENTICATION_FAILED\",\"status_id\":26,"
                                           "\"amount\":149.5,\"currency\":\"INR\",\"bank_error_code\":\"")
                + bankCode + QByteArray("\"}");
        const auto status = JuspayParser::parseOrderStatus(body, order("T01A"), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, state);
        QVERIFY(status->state != S::Charged);
    }

    void pushTxnSample()
    {
        const auto session = JuspayParser::parseTxn(readFixture(QStringLiteral("juspay-push-txns.json")), order("TEST1592138494"));
        QVERIFY(session.ok());
        QCOMPARE(session->txnUuid, QStringLiteral("euljee4mruLZTzrdM"));
        QCOMPARE(session->txnId, QStringLiteral("TEST1592138494"));
        QCOMPARE(session->orderId, QStringLiteral("TEST1592138494"));
        QCOMPARE(session->rawStatus, QStringLiteral("PENDING_VBV"));
        QCOMPARE(session->state, S::AwaitingCustomer);
        QCOMPARE(session->method, PaymentSession::Method::Get);
        QCOMPARE(session->authUrl, QUrl(QStringLiteral("https://api.juspay.in/v2/pay/start/merchantId/euljee4mruLZTzrdM")));
        QVERIFY(session->params.isEmpty());
        QVERIFY(session->intentUrl.isEmpty());
    }

    void credCollectSample()
    {
        const auto session = JuspayParser::parseTxn(readFixture(QStringLiteral("juspay-cred-collect.json")), order("test_1610009874"));
        QVERIFY(session.ok());
        QCOMPARE(session->checkoutMode, QStringLiteral("collect"));
        QVERIFY(session->intentUrl.isEmpty());
        QCOMPARE(session->txnId, QStringLiteral("Symbol-test_1610009874-17"));
        QCOMPARE(session->orderId, QStringLiteral("test_1610009874"));
        QCOMPARE(session->credLayout.title, QStringLiteral("Pay with CRED"));
        QCOMPARE(session->credLayout.ctaText, QStringLiteral("Pay with CRED"));
        QCOMPARE(session->credLayout.subText, QStringLiteral("pay seamlessly using your CRED coins. #killthebill"));
        QVERIFY(session->credLayout.bannerText.startsWith(QStringLiteral("CRED offers you")));
        QCOMPARE(session->credLayout.icon.host(), QStringLiteral("d1sofudel0ufia.cloudfront.net"));
        QCOMPARE(session->authUrl.path(), QStringLiteral("/v2/pay/start/Symbol/eulz7iRV1E1EAUjSFKb"));
    }

    void credIntentSample()
    {
        const auto session = JuspayParser::parseTxn(readFixture(QStringLiteral("juspay-cred-intent.json")), order("test_1610009874"));
        QVERIFY(session.ok());
        QCOMPARE(session->checkoutMode, QStringLiteral("intent"));
        QCOMPARE(session->intentUrl.scheme(), QStringLiteral("credpay"));
        QVERIFY(session->intentUrl.toString().contains(QStringLiteral("ref_id=0e57fe61")));
        QCOMPARE(session->credLayout.title, QStringLiteral("CRED pay"));
        QCOMPARE(session->credLayout.icon.scheme(), QStringLiteral("https"));
        QCOMPARE(session->method, PaymentSession::Method::Get);
        QCOMPARE(session->authUrl.host(), QStringLiteral("api.juspay.in"));
    }

    void inlinePostSample()
    {
        const auto session = JuspayParser::parseTxn(readFixture(QStringLiteral("juspay-inline-post.json")), order(":order_id"));
        QVERIFY(session.ok());
        QCOMPARE(session->method, PaymentSession::Method::Post);
        QCOMPARE(session->authUrl, QUrl(QStringLiteral("https://wallet-url.com/payment-path/start")));
        QCOMPARE(session->params.size(), 3);
        QCOMPARE(session->params.value(QStringLiteral("key1")), QStringLiteral("v1"));
        QCOMPARE(session->params.value(QStringLiteral("key3")), QStringLiteral("v3"));
        QCOMPARE(session->txnId, QStringLiteral(":txn_id"));
    }

    void inlineGetSample()
    {
        const auto session = JuspayParser::parseTxn(readFixture(QStringLiteral("juspay-inline-get.json")), order(":order_id"));
        QVERIFY(session.ok());
        QCOMPARE(session->method, PaymentSession::Method::Get);
        QCOMPARE(session->authUrl.query(), QStringLiteral("hello=world"));
    }

    void txnRejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("truncated") << readFixture(QStringLiteral("juspay-push-txns.json")).left(80);
        QTest::newRow("no status") << QByteArray("{\"order_id\":\"T1\",\"txn_id\":\"a\",\"payment\":{\"authentication\":{\"url\":\"https://x.y/\",\"method\":\"GET\"}}}");
        QTest::newRow("no url") << QByteArray("{\"order_id\":\"T1\",\"txn_id\":\"a\",\"status\":\"PENDING_VBV\",\"payment\":{}}");
        QTest::newRow("javascript url") << QByteArray("{\"order_id\":\"T1\",\"txn_id\":\"a\",\"status\":\"PENDING_VBV\",\"payment\":{\"authentication\":{\"url\":\"javascript:alert(1)\",\"method\":\"GET\"}}}");
        QTest::newRow("bad method") << QByteArray("{\"order_id\":\"T1\",\"txn_id\":\"a\",\"status\":\"PENDING_VBV\",\"payment\":{\"authentication\":{\"url\":\"https://x.y/\",\"method\":\"PUT\"}}}");
        QTest::newRow("intent without url") << QByteArray("{\"order_id\":\"T1\",\"txn_id\":\"a\",\"status\":\"PENDING_VBV\",\"payment\":{\"authentication\":{\"url\":\"https://x.y/\",\"method\":\"GET\"},\"sdk_params\":{\"status\":\"OK\",\"response\":{\"checkout_mode\":\"intent\"}}}}");
    }

    void txnRejects()
    {
        QFETCH(QByteArray, body);
        const auto session = JuspayParser::parseTxn(body, order("T1"));
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Malformed);
    }

    void txnChargedIsNotTakenOnItsWord()
    {
        const auto session = JuspayParser::parseTxn(
                "{\"order_id\":\"T1\",\"txn_id\":\"a\",\"status\":\"CHARGED\",\"payment\":{\"authentication\":{\"url\":\"https://x.y/\",\"method\":\"GET\"}}}",
                order("T1"));
        QVERIFY(session.ok());
        QCOMPARE(session->state, S::AwaitingCustomer);
    }

    void orderCreate()
    {
        const auto created = JuspayParser::parseOrderCreate(readFixture(QStringLiteral("juspay-order-create.json")), order("T01ABC123"));
        QVERIFY(created.ok());
        QCOMPARE(created.value(), QStringLiteral("CREATED"));
        QVERIFY(!JuspayParser::parseOrderCreate("{\"status\":\"CREATED\"}", order("T01ABC123")).ok());
    }

    void statusCharged()
    {
        const auto status = JuspayParser::parseOrderStatus(readFixture(QStringLiteral("juspay-order-status-charged.json")), order("T01ABC123"), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Charged);
        QVERIFY(status->amountVerified);
        QVERIFY(!status->amountMismatch);
        QVERIFY(status->knownStatus);
        QCOMPARE(status->reportedAmount->minorUnits(), 14950);
        QCOMPARE(status->txnId, QStringLiteral("counterpay_demo-T01ABC123-1"));
        QCOMPARE(status->txnUuid, QStringLiteral("euljee4mruLZTzrdM"));
        QCOMPARE(status->upiRrn, QStringLiteral("412345678901"));
        QCOMPARE(status->refundedAmount->minorUnits(), 0);
    }

    void statusMismatch_data()
    {
        QTest::addColumn<QByteArray>("amount");
        QTest::addColumn<QByteArray>("currency");
        QTest::newRow("less") << QByteArray("149.49") << QByteArray("INR");
        QTest::newRow("more") << QByteArray("1495") << QByteArray("INR");
        QTest::newRow("other currency") << QByteArray("149.5") << QByteArray("EUR");
        QTest::newRow("unsupported currency") << QByteArray("149.5") << QByteArray("XYZ");
        QTest::newRow("amount missing") << QByteArray("null") << QByteArray("INR");
        QTest::newRow("amount garbage") << QByteArray("\"abc\"") << QByteArray("INR");
        QTest::newRow("too precise") << QByteArray("149.501") << QByteArray("INR");
    }

    void statusMismatch()
    {
        QFETCH(QByteArray, amount);
        QFETCH(QByteArray, currency);
        const QByteArray body = "{\"order_id\":\"T01ABC123\",\"status\":\"CHARGED\",\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\"}";
        const auto status = JuspayParser::parseOrderStatus(body, order("T01ABC123"), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(status->amountMismatch);
        QVERIFY(!status->amountVerified);
    }

    void statusPendingAndDeclined()
    {
        auto status = JuspayParser::parseOrderStatus(readFixture(QStringLiteral("juspay-order-status-pending.json")), order("T01ABC123"), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::AwaitingCustomer);
        QVERIFY(status->amountVerified); // the amount matches; it just is not paid yet
        status = JuspayParser::parseOrderStatus(readFixture(QStringLiteral("juspay-order-status-declined.json")), order("T01ABC123"), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Declined);
        QCOMPARE(status->failureCode, QStringLiteral("U30"));
        QCOMPARE(status->failureMessage, QStringLiteral("Customer declined the request"));
    }

    void statusUnknownWarns()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown Juspay order status.*MYSTERY")));
        const auto status = JuspayParser::parseOrderStatus(
                "{\"order_id\":\"T01ABC123\",\"status\":\"MYSTERY\",\"amount\":149.5,\"currency\":\"INR\"}", order("T01ABC123"),
                inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(!status->knownStatus);
        QCOMPARE(status->rawStatus, QStringLiteral("MYSTERY"));
    }

    // An answer about another order or merchant proves nothing about ours: typed, never Charged.
    void statusIdentity_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("askedMerchant");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("another order") << charged({}, "T01OTHER") << QByteArray("counterpay_demo") << Kind::IdentityMismatch;
        QTest::newRow("case differs") << charged({}, "t01abc123") << QByteArray("counterpay_demo") << Kind::IdentityMismatch;
        QTest::newRow("prefix of ours") << charged({}, "T01ABC12") << QByteArray("counterpay_demo") << Kind::IdentityMismatch;
        QTest::newRow("another merchant") << charged() << QByteArray("other_shop") << Kind::IdentityMismatch;
        QTest::newRow("order_id as a number") << QByteArray("{\"order_id\":123,\"status\":\"CHARGED\",\"amount\":149.5,\"currency\":\"INR\"}")
                                             << QByteArray("counterpay_demo") << Kind::IdentityMismatch;
        QTest::newRow("no order_id") << QByteArray("{\"status\":\"CHARGED\",\"amount\":149.5,\"currency\":\"INR\"}")
                                     << QByteArray("counterpay_demo") << Kind::Malformed;
    }

    void statusIdentity()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, askedMerchant);
        QFETCH(Kind, kind);
        if (kind == Kind::IdentityMismatch)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch: The Juspay order status names")));
        const auto status = JuspayParser::parseOrderStatus(body, order("T01ABC123", askedMerchant.constData()), inr(14950));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, kind);
        QVERIFY(!status.error().isTransport());
        QCOMPARE(GatewayError::kindName(Kind::IdentityMismatch), QStringLiteral("identity_mismatch"));
    }

    void statusIdentityAccepted_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("askedMerchant");
        QTest::newRow("ours") << charged() << QByteArray("counterpay_demo");
        QTest::newRow("no merchant_id sent") << QByteArray("{\"order_id\":\"T01ABC123\",\"status\":\"CHARGED\",\"amount\":149.5,\"currency\":\"INR\"}")
                                             << QByteArray("counterpay_demo");
        QTest::newRow("no merchant configured") << charged() << QByteArray();
    }

    void statusIdentityAccepted()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, askedMerchant);
        const auto status = JuspayParser::parseOrderStatus(body, order("T01ABC123", askedMerchant.constData()), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Charged);
        QCOMPARE(status->orderId, QStringLiteral("T01ABC123"));
    }

    void writeAnswersNameTheOrder()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch: The Juspay transaction answer names order_id '.*', not 'T01MINE'")));
        const auto txn = JuspayParser::parseTxn(readFixture(QStringLiteral("juspay-push-txns.json")), order("T01MINE"));
        QVERIFY(!txn.ok());
        QCOMPARE(txn.error().kind, Kind::IdentityMismatch);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch: The Juspay order answer")));
        const auto created = JuspayParser::parseOrderCreate(readFixture(QStringLiteral("juspay-order-create.json")), order("T01MINE"));
        QVERIFY(!created.ok());
        QCOMPARE(created.error().kind, Kind::IdentityMismatch);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch: The Juspay refund answer")));
        const auto refund = JuspayParser::parseRefund(readFixture(QStringLiteral("juspay-refund.json")), order("T01MINE"),
                                                      QStringLiteral("T01ABC123-r1"), Currency::inr());
        QVERIFY(!refund.ok());
        QCOMPARE(refund.error().kind, Kind::IdentityMismatch);

        const auto noOrder = JuspayParser::parseTxn(
                "{\"txn_id\":\"a\",\"status\":\"PENDING_VBV\",\"payment\":{\"authentication\":{\"url\":\"https://x.y/\",\"method\":\"GET\"}}}",
                order("T1"));
        QVERIFY(!noOrder.ok());
        QCOMPARE(noOrder.error().kind, Kind::Malformed);
    }

    // QJsonDocument keeps one of two equal keys; an answer that says a field twice says nothing.
    void duplicateKeys_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("status twice") << QByteArray("{\"order_id\":\"T01ABC123\",\"status\":\"PENDING_VBV\",\"status\":\"CHARGED\",\"amount\":149.5,\"currency\":\"INR\"}");
        QTest::newRow("order_id twice") << QByteArray("{\"order_id\":\"T01OTHER\",\"order_id\":\"T01ABC123\",\"status\":\"CHARGED\",\"amount\":149.5,\"currency\":\"INR\"}");
        QTest::newRow("amount twice") << QByteArray("{\"order_id\":\"T01ABC123\",\"status\":\"CHARGED\",\"amount\":1,\"amount\":149.5,\"currency\":\"INR\"}");
        QTest::newRow("currency twice") << QByteArray("{\"order_id\":\"T01ABC123\",\"status\":\"CHARGED\",\"amount\":149.5,\"currency\":\"EUR\",\"currency\":\"INR\"}");
        QTest::newRow("amount_refunded twice") << charged(",\"amount_refunded\":149.5,\"amount_refunded\":0");
        QTest::newRow("escaped spelling of status") << QByteArray("{\"order_id\":\"T01ABC123\",\"status\":\"PENDING_VBV\",\"st\\u0061tus\":\"CHARGED\",\"amount\":149.5,\"currency\":\"INR\"}");
        QTest::newRow("nested, twice in one object") << charged(",\"payment_gateway_response\":{\"rrn\":\"1\",\"rrn\":\"2\"}");
        QTest::newRow("after a string holding quotes and braces") << charged(",\"note\":\"a \\\"}{,\\\" b\",\"status\":\"CHARGED\"");
    }

    void duplicateKeys()
    {
        QFETCH(QByteArray, body);
        const auto status = JuspayParser::parseOrderStatus(body, order("T01ABC123"), inr(14950));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, Kind::Malformed);
        QVERIFY2(status.error().message.contains(QStringLiteral("twice")), qPrintable(status.error().message));
    }

    void sameKeyInDifferentObjectsIsFine()
    {
        // "status" at the top and in each refund, "amount" likewise: not duplicates.
        const auto status = JuspayParser::parseOrderStatus(
                charged(",\"refunds\":[{\"status\":\"PENDING\",\"amount\":1},{\"status\":\"FAILURE\",\"amount\":2}],"
                        "\"note\":\"{\\\"status\\\":1,\\\"status\\\":2}\""),
                order("T01ABC123"), inr(14950));
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QCOMPARE(status->state, S::Charged);
    }

    // Refunds made anywhere (CounterPay, Juspay's dashboard) show in the order status.
    void refundsSeen_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<S>("state");
        QTest::addColumn<qint64>("refunded"); // -1: absent
        QTest::addColumn<qint64>("pending");  // -1: absent
        QTest::newRow("nothing refunded") << QByteArray(",\"refunded\":false,\"amount_refunded\":0") << S::Charged << qint64(0) << qint64(-1);
        QTest::newRow("dashboard refund of 1.00 (amount_refunded: 1)") << QByteArray(",\"refunded\":true,\"amount_refunded\":1")
                                                                       << S::PartiallyRefunded << qint64(100) << qint64(-1);
        QTest::newRow("amount_refunded as a string") << QByteArray(",\"amount_refunded\":\"49.50\"") << S::PartiallyRefunded << qint64(4950) << qint64(-1);
        QTest::newRow("amount_refunded all of it") << QByteArray(",\"amount_refunded\":149.5") << S::Refunded << qint64(14950) << qint64(-1);
        QTest::newRow("refunded:true without an amount") << QByteArray(",\"refunded\":true") << S::Refunded << qint64(14950) << qint64(-1);
        QTest::newRow("refunded:true with amount_refunded 0") << QByteArray(",\"refunded\":true,\"amount_refunded\":0") << S::Refunded << qint64(14950) << qint64(-1);
        QTest::newRow("refunds[]: SUCCESS summed, PENDING apart, FAILURE ignored")
                << QByteArray(",\"refunds\":[{\"status\":\"SUCCESS\",\"amount\":50},{\"status\":\"PENDING\",\"amount\":20},"
                              "{\"status\":\"FAILURE\",\"amount\":30},{\"status\":\"SUCCESS\",\"amount\":\"10.25\"}]")
                << S::PartiallyRefunded << qint64(6025) << qint64(2000);
        QTest::newRow("refunds[]: all of it") << QByteArray(",\"refunds\":[{\"status\":\"SUCCESS\",\"amount\":100},{\"status\":\"SUCCESS\",\"amount\":49.5}]")
                                              << S::Refunded << qint64(14950) << qint64(-1);
        QTest::newRow("refunds[]: only pending") << QByteArray(",\"refunds\":[{\"status\":\"MANUAL_REVIEW\",\"amount\":5}]")
                                                 << S::Charged << qint64(-1) << qint64(500);
        QTest::newRow("amount_refunded wins over refunds[]")
                << QByteArray(",\"amount_refunded\":20,\"refunds\":[{\"status\":\"SUCCESS\",\"amount\":10}]")
                << S::PartiallyRefunded << qint64(2000) << qint64(-1);
    }

    void refundsSeen()
    {
        QFETCH(QByteArray, extra);
        QFETCH(S, state);
        QFETCH(qint64, refunded);
        QFETCH(qint64, pending);
        const auto status = JuspayParser::parseOrderStatus(charged(extra), order("T01ABC123"), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, state);
        QVERIFY(status->amountVerified);
        QCOMPARE(status->refundedAmount ? status->refundedAmount->minorUnits() : -1, refunded);
        QCOMPARE(status->refundPendingAmount ? status->refundPendingAmount->minorUnits() : -1, pending);
        QVERIFY(PaymentStates::isLegalTransition(S::Charged, state) || state == S::Charged);
    }

    void refundedOrderForAnotherAmountStaysUnknown()
    {
        const auto status = JuspayParser::parseOrderStatus(charged(",\"amount_refunded\":1"), order("T01ABC123"), inr(10000));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(status->amountMismatch);
    }

    void refundSample()
    {
        const auto refund = JuspayParser::parseRefund(readFixture(QStringLiteral("juspay-refund.json")), order("T01ABC123"),
                                                      QStringLiteral("T01ABC123-r1"), Currency::inr());
        QVERIFY(refund.ok());
        QCOMPARE(refund->state, RefundResult::State::Pending);
        QCOMPARE(refund->refundId, QStringLiteral("rfnd_0001"));
        QCOMPARE(refund->amount->minorUnits(), 4950);
        const auto other = JuspayParser::parseRefund(readFixture(QStringLiteral("juspay-refund.json")), order("T01ABC123"),
                                                     QStringLiteral("nope"), Currency::inr());
        QVERIFY(!other.ok());
    }

    void errorBodies()
    {
        GatewayError base;
        base.kind = Kind::BadRequest;
        base.httpStatus = 400;
        GatewayError e = JuspayParser::parseError(readFixture(QStringLiteral("juspay-error-400.json")), base);
        QCOMPARE(e.kind, Kind::BadRequest);
        QCOMPARE(e.providerCode, QStringLiteral("invalid_request"));
        QVERIFY(e.message.contains(QStringLiteral("Order timed out")));
        e = JuspayParser::parseError(readFixture(QStringLiteral("juspay-error-info.json")), base);
        QCOMPARE(e.providerCode, QStringLiteral("access_denied"));
        QVERIFY(e.message.contains(QStringLiteral("Invalid API key.")));
        base.message = QStringLiteral("kept");
        e = JuspayParser::parseError("<html>502 Bad Gateway</html>", base);
        QCOMPARE(e.message, QStringLiteral("kept"));
    }
};

QTEST_GUILESS_MAIN(tst_JuspayParser)
#include "tst_JuspayParser.moc"
