// The sandbox's simulated UPI app, POST /__sandbox/upi/pay, over real loopback HTTP: a scanned
// upi://pay URI pays its order only when tr, am, cu and pa match; each refusal says why; the
// scenarios apply; and the URI parser's decoding rules.

#include "SandboxTestClient.h"

#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxUpiApp.h"

#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;

class tst_SandboxUpiApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void parsePayUri_data();
    void parsePayUri();
    void pay_formThenSecondPayRefused();
    void pay_json();
    void refusals_data();
    void refusals();
    void supersededQrRefused();
    void expiredAndDeclinedOrdersRefused();
    void scenario_declineAfter();
    void scenario_approveAfterChargesQr();
    void scenario_flakyAppliesToUpiTxns();

private:
    QJsonObject startQr(const QString &orderId, const QString &amount = u"149.50"_s);
    QJsonObject summary(const QString &orderId);
    void setScenario(const QString &scenario);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
};

void tst_SandboxUpiApp::initTestCase()
{
    m_server = std::make_unique<SandboxServer>(SandboxOptions());
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    m_client = std::make_unique<SandboxTestClient>(url.value());
}

void tst_SandboxUpiApp::cleanup()
{
    setScenario(u"manual"_s);
}

QJsonObject tst_SandboxUpiApp::startQr(const QString &orderId, const QString &amount)
{
    return SandboxTestClient::sdkParamsOf(m_client->startJuspayUpiQr(orderId, amount));
}

QJsonObject tst_SandboxUpiApp::summary(const QString &orderId)
{
    return m_client->get(u"/__sandbox/orders/"_s + orderId).json();
}

void tst_SandboxUpiApp::setScenario(const QString &scenario)
{
    m_client->postJson(u"/__sandbox/scenario"_s, { { u"scenario"_s, scenario } });
}

void tst_SandboxUpiApp::parsePayUri_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("pn");
    QTest::newRow("space as %20, '&' as %26")
        << u"upi://pay?pa=a@b&pn=A%20%26%20B"_s << true << u"A & B"_s;
    QTest::newRow("'+' is a plus") << u"upi://pay?pa=a@b&pn=A+B"_s << true << u"A+B"_s;
    QTest::newRow("UTF-8") << u"upi://pay?pn=%E0%A4%A6%E0%A5%81%E0%A4%95%E0%A4%BE%E0%A4%A8"_s
                           << true << u"दुकान"_s;
    QTest::newRow("upper-case scheme") << u"UPI://PAY?pn=X"_s << true << u"X"_s;
    QTest::newRow("web page") << u"https://example.invalid/pay?pn=X"_s << false << QString();
    QTest::newRow("upi mandate") << u"upi://mandate?pn=X"_s << false << QString();
    QTest::newRow("bad escape") << u"upi://pay?pn=50%"_s << false << QString();
    QTest::newRow("repeated tr") << u"upi://pay?tr=A&tr=B"_s << false << QString();
}

void tst_SandboxUpiApp::parsePayUri()
{
    QFETCH(QString, uri);
    QFETCH(bool, valid);
    QFETCH(QString, pn);
    const auto values = SandboxUpiApp::parsePayUri(uri);
    QCOMPARE(values.has_value(), valid);
    if (valid)
        QCOMPARE(values->value(u"pn"_s), pn);
}

void tst_SandboxUpiApp::pay_formThenSecondPayRefused()
{
    const QString uri = SandboxTestClient::upiUriFrom(startQr(u"U01"_s));
    QCOMPARE(summary(u"U01"_s).value(u"charges"_s).toInt(-1), 0);
    const SandboxTestReply paid
        = m_client->postForm(u"/__sandbox/upi/pay"_s, { { u"uri"_s, uri } });
    QCOMPARE(paid.status, 200);
    QCOMPARE(paid.json().value(u"order_id"_s).toString(), u"U01"_s);
    QCOMPARE(paid.json().value(u"state"_s).toString(), u"charged"_s);
    QCOMPARE(paid.json().value(u"status"_s).toString(), u"CHARGED"_s);
    QCOMPARE(paid.json().value(u"charges"_s).toInt(), 1);

    const SandboxTestReply again
        = m_client->postForm(u"/__sandbox/upi/pay"_s, { { u"uri"_s, uri } });
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value(u"error"_s).toString(), u"already_paid"_s);
    QVERIFY(!again.json().value(u"message"_s).toString().isEmpty());
    QCOMPARE(summary(u"U01"_s).value(u"charges"_s).toInt(), 1);
}

void tst_SandboxUpiApp::pay_json()
{
    const QString uri = SandboxTestClient::upiUriFrom(startQr(u"U02"_s, u"1.05"_s));
    const SandboxTestReply paid
        = m_client->postJson(u"/__sandbox/upi/pay"_s, { { u"uri"_s, uri } });
    QCOMPARE(paid.status, 200);
    QCOMPARE(paid.json().value(u"state"_s).toString(), u"charged"_s);
    QCOMPARE(summary(u"U02"_s).value(u"charges"_s).toInt(), 1);
}

void tst_SandboxUpiApp::refusals_data()
{
    QTest::addColumn<QString>("param"); // the parameter to change ("" = send `uri` as is)
    QTest::addColumn<QString>("value"); // its new value ("-" = leave it out)
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown tr") << u"tr"_s << u"CPNOSUCHTR000000"_s << 404 << u"unknown_tr"_s;
    QTest::newRow("no tr") << u"tr"_s << u"-"_s << 400 << u"missing_tr"_s;
    QTest::newRow("amount higher") << u"am"_s << u"149.51"_s << 422 << u"amount_mismatch"_s;
    QTest::newRow("amount, one digit") << u"am"_s << u"149.5"_s << 422 << u"amount_mismatch"_s;
    QTest::newRow("no amount") << u"am"_s << u"-"_s << 422 << u"amount_mismatch"_s;
    QTest::newRow("other payee") << u"pa"_s << u"someone@okbank"_s << 422 << u"wrong_payee"_s;
    QTest::newRow("no payee") << u"pa"_s << u"-"_s << 422 << u"wrong_payee"_s;
    QTest::newRow("currency EUR") << u"cu"_s << u"EUR"_s << 422 << u"wrong_currency"_s;
    QTest::newRow("no currency") << u"cu"_s << u"-"_s << 422 << u"wrong_currency"_s;
    QTest::newRow("not upi://pay")
        << u""_s << u"https://example.invalid/"_s << 400 << u"not_upi_pay_uri"_s;
    QTest::newRow("no uri at all") << u""_s << u"-"_s << 400 << u"missing_uri"_s;
}

void tst_SandboxUpiApp::refusals()
{
    QFETCH(QString, param);
    QFETCH(QString, value);
    QFETCH(int, status);
    QFETCH(QString, error);
    const QString orderId = u"R"_s + QString::number(QTest::currentDataTag()[0], 16)
        + QString::number(qHash(QString::fromLatin1(QTest::currentDataTag())) % 100000);
    QJsonObject params = startQr(orderId);
    static const QHash<QString, QString> members { { u"pa"_s, u"merchant_vpa"_s },
        { u"tr"_s, u"tr"_s }, { u"am"_s, u"amount"_s }, { u"cu"_s, u"currency"_s } };
    QList<QPair<QString, QString>> form;
    if (param.isEmpty()) {
        if (value != u"-")
            form.append({ u"uri"_s, value });
    } else {
        if (value == u"-")
            params.remove(members.value(param));
        else
            params.insert(members.value(param), value);
        form.append({ u"uri"_s, SandboxTestClient::upiUriFrom(params) });
    }
    const SandboxTestReply reply = m_client->postForm(u"/__sandbox/upi/pay"_s, form);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().value(u"error"_s).toString(), error);
    QVERIFY(!reply.json().value(u"message"_s).toString().isEmpty());
    const QJsonObject order = summary(orderId);
    QCOMPARE(order.value(u"state"_s).toString(), u"awaiting_customer"_s);
    QCOMPARE(order.value(u"charges"_s).toInt(-1), 0);
}

void tst_SandboxUpiApp::supersededQrRefused()
{
    const QString first = SandboxTestClient::upiUriFrom(startQr(u"U03"_s));
    const QString second = SandboxTestClient::upiUriFrom(startQr(u"U03"_s));
    const SandboxTestReply stale
        = m_client->postForm(u"/__sandbox/upi/pay"_s, { { u"uri"_s, first } });
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.json().value(u"error"_s).toString(), u"superseded"_s);
    QCOMPARE(m_client->postForm(u"/__sandbox/upi/pay"_s, { { u"uri"_s, second } }).status, 200);
    QCOMPARE(summary(u"U03"_s).value(u"charges"_s).toInt(), 1);
}

void tst_SandboxUpiApp::expiredAndDeclinedOrdersRefused()
{
    const QString expired = SandboxTestClient::upiUriFrom(startQr(u"U04"_s));
    QVERIFY(m_server->expire(u"U04"_s));
    SandboxTestReply reply = m_client->postForm(u"/__sandbox/upi/pay"_s, { { u"uri"_s, expired } });
    QCOMPARE(reply.status, 410);
    QCOMPARE(reply.json().value(u"error"_s).toString(), u"expired"_s);

    const QString declined = SandboxTestClient::upiUriFrom(startQr(u"U05"_s));
    QVERIFY(m_server->decline(u"U05"_s));
    reply = m_client->postForm(u"/__sandbox/upi/pay"_s, { { u"uri"_s, declined } });
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json().value(u"error"_s).toString(), u"not_payable"_s);
    QCOMPARE(summary(u"U05"_s).value(u"charges"_s).toInt(), 0);
}

void tst_SandboxUpiApp::scenario_declineAfter()
{
    setScenario(u"decline-after:600000"_s);
    const QString uri = SandboxTestClient::upiUriFrom(startQr(u"U06"_s));
    const SandboxTestReply reply
        = m_client->postForm(u"/__sandbox/upi/pay"_s, { { u"uri"_s, uri } });
    QCOMPARE(reply.status, 402);
    QCOMPARE(reply.json().value(u"error"_s).toString(), u"declined"_s);
    QCOMPARE(summary(u"U06"_s).value(u"state"_s).toString(), u"declined"_s);
    QCOMPARE(summary(u"U06"_s).value(u"charges"_s).toInt(), 0);
    const QJsonObject status
        = m_client->get(u"/orders/U06"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"bank_error_code"_s).toString(), u"ZA"_s);
}

void tst_SandboxUpiApp::scenario_approveAfterChargesQr()
{
    setScenario(u"approve-after:50"_s);
    QVERIFY(startQr(u"U07"_s).contains(u"tr"_s));
    QTRY_COMPARE(summary(u"U07"_s).value(u"state"_s).toString(), u"charged"_s);
    const QJsonObject status
        = m_client->get(u"/orders/U07"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"txn_flow_type"_s).toString(), u"UPI_QR"_s);
    QCOMPARE(
        status.value(u"payment_gateway_response"_s).toObject().value(u"rrn"_s).toString().size(),
        12);
}

void tst_SandboxUpiApp::scenario_flakyAppliesToUpiTxns()
{
    m_client->postForm(u"/orders"_s, { { u"order_id"_s, u"U08"_s }, { u"amount"_s, u"5.00"_s } },
        SandboxTestClient::juspayAuth());
    setScenario(u"flaky:1"_s);
    const auto txn = SandboxTestClient::upiQrTxnFields(u"U08"_s);
    const SandboxTestReply busy
        = m_client->postForm(u"/txns"_s, txn, SandboxTestClient::juspayAuth());
    QCOMPARE(busy.status, 503);
    QCOMPARE(summary(u"U08"_s).value(u"txns"_s).toInt(), 0);
    const SandboxTestReply started
        = m_client->postForm(u"/txns"_s, txn, SandboxTestClient::juspayAuth());
    QCOMPARE(started.status, 200);
    // The simulated app is the customer's side: no network scenario touches it.
    setScenario(u"flaky:5"_s);
    const SandboxTestReply paid = m_client->postForm(u"/__sandbox/upi/pay"_s,
        { { u"uri"_s, SandboxTestClient::upiUriFrom(SandboxTestClient::sdkParamsOf(started)) } });
    QCOMPARE(paid.status, 200);
}

QTEST_GUILESS_MAIN(tst_SandboxUpiApp)
#include "tst_SandboxUpiApp.moc"
