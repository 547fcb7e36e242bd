// The control API and the customer page: list, approve/decline/expire/fail, 404/409, keys, the
// scenario switch, and the page's own Approve / Decline forms.

#include "SandboxTestClient.h"

#include "sandbox/SandboxServer.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class tst_SandboxControlApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void listOrders_showsStateAmountCurrencyCharges();
    void actions_data();
    void actions();
    void actions_unknownAndFinal();
    void customerPage_approveForm();
    void customerPage_declineForm();
    void customerPage_unknownIs404();
    void keys_served();
    void scenario_canBeChanged();

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
};

void tst_SandboxControlApi::initTestCase()
{
    m_server = std::make_unique<SandboxServer>(SandboxOptions());
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    m_client = std::make_unique<SandboxTestClient>(url.value());
}

void tst_SandboxControlApi::listOrders_showsStateAmountCurrencyCharges()
{
    m_client->startJuspayPush(u"L01"_s, u"149.50"_s);
    const QJsonArray orders = m_client->get(u"/__sandbox/orders"_s).jsonArray();
    QJsonObject found;
    for (const QJsonValue &order : orders) {
        if (order.toObject().value(u"order_id"_s).toString() == u"L01")
            found = order.toObject();
    }
    QCOMPARE(found.value(u"provider"_s).toString(), u"juspay"_s);
    QCOMPARE(found.value(u"state"_s).toString(), u"awaiting_customer"_s);
    QCOMPARE(found.value(u"status"_s).toString(), u"PENDING_VBV"_s);
    QCOMPARE(found.value(u"amount"_s).toInteger(), 14950);
    QCOMPARE(found.value(u"currency"_s).toString(), u"INR"_s);
    QCOMPARE(found.value(u"charges"_s).toInt(), 0);
}

void tst_SandboxControlApi::actions_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("juspayStatus");
    QTest::addColumn<int>("charges");
    QTest::newRow("approve") << u"approve"_s << u"charged"_s << u"CHARGED"_s << 1;
    QTest::newRow("decline") << u"decline"_s << u"declined"_s << u"AUTHENTICATION_FAILED"_s << 0;
    QTest::newRow("expire") << u"expire"_s << u"expired"_s << u"AUTHENTICATION_FAILED"_s << 0;
    QTest::newRow("fail") << u"fail"_s << u"failed"_s << u"JUSPAY_DECLINED"_s << 0;
}

void tst_SandboxControlApi::actions()
{
    QFETCH(QString, action);
    QFETCH(QString, state);
    QFETCH(QString, juspayStatus);
    QFETCH(int, charges);
    const QString orderId = u"A"_s + action;
    m_client->startJuspayPush(orderId);
    const SandboxTestReply reply
        = m_client->post(u"/__sandbox/orders/%1/%2"_s.arg(orderId, action), {}, "application/json");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"state"_s).toString(), state);
    QCOMPARE(reply.json().value(u"charges"_s).toInt(), charges);
    const QJsonObject status
        = m_client->get(u"/orders/"_s + orderId, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"status"_s).toString(), juspayStatus);
    const SandboxTestReply one = m_client->get(u"/__sandbox/orders/"_s + orderId);
    QCOMPARE(one.json().value(u"state"_s).toString(), state);
}

void tst_SandboxControlApi::actions_unknownAndFinal()
{
    QCOMPARE(
        m_client->post(u"/__sandbox/orders/NOPE/approve"_s, {}, "application/json").status, 404);
    m_client->startJuspayPush(u"AF1"_s);
    QCOMPARE(
        m_client->post(u"/__sandbox/orders/AF1/approve"_s, {}, "application/json").status, 200);
    const SandboxTestReply again
        = m_client->post(u"/__sandbox/orders/AF1/approve"_s, {}, "application/json");
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value(u"error"_s).toString(), u"sandbox_not_pending"_s);
    QVERIFY(!m_server->decline(u"AF1"_s));
    QCOMPARE(m_client->get(u"/__sandbox/orders/AF1"_s).json().value(u"charges"_s).toInt(), 1);
    QCOMPARE(m_client->post(u"/__sandbox/orders/AF1/refund"_s, {}, "application/json").status, 404);
}

void tst_SandboxControlApi::customerPage_approveForm()
{
    m_client->startJuspayPush(u"CP1"_s, u"1499.00"_s);
    const SandboxTestReply page = m_client->get(u"/__sandbox/pay/CP1"_s);
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QVERIFY(page.body.contains("counterpay_demo"));
    QVERIFY(page.body.contains("1,499.00"));
    QVERIFY(page.body.contains("id=\"approveButton\""));
    QVERIFY(page.body.contains("id=\"declineButton\""));
    // The Approve button is a form POST to the control API; its answer is the page again.
    const qsizetype at = page.body.indexOf("action=\"") + 8;
    const QByteArray action
        = page.body.mid(at, page.body.indexOf('"', at) - at).replace("&amp;", "&");
    QVERIFY(action.contains("/approve"));
    const SandboxTestReply after
        = m_client->post(QString::fromUtf8(action), {}, "application/x-www-form-urlencoded");
    QCOMPARE(after.status, 200);
    QVERIFY(after.body.contains("charged"));
    QVERIFY(after.body.contains("id=\"actions\" hidden"));
    QCOMPARE(m_client->get(u"/orders/CP1"_s, SandboxTestClient::juspayAuth())
                 .json()
                 .value(u"status"_s)
                 .toString(),
        u"CHARGED"_s);
}

void tst_SandboxControlApi::customerPage_declineForm()
{
    m_client->startJuspayPush(u"CP2"_s);
    const SandboxTestReply after
        = m_client->post(u"/__sandbox/orders/CP2/decline?provider=juspay&page=1"_s, {},
            "application/x-www-form-urlencoded");
    QCOMPARE(after.status, 200);
    QVERIFY(after.body.contains("declined"));
    QCOMPARE(m_client->get(u"/__sandbox/orders/CP2"_s).json().value(u"state"_s).toString(),
        u"declined"_s);
}

void tst_SandboxControlApi::customerPage_unknownIs404()
{
    QCOMPARE(m_client->get(u"/__sandbox/pay/NOPE"_s).status, 404);
    QCOMPARE(m_client->get(u"/v2/pay/start/counterpay_demo/eulNOPE"_s).status, 404);
}

void tst_SandboxControlApi::keys_served()
{
    const SandboxTestReply cred = m_client->get(u"/__sandbox/keys/cred.pem"_s);
    QCOMPARE(cred.status, 200);
    QVERIFY(cred.body.startsWith("-----BEGIN PUBLIC KEY-----"));
    QVERIFY(!cred.body.contains("PRIVATE"));
    const QJsonObject account
        = m_client->get(u"/__sandbox/keys/google-service-account.json"_s).json();
    QCOMPARE(account.value(u"type"_s).toString(), u"service_account"_s);
    QVERIFY(account.value(u"private_key"_s).toString().contains(u"PRIVATE KEY"));
    QCOMPARE(m_client->get(u"/__sandbox/ca.pem"_s).status, 404); // no --tls
}

void tst_SandboxControlApi::scenario_canBeChanged()
{
    QCOMPARE(m_client->get(u"/__sandbox/scenario"_s).json().value(u"scenario"_s).toString(),
        u"manual"_s);
    QCOMPARE(
        m_client->postJson(u"/__sandbox/scenario"_s, QJsonObject { { u"scenario"_s, u"bogus"_s } })
            .status,
        400);
    QCOMPARE(m_client
                 ->postJson(u"/__sandbox/scenario"_s,
                     QJsonObject { { u"scenario"_s, u"approve-after:50"_s } })
                 .status,
        200);
    m_client->startJuspayPush(u"SC1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_client->get(u"/__sandbox/orders/SC1"_s).json().value(u"state"_s).toString(), u"charged"_s,
        5000);
    QCOMPARE(m_client->post(u"/__sandbox/scenario"_s, "manual", "text/plain")
                 .json()
                 .value(u"scenario"_s)
                 .toString(),
        u"manual"_s);
}

QTEST_GUILESS_MAIN(tst_SandboxControlApi)
#include "tst_SandboxControlApi.moc"
