// Juspay's dynamic UPI QR in the sandbox, over real loopback HTTP: the UPI_QR /txns answer and
// its sdk_params, the refusals, the profile knobs (/__sandbox/upi/profile), the order status of
// a QR order, order expiry from metadata.expiryInMins (with a ManualClock) and the customer page.

#include "SandboxTestClient.h"

#include "core/ManualClock.h"
#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

using Fields = QList<QPair<QString, QString>>;

} // namespace

class tst_SandboxUpiQr : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void txn_answersSdkParams();
    void txn_freshTrPerTxn();
    void txn_trSurvivesStateFile();
    void refusals_data();
    void refusals();
    void profile_defaultsAndGet();
    void profile_knobs();
    void profile_refusals_data();
    void profile_refusals();
    void options_setTheStartProfile();
    void status_upiFlowAndRrn();
    void status_pushOrderCarriesRrn();
    void expiry_fromMetadata();
    void expiry_refusesBadValue();
    void customerPage_offersScanAndPay();

private:
    SandboxTestReply setProfile(const QJsonObject &profile);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
};

void tst_SandboxUpiQr::initTestCase()
{
    m_server = std::make_unique<SandboxServer>(SandboxOptions());
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    m_client = std::make_unique<SandboxTestClient>(url.value());
}

void tst_SandboxUpiQr::init()
{
    QCOMPARE(setProfile({}).status, 200); // back to the start-up profile
}

SandboxTestReply tst_SandboxUpiQr::setProfile(const QJsonObject &profile)
{
    return m_client->postJson(u"/__sandbox/upi/profile"_s, profile);
}

void tst_SandboxUpiQr::txn_answersSdkParams()
{
    const SandboxTestReply reply = m_client->startJuspayUpiQr(u"Q01"_s, u"149.50"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(u"order_id"_s).toString(), u"Q01"_s);
    QCOMPARE(json.value(u"status"_s).toString(), u"PENDING_VBV"_s);
    QVERIFY(!json.value(u"txn_id"_s).toString().isEmpty());
    const QString uuid = json.value(u"txn_uuid"_s).toString();
    const QJsonObject auth
        = json.value(u"payment"_s).toObject().value(u"authentication"_s).toObject();
    QCOMPARE(auth.value(u"method"_s).toString(), u"GET"_s);
    QCOMPARE(auth.value(u"url"_s).toString(),
        m_server->baseUrl().toString() + u"/v2/pay/start/counterpay_demo/"_s + uuid);

    const QJsonObject params = SandboxTestClient::sdkParamsOf(reply);
    QCOMPARE(params.value(u"merchant_vpa"_s).toString(), u"counterpay.demo@invalid"_s);
    QCOMPARE(params.value(u"merchant_name"_s).toString(), u"CounterPay Demo Store"_s);
    QVERIFY2(QRegularExpression(u"^[A-Za-z0-9]{12,20}$"_s)
                 .match(params.value(u"tr"_s).toString())
                 .hasMatch(),
        qPrintable(params.value(u"tr"_s).toString()));
    QVERIFY(!params.value(u"tid"_s).toString().isEmpty());
    QCOMPARE(params.value(u"mcc"_s).toString(), u"5411"_s);
    QCOMPARE(params.value(u"amount"_s).toString(), u"149.50"_s);
    QCOMPARE(params.value(u"currency"_s).toString(), u"INR"_s);
}

void tst_SandboxUpiQr::txn_freshTrPerTxn()
{
    const QString first = SandboxTestClient::sdkParamsOf(m_client->startJuspayUpiQr(u"Q02"_s))
                              .value(u"tr"_s)
                              .toString();
    const SandboxTestReply again = m_client->postForm(
        u"/txns"_s, SandboxTestClient::upiQrTxnFields(u"Q02"_s), SandboxTestClient::juspayAuth());
    QCOMPARE(again.status, 200);
    const QString second = SandboxTestClient::sdkParamsOf(again).value(u"tr"_s).toString();
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QVERIFY(first != second);
    const QString other = SandboxTestClient::sdkParamsOf(m_client->startJuspayUpiQr(u"Q03"_s))
                              .value(u"tr"_s)
                              .toString();
    QVERIFY(other != first && other != second);
}

void tst_SandboxUpiQr::txn_trSurvivesStateFile()
{
    QTemporaryDir dir;
    SandboxOptions options;
    options.stateFile = dir.filePath(u"state.json"_s);
    QString tr;
    {
        SandboxServer server(options);
        const Result<QUrl> url = server.start();
        QVERIFY(url.ok());
        SandboxTestClient client(url.value());
        tr = SandboxTestClient::sdkParamsOf(client.startJuspayUpiQr(u"Q04"_s))
                 .value(u"tr"_s)
                 .toString();
        QVERIFY(!tr.isEmpty());
    }
    SandboxServer server(options);
    const Result<QUrl> url = server.start();
    QVERIFY(url.ok());
    SandboxTestClient client(url.value());
    const SandboxTestReply paid = client.postForm(u"/__sandbox/upi/pay"_s,
        { { u"uri"_s,
            u"upi://pay?pa=counterpay.demo%40invalid&tr=%1&am=149.50&cu=INR"_s.arg(tr) } });
    QCOMPARE(paid.status, 200);
    QCOMPARE(paid.json().value(u"state"_s).toString(), u"charged"_s);
}

void tst_SandboxUpiQr::refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("sdk_params false") << u"sdk_params"_s << u"false"_s << u"sdk_params"_s;
    QTest::newRow("sdk_params missing") << u"sdk_params"_s << QString() << u"sdk_params"_s;
    QTest::newRow("txn_type COLLECT") << u"txn_type"_s << u"COLLECT"_s << u"txn_type"_s;
    QTest::newRow("txn_type missing") << u"txn_type"_s << QString() << u"txn_type"_s;
    QTest::newRow("payment_method PHONEPE")
        << u"payment_method"_s << u"PHONEPE"_s << u"payment_method"_s;
    QTest::newRow("payment_method_type NB")
        << u"payment_method_type"_s << u"NB"_s << u"payment_method_type"_s;
}

void tst_SandboxUpiQr::refusals()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, field);
    m_client->postForm(u"/orders"_s, { { u"order_id"_s, u"Q05"_s }, { u"amount"_s, u"10.00"_s } },
        SandboxTestClient::juspayAuth());
    Fields fields;
    for (const auto &entry : SandboxTestClient::upiQrTxnFields(u"Q05"_s)) {
        if (entry.first != name)
            fields.append(entry);
        else if (!value.isEmpty())
            fields.append({ name, value });
    }
    const SandboxTestReply reply
        = m_client->postForm(u"/txns"_s, fields, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 400);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(u"status"_s).toString(), u"error"_s);
    QCOMPARE(json.value(u"error_code"_s).toString(), u"invalid_request"_s);
    const QJsonArray fieldList
        = json.value(u"error_info"_s).toObject().value(u"fields"_s).toArray();
    QCOMPARE(fieldList.first().toObject().value(u"field_name"_s).toString(), field);
    // Nothing was started.
    QCOMPARE(m_client->get(u"/__sandbox/orders/Q05"_s).json().value(u"txns"_s).toInt(), 0);
}

void tst_SandboxUpiQr::profile_defaultsAndGet()
{
    const QJsonObject profile = m_client->get(u"/__sandbox/upi/profile"_s).json();
    QCOMPARE(profile.value(u"merchant_vpa"_s).toString(), u"counterpay.demo@invalid"_s);
    QCOMPARE(profile.value(u"merchant_name"_s).toString(), u"CounterPay Demo Store"_s);
    QCOMPARE(profile.value(u"mcc"_s).toString(), u"5411"_s);
    QCOMPARE(profile.value(u"include_tid"_s).toBool(false), true);
    QCOMPARE(profile.value(u"amount_offset_minor"_s).toInteger(-1), 0);
    QCOMPARE(profile.value(u"omit"_s).toArray().size(), 0);
}

void tst_SandboxUpiQr::profile_knobs()
{
    SandboxTestReply set = setProfile({ { u"include_tid"_s, false } });
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().value(u"include_tid"_s).toBool(true), false);
    QJsonObject params = SandboxTestClient::sdkParamsOf(m_client->startJuspayUpiQr(u"K01"_s));
    QVERIFY(!params.contains(u"tid"_s));
    QVERIFY(params.contains(u"tr"_s));

    QCOMPARE(setProfile({ { u"amount_offset_minor"_s, 100 } }).status, 200);
    params = SandboxTestClient::sdkParamsOf(m_client->startJuspayUpiQr(u"K02"_s, u"149.50"_s));
    QCOMPARE(params.value(u"amount"_s).toString(), u"150.50"_s);
    QVERIFY(params.contains(u"tid"_s)); // {amount_offset_minor} alone: tid is back

    QCOMPARE(setProfile({ { u"omit"_s, QJsonArray { u"tr"_s, u"merchant_vpa"_s } } }).status, 200);
    params = SandboxTestClient::sdkParamsOf(m_client->startJuspayUpiQr(u"K03"_s));
    QVERIFY(!params.contains(u"tr"_s));
    QVERIFY(!params.contains(u"merchant_vpa"_s));
    QCOMPARE(params.value(u"amount"_s).toString(), u"149.50"_s);

    QCOMPARE(setProfile({ { u"merchant_vpa"_s, u"shop@elsewhere.invalid"_s },
                            { u"merchant_name"_s, u"A & B Store"_s }, { u"mcc"_s, u"5812"_s } })
                 .status,
        200);
    params = SandboxTestClient::sdkParamsOf(m_client->startJuspayUpiQr(u"K04"_s));
    QCOMPARE(params.value(u"merchant_vpa"_s).toString(), u"shop@elsewhere.invalid"_s);
    QCOMPARE(params.value(u"merchant_name"_s).toString(), u"A & B Store"_s);
    QCOMPARE(params.value(u"mcc"_s).toString(), u"5812"_s);
    QCOMPARE(
        m_client->get(u"/__sandbox/upi/profile"_s).json().value(u"mcc"_s).toString(), u"5812"_s);
}

void tst_SandboxUpiQr::profile_refusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{nope") << u"JSON object"_s;
    QTest::newRow("unknown member") << QByteArray(R"({"vpa":"x@y"})") << u"vpa"_s;
    QTest::newRow("include_tid text") << QByteArray(R"({"include_tid":"no"})") << u"include_tid"_s;
    QTest::newRow("offset fraction")
        << QByteArray(R"({"amount_offset_minor":1.5})") << u"amount_offset_minor"_s;
    QTest::newRow("omit unknown") << QByteArray(R"({"omit":["pa"]})") << u"omit"_s;
    QTest::newRow("omit not array") << QByteArray(R"({"omit":"tr"})") << u"omit"_s;
    QTest::newRow("mcc letters") << QByteArray(R"({"mcc":"54x1"})") << u"mcc"_s;
    QTest::newRow("empty vpa") << QByteArray(R"({"merchant_vpa":""})") << u"merchant_vpa"_s;
}

void tst_SandboxUpiQr::profile_refusals()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    QCOMPARE(setProfile({ { u"mcc"_s, u"1234"_s } }).status, 200);
    const SandboxTestReply reply
        = m_client->post(u"/__sandbox/upi/profile"_s, body, "application/json");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value(u"error"_s).toString(), u"sandbox_bad_profile"_s);
    QVERIFY2(
        reply.json().value(u"message"_s).toString().contains(mentions), reply.body.constData());
    // A refused change changes nothing.
    QCOMPARE(
        m_client->get(u"/__sandbox/upi/profile"_s).json().value(u"mcc"_s).toString(), u"1234"_s);
}

void tst_SandboxUpiQr::options_setTheStartProfile()
{
    SandboxOptions options;
    options.upi.merchantVpa = u"till7@nowhere.invalid"_s;
    options.upi.merchantName = u"Till Seven"_s;
    options.upi.includeTid = false;
    SandboxServer server(options);
    const Result<QUrl> url = server.start();
    QVERIFY(url.ok());
    SandboxTestClient client(url.value());
    const QJsonObject params = SandboxTestClient::sdkParamsOf(client.startJuspayUpiQr(u"O01"_s));
    QCOMPARE(params.value(u"merchant_vpa"_s).toString(), u"till7@nowhere.invalid"_s);
    QCOMPARE(params.value(u"merchant_name"_s).toString(), u"Till Seven"_s);
    QVERIFY(!params.contains(u"tid"_s));
    // {} restores the start-up profile, not the built-in defaults.
    QCOMPARE(client.postJson(u"/__sandbox/upi/profile"_s, {}).json().value(u"merchant_vpa"_s),
        u"till7@nowhere.invalid"_s);
}

void tst_SandboxUpiQr::status_upiFlowAndRrn()
{
    const QJsonObject params
        = SandboxTestClient::sdkParamsOf(m_client->startJuspayUpiQr(u"S01"_s, u"20.00"_s));
    QJsonObject status = m_client->get(u"/orders/S01"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"status"_s).toString(), u"PENDING_VBV"_s);
    QCOMPARE(status.value(u"payment_method_type"_s).toString(), u"UPI"_s);
    QCOMPARE(status.value(u"payment_method"_s).toString(), u"UPI"_s);
    QCOMPARE(status.value(u"txn_flow_type"_s).toString(), u"UPI_QR"_s);
    QVERIFY(!status.contains(u"payment_gateway_response"_s));

    const SandboxTestReply paid = m_client->postForm(
        u"/__sandbox/upi/pay"_s, { { u"uri"_s, SandboxTestClient::upiUriFrom(params) } });
    QCOMPARE(paid.status, 200);
    status = m_client->get(u"/orders/S01"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"status"_s).toString(), u"CHARGED"_s);
    QCOMPARE(status.value(u"txn_flow_type"_s).toString(), u"UPI_QR"_s);
    QCOMPARE(
        status.value(u"txn_detail"_s).toObject().value(u"txn_flow_type"_s).toString(), u"UPI_QR"_s);
    const QString rrn
        = status.value(u"payment_gateway_response"_s).toObject().value(u"rrn"_s).toString();
    QVERIFY2(QRegularExpression(u"^[0-9]{12}$"_s).match(rrn).hasMatch(), qPrintable(rrn));
}

void tst_SandboxUpiQr::status_pushOrderCarriesRrn()
{
    QCOMPARE(m_client->startJuspayPush(u"S02"_s).status, 200);
    QJsonObject status = m_client->get(u"/orders/S02"_s, SandboxTestClient::juspayAuth()).json();
    QVERIFY(!status.contains(u"txn_flow_type"_s));
    QVERIFY(m_server->approve(u"S02"_s));
    status = m_client->get(u"/orders/S02"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"status"_s).toString(), u"CHARGED"_s);
    QCOMPARE(status.value(u"payment_method"_s).toString(), u"GOOGLEPAY"_s);
    QCOMPARE(
        status.value(u"payment_gateway_response"_s).toObject().value(u"rrn"_s).toString().size(),
        12);
}

void tst_SandboxUpiQr::expiry_fromMetadata()
{
    ManualClock clock;
    SandboxOptions options;
    options.clock = &clock;
    SandboxServer server(options);
    const Result<QUrl> url = server.start();
    QVERIFY(url.ok());
    SandboxTestClient client(url.value());
    // JSON body (metadata as an object) for one order, a form field for the other.
    QCOMPARE(client
                 .postJson(u"/orders"_s,
                     QJsonObject { { u"order_id"_s, u"E01"_s }, { u"amount"_s, u"30.00"_s },
                         { u"metadata"_s, QJsonObject { { u"expiryInMins"_s, 5 } } } },
                     SandboxTestClient::juspayAuth())
                 .status,
        200);
    QCOMPARE(client
                 .postForm(u"/orders"_s,
                     { { u"order_id"_s, u"E02"_s }, { u"amount"_s, u"30.00"_s },
                         { u"metadata.expiryInMins"_s, u"5"_s } },
                     SandboxTestClient::juspayAuth())
                 .status,
        200);
    const QJsonObject params
        = SandboxTestClient::sdkParamsOf(client.startJuspayUpiQr(u"E01"_s, u"30.00"_s));
    QVERIFY(params.contains(u"tr"_s));

    clock.advanceMs(4 * 60 * 1000 + 59 * 1000);
    QCOMPARE(client.get(u"/orders/E01"_s, SandboxTestClient::juspayAuth())
                 .json()
                 .value(u"status"_s)
                 .toString(),
        u"PENDING_VBV"_s);
    clock.advanceMs(1000); // exactly created + 5 minutes
    const QJsonObject status = client.get(u"/orders/E01"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"status"_s).toString(), u"AUTHENTICATION_FAILED"_s);
    QCOMPARE(status.value(u"bank_error_code"_s).toString(), u"U69"_s);
    QCOMPARE(
        client.get(u"/__sandbox/orders/E01"_s).json().value(u"state"_s).toString(), u"expired"_s);

    // Paying the expired QR is refused; so is a new transaction on either expired order.
    const SandboxTestReply late = client.postForm(
        u"/__sandbox/upi/pay"_s, { { u"uri"_s, SandboxTestClient::upiUriFrom(params) } });
    QCOMPARE(late.status, 410);
    QCOMPARE(late.json().value(u"error"_s).toString(), u"expired"_s);
    const SandboxTestReply retry = client.postForm(
        u"/txns"_s, SandboxTestClient::upiQrTxnFields(u"E02"_s), SandboxTestClient::juspayAuth());
    QCOMPARE(retry.status, 400);
    QVERIFY(retry.json().value(u"error_message"_s).toString().contains(u"expired"_s));
}

void tst_SandboxUpiQr::expiry_refusesBadValue()
{
    for (const QString &bad : { u"0"_s, u"-3"_s, u"five"_s, u"1.5"_s }) {
        const SandboxTestReply reply = m_client->postForm(u"/orders"_s,
            { { u"order_id"_s, u"E03"_s }, { u"amount"_s, u"30.00"_s },
                { u"metadata.expiryInMins"_s, bad } },
            SandboxTestClient::juspayAuth());
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.json().value(u"error_message"_s).toString().contains(u"expiryInMins"_s));
    }
}

void tst_SandboxUpiQr::customerPage_offersScanAndPay()
{
    QCOMPARE(setProfile({ { u"merchant_name"_s, u"A & B Store"_s } }).status, 200);
    const SandboxTestReply started = m_client->startJuspayUpiQr(u"W01"_s, u"75.25"_s);
    const QJsonObject params = SandboxTestClient::sdkParamsOf(started);
    const QString authUrl = started.json()
                                .value(u"payment"_s)
                                .toObject()
                                .value(u"authentication"_s)
                                .toObject()
                                .value(u"url"_s)
                                .toString();
    const QString base = m_server->baseUrl().toString();
    for (const QString &path : { u"/__sandbox/pay/W01"_s, authUrl.mid(base.size()) }) {
        const SandboxTestReply page = m_client->get(path);
        QCOMPARE(page.status, 200);
        const QString html = QString::fromUtf8(page.body);
        QVERIFY(html.contains(u"Sandbox: no money moves. Do not scan with a real UPI app."_s));
        QVERIFY(html.contains(u"action=\"/__sandbox/upi/pay?page=1\""_s));
        QVERIFY(html.contains(u"Pay with a simulated UPI app"_s));
        static const QRegularExpression field(u"id=\"upiUri\" name=\"uri\" value=\"([^\"]*)\""_s);
        const QRegularExpressionMatch match = field.match(html);
        QVERIFY2(match.hasMatch(), qPrintable(html));
        QString uri = match.captured(1);
        uri.replace(u"&amp;"_s, u"&"_s);
        QVERIFY(uri.startsWith(u"upi://pay?"_s));
        QVERIFY(uri.contains(u"pn=A%20%26%20B%20Store"_s));
        QVERIFY(uri.contains(u"tr="_s + params.value(u"tr"_s).toString()));
        QVERIFY(uri.contains(u"am=75.25"_s));
        QVERIFY(uri.contains(u"cu=INR"_s));
    }
    // The page's form, as a browser sends it, pays the order and shows the outcome.
    const SandboxTestReply page = m_client->get(u"/__sandbox/pay/W01"_s);
    static const QRegularExpression field(u"id=\"upiUri\" name=\"uri\" value=\"([^\"]*)\""_s);
    QString uri = field.match(QString::fromUtf8(page.body)).captured(1);
    uri.replace(u"&amp;"_s, u"&"_s);
    const SandboxTestReply paid
        = m_client->postForm(u"/__sandbox/upi/pay?page=1"_s, { { u"uri"_s, uri } });
    QCOMPARE(paid.status, 200);
    QVERIFY(paid.body.contains("id=\"state\">charged"));
    QVERIFY(paid.body.contains("id=\"upi\" hidden"));

    // A push order's page has no UPI section to use.
    m_client->startJuspayPush(u"W02"_s);
    QVERIFY(m_client->get(u"/__sandbox/pay/W02"_s).body.contains("id=\"upi\" hidden"));
}

QTEST_GUILESS_MAIN(tst_SandboxUpiQr)
#include "tst_SandboxUpiQr.moc"
