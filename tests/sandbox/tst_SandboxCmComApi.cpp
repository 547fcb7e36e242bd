// CM.com's Google Pay API over real loopback HTTP: client_credentials token, initialize (201 and
// its validation), get, 401/400/404, refunds (no idempotency key), and webhooks that carry ids
// only.

#include "SandboxTestClient.h"

#include "sandbox/SandboxServer.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString kInitialize = u"/api/v1/paymentmethods/google-pay/v1/transactions/initialize"_s;
const QString kTransactions = u"/api/v1/paymentmethods/google-pay/v1/transactions/"_s;

QJsonObject minimalBody()
{
    return QJsonObject {
        { u"reference"_s, u"20210623130413"_s },
        { u"description"_s, u"Order at the counter"_s },
        { u"amount"_s, 1200 },
        { u"currency"_s, u"EUR"_s },
        { u"returnUrl"_s, u"https://shop.example/done"_s },
    };
}

QJsonObject consumer()
{
    return QJsonObject {
        { u"name"_s, QJsonObject { { u"firstName"_s, u"John"_s }, { u"lastName"_s, u"Lopez"_s } } },
        { u"address"_s,
            QJsonObject { { u"street"_s, u"Rustenburgerlaan"_s }, { u"houseNumber"_s, u"25"_s },
                { u"postalCode"_s, u"2012AL"_s }, { u"city"_s, u"Haarlem"_s },
                { u"countryCode"_s, u"NL"_s } } },
        { u"email"_s, u"john@example.com"_s },
    };
}

} // namespace

class tst_SandboxCmComApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void token_refusesWrongCredentials();
    void initialize_answers201_thenGet();
    void initialize_validation_data();
    void initialize_validation();
    void initialize_requiresToken();
    void get_unknownIs404();
    void statuses_followTheCustomer();
    void webhooks_carryIdsOnly();
    void refund_updatesRefundFigures();
    void refund_validation_data();
    void refund_validation();

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
    QString m_token;
};

void tst_SandboxCmComApi::initTestCase()
{
    m_server = std::make_unique<SandboxServer>(SandboxOptions());
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    m_client = std::make_unique<SandboxTestClient>(url.value());
    m_token = m_client->cmToken();
    QVERIFY(!m_token.isEmpty());
}

void tst_SandboxCmComApi::token_refusesWrongCredentials()
{
    const SandboxTestReply wrong = m_client->postForm(u"/api/v1/authorization/oauth2/token"_s,
        { { u"client_id"_s, u"sandbox-cm-client"_s }, { u"client_secret"_s, u"guess"_s },
            { u"grant_type"_s, u"client_credentials"_s } });
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.json().value(u"error"_s).toString(), u"invalid_client"_s);
    const SandboxTestReply grant = m_client->postForm(u"/api/v1/authorization/oauth2/token"_s,
        { { u"client_id"_s, u"sandbox-cm-client"_s },
            { u"client_secret"_s, u"sandbox-cm-secret"_s }, { u"grant_type"_s, u"password"_s } });
    QCOMPARE(grant.status, 400);
    // HTTP Basic client authentication works as well.
    const SandboxTestReply basic = m_client->postForm(u"/api/v1/authorization/oauth2/token"_s,
        { { u"grant_type"_s, u"client_credentials"_s } },
        { { "Authorization",
            "Basic " + QByteArray("sandbox-cm-client:sandbox-cm-secret").toBase64() } });
    QCOMPARE(basic.status, 200);
    QCOMPARE(basic.json().value(u"token_type"_s).toString(), u"Bearer"_s);
    QVERIFY(basic.json().value(u"expires_in"_s).toInt() > 0);
}

void tst_SandboxCmComApi::initialize_answers201_thenGet()
{
    QJsonObject body = minimalBody();
    body.insert(u"consumer"_s, consumer());
    body.insert(u"language"_s, u"nl"_s);
    const SandboxTestReply reply
        = m_client->postJson(kInitialize, body, SandboxTestClient::bearer(m_token));
    QCOMPARE(reply.status, 201);
    const QJsonObject json = reply.json();
    const QString id = json.value(u"id"_s).toString();
    QCOMPARE(id.size(), 36);
    QCOMPARE(json.value(u"orderId"_s).toString().size(), 36);
    QCOMPARE(json.value(u"status"_s).toString(), u"OPEN"_s);
    QCOMPARE(json.value(u"amount"_s).toInt(), 1200);
    QCOMPARE(json.value(u"currency"_s).toString(), u"EUR"_s);
    QCOMPARE(json.value(u"reference"_s).toString(), u"20210623130413"_s);
    QCOMPARE(json.value(u"returnUrl"_s).toString(), u"https://shop.example/done"_s);
    const QString redirect = json.value(u"action"_s)
                                 .toObject()
                                 .value(u"redirect"_s)
                                 .toObject()
                                 .value(u"url"_s)
                                 .toString();
    QVERIFY(redirect.startsWith(m_server->baseUrl().toString()));
    QCOMPARE(m_client->get(redirect.mid(m_server->baseUrl().toString().size())).status, 200);

    const SandboxTestReply status
        = m_client->get(kTransactions + id, SandboxTestClient::bearer(m_token));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(u"id"_s).toString(), id);
    QCOMPARE(status.json().value(u"status"_s).toString(), u"OPEN"_s);
    QCOMPARE(m_client->get(kTransactions + id).status, 401);
}

void tst_SandboxCmComApi::initialize_validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("empty reference") << u"reference"_s << QJsonValue(QString());
    QTest::newRow("256-char description") << u"description"_s << QJsonValue(QString(256, u'x'));
    QTest::newRow("amount 0") << u"amount"_s << QJsonValue(0);
    QTest::newRow("amount 100000000") << u"amount"_s << QJsonValue(100000000);
    QTest::newRow("amount 12.5") << u"amount"_s << QJsonValue(12.5);
    QTest::newRow("amount as string") << u"amount"_s << QJsonValue(u"1200"_s);
    QTest::newRow("both return urls")
        << u"returnUrls"_s << QJsonValue(QJsonObject { { u"success"_s, u"https://x/s"_s } });
    QTest::newRow("neither return url") << u"returnUrl"_s << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("consumer without email")
        << u"consumer"_s << QJsonValue(QJsonObject { { u"name"_s, QJsonObject() } });
    QTest::newRow("bad language") << u"language"_s << QJsonValue(u"dutch"_s);
}

void tst_SandboxCmComApi::initialize_validation()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject body = minimalBody();
    if (value.isUndefined())
        body.remove(field);
    else
        body.insert(field, value);
    const SandboxTestReply reply
        = m_client->postJson(kInitialize, body, SandboxTestClient::bearer(m_token));
    QCOMPARE(reply.status, 400);
    QVERIFY(!reply.json().value(u"message"_s).toString().isEmpty());
}

void tst_SandboxCmComApi::initialize_requiresToken()
{
    QCOMPARE(m_client->postJson(kInitialize, minimalBody()).status, 401);
    const SandboxTestReply forged
        = m_client->postJson(kInitialize, minimalBody(), SandboxTestClient::bearer(u"cm-forged"_s));
    QCOMPARE(forged.status, 401);
    QVERIFY(!forged.json().value(u"message"_s).toString().isEmpty());
}

void tst_SandboxCmComApi::get_unknownIs404()
{
    const SandboxTestReply reply
        = m_client->get(kTransactions + u"8db1e7fa-ba8a-4189-92fd-67a20217443d"_s,
            SandboxTestClient::bearer(m_token));
    QCOMPARE(reply.status, 404);
    QVERIFY(!reply.json().value(u"message"_s).toString().isEmpty());
}

void tst_SandboxCmComApi::statuses_followTheCustomer()
{
    const QStringList expected { u"SUCCESS"_s, u"CANCELLED"_s, u"EXPIRED"_s };
    for (const QString &want : expected) {
        const QString id
            = m_client->postJson(kInitialize, minimalBody(), SandboxTestClient::bearer(m_token))
                  .json()
                  .value(u"id"_s)
                  .toString();
        const bool acted = want == u"SUCCESS" ? m_server->approve(id)
            : want == u"CANCELLED"            ? m_server->decline(id)
                                              : m_server->expire(id);
        QVERIFY(acted);
        QCOMPARE(m_client->get(kTransactions + id, SandboxTestClient::bearer(m_token))
                     .json()
                     .value(u"status"_s)
                     .toString(),
            want);
    }
}

void tst_SandboxCmComApi::webhooks_carryIdsOnly()
{
    QTcpServer receiver;
    QVERIFY(receiver.listen(QHostAddress::LocalHost));
    QList<QByteArray> received;
    connect(&receiver, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = receiver.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] {
            const QByteArray data = socket->readAll();
            received.append(data);
            socket->write(
                "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
    });
    QJsonObject body = minimalBody();
    const QString hook = u"http://127.0.0.1:%1/hook"_s.arg(receiver.serverPort());
    body.insert(u"webhooks"_s,
        QJsonArray {
            QJsonObject { { u"url"_s, hook }, { u"events"_s, QJsonArray { u"FINALSTATUS"_s } } } });
    const QString id = m_client->postJson(kInitialize, body, SandboxTestClient::bearer(m_token))
                           .json()
                           .value(u"id"_s)
                           .toString();
    QVERIFY(m_server->approve(id));
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty() && received.last().contains("}"), 10000);
    const QByteArray request = received.join();
    QVERIFY(request.startsWith("POST /hook"));
    const QJsonObject payload
        = QJsonDocument::fromJson(request.mid(request.indexOf("\r\n\r\n") + 4)).object();
    QCOMPARE(payload.value(u"event"_s).toString(), u"FINALSTATUS"_s);
    QCOMPARE(payload.value(u"transaction"_s).toString(), id);
    QCOMPARE(payload.value(u"reference"_s).toString(), u"20210623130413"_s);
    QVERIFY(!payload.contains(u"status"_s));
}


namespace {

// A paid transaction of 1200 minor units; its id.
QString paidTransaction(SandboxTestClient &client, SandboxServer &server, const QString &token)
{
    const SandboxTestReply reply = client.postJson(kInitialize, minimalBody(), SandboxTestClient::bearer(token));
    const QString id = reply.json().value(u"id"_s).toString();
    if (reply.status != 201 || !server.approve(id))
        return {};
    return id;
}

} // namespace

void tst_SandboxCmComApi::refund_updatesRefundFigures()
{
    const QString id = paidTransaction(*m_client, *m_server, m_token);
    QVERIFY(!id.isEmpty());
    const QString path = kTransactions + id + u"/refunds"_s;
    SandboxTestReply reply = m_client->postJson(path,
        QJsonObject { { u"amount"_s, 300 }, { u"reason"_s, u"one item back"_s } },
        SandboxTestClient::bearer(m_token));
    QCOMPARE(reply.status, 200);
    QJsonObject json = reply.json();
    QCOMPARE(json.value(u"id"_s).toString(), id);
    QCOMPARE(json.value(u"reference"_s).toString(), u"20210623130413"_s);
    QCOMPARE(json.value(u"status"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(json.value(u"refunds"_s).toObject().value(u"refundedAmount"_s).toInt(), 300);
    QCOMPARE(json.value(u"refunds"_s).toObject().value(u"refundedPendingAmount"_s).toInt(), 0);
    // No idempotency key: the same call again is a second refund.
    reply = m_client->postJson(path, QJsonObject { { u"amount"_s, 300 } }, SandboxTestClient::bearer(m_token));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"refunds"_s).toObject().value(u"refundedAmount"_s).toInt(), 600);
    // Without an amount: all that is left.
    reply = m_client->post(path, QByteArray(), QByteArrayLiteral("application/json"), SandboxTestClient::bearer(m_token));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"refunds"_s).toObject().value(u"refundedAmount"_s).toInt(), 1200);
    // The GET shows the same figures; nothing is left to refund.
    QCOMPARE(m_client->get(kTransactions + id, SandboxTestClient::bearer(m_token))
                 .json().value(u"refunds"_s).toObject().value(u"refundedAmount"_s).toInt(), 1200);
    reply = m_client->postJson(path, QJsonObject { { u"amount"_s, 1 } }, SandboxTestClient::bearer(m_token));
    QCOMPARE(reply.status, 400);
}

void tst_SandboxCmComApi::refund_validation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("paid");
    QTest::addColumn<bool>("authorized");
    QTest::addColumn<int>("status");
    QTest::newRow("no token") << QByteArray("{\"amount\":1}") << true << false << 401;
    QTest::newRow("zero") << QByteArray("{\"amount\":0}") << true << true << 400;
    QTest::newRow("fraction") << QByteArray("{\"amount\":1.5}") << true << true << 400;
    QTest::newRow("more than paid") << QByteArray("{\"amount\":1201}") << true << true << 400;
    QTest::newRow("reason too long") << QByteArray("{\"amount\":1,\"reason\":\"" + QByteArray(256, 'x') + "\"}") << true << true << 400;
    QTest::newRow("not JSON") << QByteArray("amount=1") << true << true << 400;
    QTest::newRow("not paid") << QByteArray("{\"amount\":1}") << false << true << 400;
}

void tst_SandboxCmComApi::refund_validation()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, paid);
    QFETCH(bool, authorized);
    QFETCH(int, status);
    QString id;
    if (paid) {
        id = paidTransaction(*m_client, *m_server, m_token);
    } else {
        id = m_client->postJson(kInitialize, minimalBody(), SandboxTestClient::bearer(m_token))
                 .json().value(u"id"_s).toString();
    }
    QVERIFY(!id.isEmpty());
    const SandboxTestReply reply = m_client->post(kTransactions + id + u"/refunds"_s, body,
        QByteArrayLiteral("application/json"), authorized ? SandboxTestClient::bearer(m_token) : SandboxTestClient::Headers());
    QCOMPARE(reply.status, status);
    QCOMPARE(m_client->get(kTransactions + id, SandboxTestClient::bearer(m_token))
                 .json().value(u"refunds"_s).toObject().value(u"refundedAmount"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_SandboxCmComApi)
#include "tst_SandboxCmComApi.moc"
