// Juspay's order API over real loopback HTTP: POST /orders, GET /orders/{id}, refunds, auth
// variants and error shapes.

#include "SandboxTestClient.h"

#include "sandbox/SandboxServer.h"

#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

class tst_SandboxJuspayApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void createOrder_answersCreated();
    void createOrder_acceptsJsonBody();
    void createOrder_duplicateReturnsSameOrder();
    void createOrder_rejectsBadInput_data();
    void createOrder_rejectsBadInput();
    void auth_data();
    void auth();
    void formSpacesAndNoAcceptHeader();
    void chunkedRequestBody();
    void orderStatus_fullObject();
    void orderStatus_unknownIs404();
    void refund_appliedOnceByUniqueRequestId();
    void refund_refusedWhenNotChargedOrTooLarge();

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
};

// One sandbox for the whole class (key generation is the slow part); every test uses its own
// order ids.
void tst_SandboxJuspayApi::initTestCase()
{
    m_server = std::make_unique<SandboxServer>(SandboxOptions());
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    m_client = std::make_unique<SandboxTestClient>(url.value());
}

void tst_SandboxJuspayApi::createOrder_answersCreated()
{
    const SandboxTestReply reply = m_client->postForm(u"/orders"_s,
        { { u"order_id"_s, u"T01A"_s }, { u"amount"_s, u"149.50"_s }, { u"currency"_s, u"INR"_s } },
        SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(u"status"_s).toString(), u"CREATED"_s);
    QCOMPARE(json.value(u"status_id"_s).toInt(), 1);
    QCOMPARE(json.value(u"order_id"_s).toString(), u"T01A"_s);
    QVERIFY(json.value(u"id"_s).toString().startsWith(u"ordeh_"));
    QVERIFY(json.value(u"payment_links"_s)
                .toObject()
                .value(u"web"_s)
                .toString()
                .startsWith(u"http://127.0.0.1:"));
}

void tst_SandboxJuspayApi::createOrder_acceptsJsonBody()
{
    const SandboxTestReply reply = m_client->postJson(u"/orders"_s,
        QJsonObject { { u"order_id"_s, u"T01J"_s }, { u"amount"_s, 100.5 } },
        SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 200);
    const QJsonObject status
        = m_client->get(u"/orders/T01J"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"status"_s).toString(), u"NEW"_s);
    // The amount is written as a number with the currency's full exponent.
    QVERIFY(m_client->get(u"/orders/T01J"_s, SandboxTestClient::juspayAuth())
                .body.contains("\"amount\":100.50"));
}

void tst_SandboxJuspayApi::createOrder_duplicateReturnsSameOrder()
{
    const auto fields
        = QList<QPair<QString, QString>> { { u"order_id"_s, u"T01D"_s }, { u"amount"_s, u"10"_s } };
    const QJsonObject first
        = m_client->postForm(u"/orders"_s, fields, SandboxTestClient::juspayAuth()).json();
    const SandboxTestReply second
        = m_client->postForm(u"/orders"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value(u"id"_s), first.value(u"id"_s));
    int count = 0;
    const QJsonArray all = m_client->get(u"/__sandbox/orders"_s).jsonArray();
    for (const QJsonValue &order : all)
        count += order.toObject().value(u"order_id"_s).toString() == u"T01D" ? 1 : 0;
    QCOMPARE(count, 1);
}

void tst_SandboxJuspayApi::createOrder_rejectsBadInput_data()
{
    QTest::addColumn<QString>("orderId");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("infoCode");
    QTest::newRow("three fraction digits INR")
        << u"T01X"_s << u"149.505"_s << u"INR"_s << u"INVALID_INPUT"_s;
    QTest::newRow("fraction on JPY") << u"T01X"_s << u"100.5"_s << u"JPY"_s << u"INVALID_INPUT"_s;
    QTest::newRow("zero") << u"T01X"_s << u"0"_s << u"INR"_s << u"INVALID_INPUT"_s;
    QTest::newRow("not a number") << u"T01X"_s << u"12,50"_s << u"INR"_s << u"INVALID_INPUT"_s;
    QTest::newRow("unknown currency") << u"T01X"_s << u"10"_s << u"XXX"_s << u"INVALID_INPUT"_s;
    QTest::newRow("missing amount")
        << u"T01X"_s << QString() << u"INR"_s << u"MISSING_MANDATORY_PARAMETER"_s;
    QTest::newRow("missing order_id")
        << QString() << u"10"_s << u"INR"_s << u"MISSING_MANDATORY_PARAMETER"_s;
    QTest::newRow("order_id too long")
        << u"T0123456789012345678901"_s << u"10"_s << u"INR"_s << u"INVALID_INPUT"_s;
}

void tst_SandboxJuspayApi::createOrder_rejectsBadInput()
{
    QFETCH(QString, orderId);
    QFETCH(QString, amount);
    QFETCH(QString, currency);
    QFETCH(QString, infoCode);
    QList<QPair<QString, QString>> fields { { u"currency"_s, currency } };
    if (!orderId.isEmpty())
        fields.append({ u"order_id"_s, orderId });
    if (!amount.isEmpty())
        fields.append({ u"amount"_s, amount });
    const SandboxTestReply reply
        = m_client->postForm(u"/orders"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 400);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(u"status"_s).toString(), u"error"_s);
    QCOMPARE(json.value(u"error_code"_s).toString(), u"invalid_request"_s);
    QVERIFY(!json.value(u"error_message"_s).toString().isEmpty());
    QCOMPARE(json.value(u"error_info"_s).toObject().value(u"code"_s).toString(), infoCode);
    QCOMPARE(m_client->get(u"/orders/T01X"_s, SandboxTestClient::juspayAuth()).status, 404);
}

void tst_SandboxJuspayApi::auth_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("merchantHeader");
    QTest::addColumn<int>("status");
    QTest::newRow("key and colon")
        << "Basic " + QByteArray("sandbox-juspay-key:").toBase64() << QByteArray() << 200;
    QTest::newRow("key without colon")
        << "Basic " + QByteArray("sandbox-juspay-key").toBase64() << QByteArray() << 200;
    QTest::newRow("with headers") << "Basic " + QByteArray("sandbox-juspay-key:").toBase64()
                                  << QByteArray("counterpay_demo") << 200;
    QTest::newRow("wrong merchant header")
        << "Basic " + QByteArray("sandbox-juspay-key:").toBase64() << QByteArray("someone_else")
        << 401;
    QTest::newRow("wrong key") << "Basic " + QByteArray("other-key:").toBase64() << QByteArray()
                               << 401;
    QTest::newRow("bearer") << QByteArray("Bearer sandbox-juspay-key") << QByteArray() << 401;
    QTest::newRow("none") << QByteArray() << QByteArray() << 401;
}

void tst_SandboxJuspayApi::auth()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, merchantHeader);
    QFETCH(int, status);
    SandboxTestClient::Headers headers { { "version", "2023-01-01" },
        { "x-routing-id", "customer_1122" } };
    if (!authorization.isEmpty())
        headers.append({ "Authorization", authorization });
    if (!merchantHeader.isEmpty())
        headers.append({ "x-merchantid", merchantHeader });
    const SandboxTestReply reply = m_client->postForm(
        u"/orders"_s, { { u"order_id"_s, u"T01AUTH"_s }, { u"amount"_s, u"1.00"_s } }, headers);
    QCOMPARE(reply.status, status);
    if (status == 401) {
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"error"_s);
        QCOMPARE(reply.json().value(u"error_code"_s).toString(), u"access_denied"_s);
    }
}

void tst_SandboxJuspayApi::formSpacesAndNoAcceptHeader()
{
    // '+' and %20 both mean a space; the request has no Accept header at all.
    const QByteArray body
        = "order_id=T01SP&amount=5.00&udf1=hello+world&udf2=hello%20world&description=a%2Bb";
    const SandboxTestReply reply = m_client->post(
        u"/orders"_s, body, "application/x-www-form-urlencoded", SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 200);
    const QJsonObject status
        = m_client->get(u"/orders/T01SP"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"udf1"_s).toString(), u"hello world"_s);
    QCOMPARE(status.value(u"udf2"_s).toString(), u"hello world"_s);
}

void tst_SandboxJuspayApi::chunkedRequestBody()
{
    // QNetworkAccessManager always sends Content-Length, so the chunked body is written by hand.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->baseUrl().port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray auth = QByteArray("sandbox-juspay-key:").toBase64();
    socket.write("POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: "
          "chunked\r\n\r\n"
          "9\r\norder_id=\r\n6;ext=1\r\nT01CH&\r\nC\r\namount=12.34\r\n0\r\n\r\n");
    QByteArray response;
    QTRY_VERIFY_WITH_TIMEOUT(
        (response += socket.readAll(),
            response.contains("\r\n\r\n{") && socket.state() == QAbstractSocket::UnconnectedState)
            || response.contains("}"),
        10000);
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    const QJsonObject status
        = m_client->get(u"/orders/T01CH"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"order_id"_s).toString(), u"T01CH"_s);
    QVERIFY(m_client->get(u"/orders/T01CH"_s, SandboxTestClient::juspayAuth())
                .body.contains("\"amount\":12.34"));
}

void tst_SandboxJuspayApi::orderStatus_fullObject()
{
    m_client->postForm(u"/orders"_s,
        { { u"order_id"_s, u"T01F"_s }, { u"amount"_s, u"149.5"_s }, { u"udf3"_s, u"three"_s },
            { u"customer_id"_s, u"cust1"_s } },
        SandboxTestClient::juspayAuth());
    const QJsonObject txn = m_client->startJuspayPush(u"T01F"_s).json();
    const SandboxTestReply reply
        = m_client->get(u"/orders/T01F"_s, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 200);
    const QJsonObject status = reply.json();
    QCOMPARE(status.value(u"status"_s).toString(), u"PENDING_VBV"_s);
    QCOMPARE(status.value(u"status_id"_s).toInt(), 23);
    QCOMPARE(status.value(u"currency"_s).toString(), u"INR"_s);
    QCOMPARE(status.value(u"order_id"_s).toString(), u"T01F"_s);
    QCOMPARE(status.value(u"txn_id"_s), txn.value(u"txn_id"_s));
    QCOMPARE(status.value(u"txn_uuid"_s), txn.value(u"txn_uuid"_s));
    QCOMPARE(status.value(u"payment_method_type"_s).toString(), u"WALLET"_s);
    QCOMPARE(status.value(u"payment_method"_s).toString(), u"GOOGLEPAY"_s);
    QCOMPARE(status.value(u"refunded"_s).toBool(), false);
    QVERIFY(status.value(u"amount_refunded"_s).isDouble());
    QVERIFY(status.value(u"refunds"_s).isArray());
    QCOMPARE(status.value(u"udf3"_s).toString(), u"three"_s);
    for (int i = 1; i <= 10; ++i)
        QVERIFY(status.contains(u"udf"_s + QString::number(i)));
    QVERIFY(
        QDateTime::fromString(status.value(u"date_created"_s).toString(), Qt::ISODate).isValid());
    QVERIFY(reply.body.contains("\"amount\":149.50"));

    QVERIFY(m_server->approve(u"T01F"_s));
    const QJsonObject charged
        = m_client->get(u"/orders/T01F"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(charged.value(u"status"_s).toString(), u"CHARGED"_s);
    QCOMPARE(charged.value(u"status_id"_s).toInt(), 21);
}

void tst_SandboxJuspayApi::orderStatus_unknownIs404()
{
    const SandboxTestReply reply
        = m_client->get(u"/orders/NOPE1"_s, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"error"_s);
    QCOMPARE(reply.json().value(u"error_code"_s).toString(), u"object_not_found"_s);
    QCOMPARE(m_client->get(u"/orders/NOPE1"_s).status, 401);
}

void tst_SandboxJuspayApi::refund_appliedOnceByUniqueRequestId()
{
    m_client->startJuspayPush(u"T01R"_s, u"100.00"_s);
    QVERIFY(m_server->approve(u"T01R"_s));
    const QList<QPair<QString, QString>> refund { { u"unique_request_id"_s, u"rf-1"_s },
        { u"amount"_s, u"40.00"_s } };
    const SandboxTestReply first
        = m_client->postForm(u"/orders/T01R/refunds"_s, refund, SandboxTestClient::juspayAuth());
    QCOMPARE(first.status, 200);
    const SandboxTestReply again
        = m_client->postForm(u"/orders/T01R/refunds"_s, refund, SandboxTestClient::juspayAuth());
    QCOMPARE(again.status, 200);
    const QJsonObject status = again.json();
    QCOMPARE(status.value(u"refunds"_s).toArray().size(), 1);
    QVERIFY(again.body.contains("\"amount_refunded\":40.00"));
    QCOMPARE(status.value(u"refunded"_s).toBool(), false);
    QCOMPARE(status.value(u"refunds"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"unique_request_id"_s)
                 .toString(),
        u"rf-1"_s);

    const SandboxTestReply rest = m_client->postForm(u"/orders/T01R/refunds"_s,
        { { u"unique_request_id"_s, u"rf-2"_s }, { u"amount"_s, u"60"_s } },
        SandboxTestClient::juspayAuth());
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json().value(u"refunded"_s).toBool(), true);
    QCOMPARE(rest.json().value(u"status"_s).toString(), u"CHARGED"_s);
    // The same key with another amount is refused.
    const SandboxTestReply clash = m_client->postForm(u"/orders/T01R/refunds"_s,
        { { u"unique_request_id"_s, u"rf-1"_s }, { u"amount"_s, u"1.00"_s } },
        SandboxTestClient::juspayAuth());
    QCOMPARE(clash.status, 400);
}

void tst_SandboxJuspayApi::refund_refusedWhenNotChargedOrTooLarge()
{
    m_client->startJuspayPush(u"T01N"_s, u"10.00"_s);
    const auto refund = [this](const QString &id, const QString &amount) {
        return m_client->postForm(u"/orders/T01N/refunds"_s,
            { { u"unique_request_id"_s, id }, { u"amount"_s, amount } },
            SandboxTestClient::juspayAuth());
    };
    QCOMPARE(refund(u"a"_s, u"1.00"_s).status, 400);
    QVERIFY(m_server->approve(u"T01N"_s));
    QCOMPARE(refund(u"b"_s, u"10.01"_s).status, 400);
    QCOMPARE(refund(u"c"_s, u"1.001"_s).status, 400);
    QCOMPARE(m_client
                 ->postForm(u"/orders/T01N/refunds"_s, { { u"amount"_s, u"1.00"_s } },
                     SandboxTestClient::juspayAuth())
                 .status,
        400);
    QCOMPARE(m_client
                 ->postForm(u"/orders/NOPE/refunds"_s,
                     { { u"unique_request_id"_s, u"x"_s }, { u"amount"_s, u"1"_s } },
                     SandboxTestClient::juspayAuth())
                 .status,
        404);
}

QTEST_GUILESS_MAIN(tst_SandboxJuspayApi)
#include "tst_SandboxJuspayApi.moc"
