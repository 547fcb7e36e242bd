// Juspay's POST /txns over real loopback HTTP: Google Pay PUSH_PAY, CRED collect and intent,
// other wallets, the inline-order variant (GET and POST authentication) and the refusals.

#include "SandboxTestClient.h"

#include "crypto/RsaCipher.h"
#include "crypto/RsaKey.h"
#include "sandbox/SandboxServer.h"

#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

using Fields = QList<QPair<QString, QString>>;

Fields walletTxn(const QString &orderId, const QString &method)
{
    return { { u"order_id"_s, orderId }, { u"merchant_id"_s, u"counterpay_demo"_s },
        { u"payment_method_type"_s, u"WALLET"_s }, { u"payment_method"_s, method },
        { u"redirect_after_payment"_s, u"true"_s }, { u"format"_s, u"json"_s } };
}

} // namespace

class tst_SandboxJuspayTxns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void pushPay_pendingWithAuthenticationUrl();
    void pushPay_refusesBadMobile();
    void cred_data();
    void cred();
    void cred_refusesPhoneEncryptedWithAnotherKey();
    void otherWallet_getAuthentication();
    void inlineOrder_get();
    void inlineOrder_postWithParams();
    void inlineOrder_refusesTooManyFractionDigits();
    void chargedOrder_refusesSecondTxn();
    void retryAfterDecline_getsNewTxnId();
    void refusals_data();
    void refusals();
    void nonJsonFormat_redirects();

private:
    QString createOrder(const QString &orderId, const QString &amount = u"149.50"_s);
    QString encryptPhone(const QString &digits, const QByteArray &publicPem);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
};

void tst_SandboxJuspayTxns::initTestCase()
{
    m_server = std::make_unique<SandboxServer>(SandboxOptions());
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    m_client = std::make_unique<SandboxTestClient>(url.value());
}

QString tst_SandboxJuspayTxns::createOrder(const QString &orderId, const QString &amount)
{
    m_client->postForm(u"/orders"_s, { { u"order_id"_s, orderId }, { u"amount"_s, amount } },
        SandboxTestClient::juspayAuth());
    return orderId;
}

QString tst_SandboxJuspayTxns::encryptPhone(const QString &digits, const QByteArray &publicPem)
{
    const Result<RsaKey> key = RsaKey::fromPem(publicPem);
    if (!key)
        return {};
    const Result<QByteArray> cipher = RsaCipher::encryptPkcs1v15(key.value(), digits.toUtf8());
    return cipher ? u"enc-"_s + QString::fromLatin1(cipher->toBase64()) : QString();
}

void tst_SandboxJuspayTxns::pushPay_pendingWithAuthenticationUrl()
{
    const SandboxTestReply reply = m_client->startJuspayPush(u"P01"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(u"status"_s).toString(), u"PENDING_VBV"_s);
    QCOMPARE(json.value(u"order_id"_s).toString(), u"P01"_s);
    QVERIFY(!json.value(u"txn_id"_s).toString().isEmpty());
    const QString uuid = json.value(u"txn_uuid"_s).toString();
    QVERIFY(!uuid.isEmpty());
    const QJsonObject auth
        = json.value(u"payment"_s).toObject().value(u"authentication"_s).toObject();
    QCOMPARE(auth.value(u"method"_s).toString(), u"GET"_s);
    const QString url = auth.value(u"url"_s).toString();
    QCOMPARE(url, m_server->baseUrl().toString() + u"/v2/pay/start/counterpay_demo/"_s + uuid);
    // The authentication URL is the sandbox's own customer page.
    const SandboxTestReply page = m_client->get(url.mid(m_server->baseUrl().toString().size()));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("approveButton"));
    QVERIFY(page.body.contains("149.50"));
}

void tst_SandboxJuspayTxns::pushPay_refusesBadMobile()
{
    createOrder(u"P02"_s);
    Fields fields = walletTxn(u"P02"_s, u"GOOGLEPAY"_s);
    fields.append({ u"txn_type"_s, u"PUSH_PAY"_s });
    fields.append({ u"mobile_number"_s, u"12"_s });
    const SandboxTestReply reply
        = m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value(u"error_code"_s).toString(), u"invalid_request"_s);
}

void tst_SandboxJuspayTxns::cred_data()
{
    QTest::addColumn<QString>("credAppPresent");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("withAuthHeader");
    QTest::newRow("collect, boolean false") << u"false"_s << u"collect"_s << true;
    QTest::newRow("intent, boolean true") << u"true"_s << u"intent"_s << true;
    QTest::newRow("intent, string \"true\", no auth header")
        << u"\"true\""_s << u"intent"_s << false;
}

void tst_SandboxJuspayTxns::cred()
{
    QFETCH(QString, credAppPresent);
    QFETCH(QString, mode);
    QFETCH(bool, withAuthHeader);
    const QString orderId = createOrder(u"C"_s + QString::number(QTest::currentDataTag()[0]));
    const SandboxTestReply pem = m_client->get(u"/__sandbox/keys/cred.pem"_s);
    QCOMPARE(pem.status, 200);
    QCOMPARE(pem.body, m_server->credPublicKeyPem());
    const QString phone = encryptPhone(u"9876543210"_s, pem.body);
    QVERIFY(!phone.isEmpty());
    const QString params
        = uR"({"platform":"web","os":"linux","device":"desktop","countryCode":"+91","phoneNumber":"%1","credAppPresent":%2,"metadata":{"abc":"123"}})"_s
              .arg(phone, credAppPresent);
    Fields fields = walletTxn(orderId, u"CRED"_s);
    fields.append({ u"sdk_params"_s, u"true"_s });
    fields.append({ u"sdk_pg_params"_s, params });
    const SandboxTestReply reply = m_client->postForm(u"/txns"_s, fields,
        withAuthHeader ? SandboxTestClient::juspayAuth()
                       : SandboxTestClient::Headers { { "x-routing-id", "c1" } });
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject payment = reply.json().value(u"payment"_s).toObject();
    const QJsonObject sdk = payment.value(u"sdk_params"_s).toObject();
    QCOMPARE(sdk.value(u"status"_s).toString(), u"OK"_s);
    const QJsonObject response = sdk.value(u"response"_s).toObject();
    QCOMPARE(response.value(u"checkout_mode"_s).toString(), mode);
    QCOMPARE(response.value(u"state"_s).toString(), u"FLOW_TRIGGERED"_s);
    QCOMPARE(response.value(u"intent_url"_s).isNull(), mode == u"collect");
    QCOMPARE(payment.value(u"authentication"_s).toObject().value(u"method"_s).toString(), u"GET"_s);
}

void tst_SandboxJuspayTxns::cred_refusesPhoneEncryptedWithAnotherKey()
{
    createOrder(u"C9"_s);
    const Result<RsaKey> other = RsaKey::generate(2048);
    QVERIFY(other.ok());
    const QString phone = encryptPhone(u"9876543210"_s, other->publicKeyPem());
    Fields fields = walletTxn(u"C9"_s, u"CRED"_s);
    fields.append({ u"sdk_params"_s, u"true"_s });
    fields.append({ u"sdk_pg_params"_s,
        uR"({"platform":"web","os":"linux","device":"desktop","countryCode":"+91","phoneNumber":"%1","credAppPresent":false})"_s
            .arg(phone) });
    const SandboxTestReply reply
        = m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.json().value(u"error_message"_s).toString().contains(u"decrypt"));
    // Not encrypted at all.
    fields.removeLast();
    fields.append({ u"sdk_pg_params"_s,
        uR"({"platform":"web","os":"linux","device":"desktop","countryCode":"+91","phoneNumber":"9876543210","credAppPresent":false})"_s });
    QCOMPARE(m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth()).status, 400);
}

void tst_SandboxJuspayTxns::otherWallet_getAuthentication()
{
    createOrder(u"W01"_s);
    const SandboxTestReply reply = m_client->postForm(
        u"/txns"_s, walletTxn(u"W01"_s, u"PAYTM"_s), SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 200);
    const QJsonObject auth
        = reply.json().value(u"payment"_s).toObject().value(u"authentication"_s).toObject();
    QCOMPARE(auth.value(u"method"_s).toString(), u"GET"_s);
    QVERIFY(!auth.contains(u"params"_s));
}

void tst_SandboxJuspayTxns::inlineOrder_get()
{
    const Fields fields { { u"merchant_id"_s, u"counterpay_demo"_s },
        { u"payment_method_type"_s, u"WALLET"_s }, { u"payment_method"_s, u"PHONEPE"_s },
        { u"redirect_after_payment"_s, u"true"_s }, { u"format"_s, u"json"_s },
        { u"order.order_id"_s, u"I01"_s }, { u"order.amount"_s, u"100"_s },
        { u"order.currency"_s, u"INR"_s }, { u"order.customer_id"_s, u"test123"_s },
        { u"order.customer_phone"_s, u"9164326296"_s } };
    const SandboxTestReply reply
        = m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"PENDING_VBV"_s);
    const QJsonObject status
        = m_client->get(u"/orders/I01"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"status"_s).toString(), u"PENDING_VBV"_s);
    QCOMPARE(status.value(u"customer_id"_s).toString(), u"test123"_s);
    // Sending it again does not make a second order.
    QCOMPARE(m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth()).status, 200);
    int count = 0;
    const QJsonArray all = m_client->get(u"/__sandbox/orders"_s).jsonArray();
    for (const QJsonValue &order : all)
        count += order.toObject().value(u"order_id"_s).toString() == u"I01" ? 1 : 0;
    QCOMPARE(count, 1);
}

void tst_SandboxJuspayTxns::inlineOrder_postWithParams()
{
    const Fields fields { { u"merchant_id"_s, u"counterpay_demo"_s },
        { u"payment_method_type"_s, u"WALLET"_s }, { u"payment_method"_s, u"GOPAY"_s },
        { u"redirect_after_payment"_s, u"true"_s }, { u"format"_s, u"json"_s },
        { u"order.order_id"_s, u"I02"_s }, { u"order.amount"_s, u"100"_s },
        { u"order.currency"_s, u"IDR"_s } };
    const SandboxTestReply reply
        = m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 200);
    const QJsonObject auth
        = reply.json().value(u"payment"_s).toObject().value(u"authentication"_s).toObject();
    QCOMPARE(auth.value(u"method"_s).toString(), u"POST"_s);
    const QJsonObject params = auth.value(u"params"_s).toObject();
    QVERIFY(!params.isEmpty());
    // POSTing those params to the URL shows the same customer page.
    QByteArray body;
    for (auto it = params.begin(); it != params.end(); ++it)
        body += (body.isEmpty() ? "" : "&") + it.key().toUtf8() + '='
            + QUrl::toPercentEncoding(it.value().toString());
    const QString path = auth.value(u"url"_s).toString().mid(m_server->baseUrl().toString().size());
    const SandboxTestReply page = m_client->post(path, body, "application/x-www-form-urlencoded");
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("approveButton"));
    QVERIFY(page.body.contains("I02"));
}

void tst_SandboxJuspayTxns::inlineOrder_refusesTooManyFractionDigits()
{
    const Fields fields { { u"merchant_id"_s, u"counterpay_demo"_s },
        { u"payment_method_type"_s, u"WALLET"_s }, { u"payment_method"_s, u"PHONEPE"_s },
        { u"order.order_id"_s, u"I03"_s }, { u"order.amount"_s, u"10.001"_s } };
    const SandboxTestReply reply
        = m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"error"_s);
    QCOMPARE(m_client->get(u"/orders/I03"_s, SandboxTestClient::juspayAuth()).status, 404);
}

void tst_SandboxJuspayTxns::chargedOrder_refusesSecondTxn()
{
    QCOMPARE(m_client->startJuspayPush(u"D01"_s).status, 200);
    QVERIFY(m_server->approve(u"D01"_s));
    const SandboxTestReply again = m_client->startJuspayPush(u"D01"_s);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.json().value(u"error_info"_s).toObject().value(u"code"_s).toString(),
        u"INVALID_ACTION"_s);
    const QJsonArray all = m_client->get(u"/__sandbox/orders"_s).jsonArray();
    for (const QJsonValue &order : all) {
        if (order.toObject().value(u"order_id"_s).toString() == u"D01")
            QCOMPARE(order.toObject().value(u"charges"_s).toInt(), 1);
    }
}

void tst_SandboxJuspayTxns::retryAfterDecline_getsNewTxnId()
{
    const QString first = m_client->startJuspayPush(u"D02"_s).json().value(u"txn_id"_s).toString();
    QVERIFY(m_server->decline(u"D02"_s));
    QCOMPARE(m_client->get(u"/orders/D02"_s, SandboxTestClient::juspayAuth())
                 .json()
                 .value(u"status"_s)
                 .toString(),
        u"AUTHENTICATION_FAILED"_s);
    const SandboxTestReply retry = m_client->startJuspayPush(u"D02"_s);
    QCOMPARE(retry.status, 200);
    QVERIFY(retry.json().value(u"txn_id"_s).toString() != first);
    QCOMPARE(retry.json().value(u"order_id"_s).toString(), u"D02"_s);
}

void tst_SandboxJuspayTxns::refusals_data()
{
    QTest::addColumn<QString>("orderId");
    QTest::addColumn<QString>("merchantId");
    QTest::addColumn<QString>("methodType");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown order") << u"NOPE"_s << u"counterpay_demo"_s << u"WALLET"_s << 404;
    QTest::newRow("other merchant") << u"R01"_s << u"someone"_s << u"WALLET"_s << 401;
    QTest::newRow("missing merchant") << u"R01"_s << QString() << u"WALLET"_s << 400;
    QTest::newRow("card") << u"R01"_s << u"counterpay_demo"_s << u"CARD"_s << 400;
}

void tst_SandboxJuspayTxns::refusals()
{
    QFETCH(QString, orderId);
    QFETCH(QString, merchantId);
    QFETCH(QString, methodType);
    QFETCH(int, status);
    createOrder(u"R01"_s);
    Fields fields { { u"order_id"_s, orderId }, { u"payment_method_type"_s, methodType },
        { u"payment_method"_s, u"PAYTM"_s } };
    if (!merchantId.isEmpty())
        fields.append({ u"merchant_id"_s, merchantId });
    const SandboxTestReply reply
        = m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"error"_s);
    QVERIFY(!reply.json().value(u"error_code"_s).toString().isEmpty());
}

void tst_SandboxJuspayTxns::nonJsonFormat_redirects()
{
    createOrder(u"F01"_s);
    Fields fields = walletTxn(u"F01"_s, u"PAYTM"_s);
    fields.removeLast(); // no format=json
    const SandboxTestReply reply
        = m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 302);
    QVERIFY(reply.header("Location").contains("/v2/pay/start/counterpay_demo/"));
}

QTEST_GUILESS_MAIN(tst_SandboxJuspayTxns)
#include "tst_SandboxJuspayTxns.moc"
