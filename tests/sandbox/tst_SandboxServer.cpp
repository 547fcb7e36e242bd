// SandboxServer: routing, every scenario, and HTTPS with the printed CA under full verification.

#include "SandboxTestClient.h"

#include "sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

class tst_SandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void start_bindsLoopbackOnAFreePort();
    void start_refusesUnknownScenario();
    void unknownPathIs404();
    void afterScenarios_data();
    void afterScenarios();
    void never_waitsForTheControlApi();
    void flaky_503ThenServes();
    void slow_delaysWithoutBlocking();
    void garbled_commitsButBreaksJson();
    void truncated_cutsTheBody();
    void dropAfterCommit_commitsWithoutAnswer();
    void tls_verifiesWithPrintedCa();

private:
    std::unique_ptr<SandboxServer> startServer(const QString &scenario, bool tls = false);
};

std::unique_ptr<SandboxServer> tst_SandboxServer::startServer(const QString &scenario, bool tls)
{
    SandboxOptions options;
    options.scenario = scenario;
    options.tls = tls;
    auto server = std::make_unique<SandboxServer>(options);
    const Result<QUrl> url = server->start();
    if (!url) {
        qWarning() << url.errorMessage();
        return nullptr;
    }
    return server;
}

void tst_SandboxServer::start_bindsLoopbackOnAFreePort()
{
    auto server = startServer(u"manual"_s);
    QVERIFY(server);
    QCOMPARE(server->baseUrl().scheme(), u"http"_s);
    QCOMPARE(server->baseUrl().host(), u"127.0.0.1"_s);
    QVERIFY(server->baseUrl().port() > 0);
    QVERIFY(server->caCertificatePem().isEmpty());
    QVERIFY(server->credPublicKeyPem().contains("BEGIN PUBLIC KEY"));
}

void tst_SandboxServer::start_refusesUnknownScenario()
{
    SandboxOptions options;
    options.scenario = u"sometimes"_s;
    SandboxServer server(options);
    const Result<QUrl> url = server.start();
    QVERIFY(!url.ok());
    QCOMPARE(url.errorCode(), u"sandbox_bad_scenario"_s);
}

void tst_SandboxServer::unknownPathIs404()
{
    auto server = startServer(u"manual"_s);
    SandboxTestClient client(server->baseUrl());
    QCOMPARE(client.get(u"/nothing/here"_s).status, 404);
}

void tst_SandboxServer::afterScenarios_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("status");
    QTest::newRow("approve-after") << u"approve-after:150"_s << u"CHARGED"_s;
    QTest::newRow("decline-after") << u"decline-after:150"_s << u"AUTHENTICATION_FAILED"_s;
    QTest::newRow("expire-after") << u"expire-after:150"_s << u"AUTHENTICATION_FAILED"_s;
}

void tst_SandboxServer::afterScenarios()
{
    QFETCH(QString, scenario);
    QFETCH(QString, status);
    auto server = startServer(scenario);
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl());
    QCOMPARE(client.startJuspayPush(u"S01"_s).status, 200);
    // Nothing happens before the payment is initiated's delay...
    QCOMPARE(client.get(u"/orders/S01"_s, SandboxTestClient::juspayAuth())
                 .json()
                 .value(u"status"_s)
                 .toString(),
        u"PENDING_VBV"_s);
    // ...then the simulated customer acts.
    QTRY_COMPARE_WITH_TIMEOUT(client.get(u"/orders/S01"_s, SandboxTestClient::juspayAuth())
                                  .json()
                                  .value(u"status"_s)
                                  .toString(),
        status, 5000);
}

void tst_SandboxServer::never_waitsForTheControlApi()
{
    auto server = startServer(u"never"_s);
    SandboxTestClient client(server->baseUrl());
    client.startJuspayPush(u"N01"_s);
    QTest::qWait(300); // nothing may happen in this window: there is no signal to wait for
    QCOMPARE(client.get(u"/orders/N01"_s, SandboxTestClient::juspayAuth())
                 .json()
                 .value(u"status"_s)
                 .toString(),
        u"PENDING_VBV"_s);
    QVERIFY(server->approve(u"N01"_s));
}

void tst_SandboxServer::flaky_503ThenServes()
{
    auto server = startServer(u"flaky:2"_s);
    SandboxTestClient client(server->baseUrl());
    const QList<QPair<QString, QString>> order { { u"order_id"_s, u"K01"_s },
        { u"amount"_s, u"5.00"_s } };
    for (int i = 0; i < 2; ++i) {
        const SandboxTestReply busy
            = client.postForm(u"/orders"_s, order, SandboxTestClient::juspayAuth());
        QCOMPARE(busy.status, 503);
        QCOMPARE(busy.header("Retry-After"), QByteArray("1"));
    }
    QCOMPARE(client.get(u"/__sandbox/orders"_s).jsonArray().size(), 0);
    QCOMPARE(client.postForm(u"/orders"_s, order, SandboxTestClient::juspayAuth()).status, 200);
    // Counted per order: another order starts its own count.
    QCOMPARE(client.get(u"/orders/K02"_s, SandboxTestClient::juspayAuth()).status, 503);
    QCOMPARE(client.get(u"/orders/K01"_s, SandboxTestClient::juspayAuth()).status, 200);
}

void tst_SandboxServer::slow_delaysWithoutBlocking()
{
    auto server = startServer(u"slow:400"_s);
    SandboxTestClient client(server->baseUrl());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(client.get(u"/orders/L01"_s, SandboxTestClient::juspayAuth()).status, 404);
    QVERIFY2(timer.elapsed() >= 350, qPrintable(QString::number(timer.elapsed())));
    // The control API is not slowed, and the server answers it while a slow reply is pending.
    timer.restart();
    QCOMPARE(client.get(u"/__sandbox/orders"_s).status, 200);
    QVERIFY(timer.elapsed() < 350);
}

void tst_SandboxServer::garbled_commitsButBreaksJson()
{
    auto server = startServer(u"garbled"_s);
    SandboxTestClient client(server->baseUrl());
    const SandboxTestReply reply = client.postForm(u"/orders"_s,
        { { u"order_id"_s, u"B01"_s }, { u"amount"_s, u"5"_s } }, SandboxTestClient::juspayAuth());
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.body.isEmpty());
    QVERIFY(!reply.isValidJson());
    QCOMPARE(client.get(u"/__sandbox/orders/B01"_s).status, 200);
}

void tst_SandboxServer::truncated_cutsTheBody()
{
    auto server = startServer(u"truncated"_s);
    SandboxTestClient client(server->baseUrl());
    client.postForm(u"/orders"_s, { { u"order_id"_s, u"U01"_s }, { u"amount"_s, u"5"_s } },
        SandboxTestClient::juspayAuth());
    const SandboxTestReply reply = client.get(u"/orders/U01"_s, SandboxTestClient::juspayAuth());
    QVERIFY2(reply.error != QNetworkReply::NoError || !reply.isValidJson(), reply.body.constData());
    QVERIFY(!reply.isValidJson());
}

void tst_SandboxServer::dropAfterCommit_commitsWithoutAnswer()
{
    auto server = startServer(u"drop-after-commit"_s);
    // A raw socket, because QNetworkAccessManager silently re-sends a request whose connection
    // closed before any answer (and the re-sent duplicate is answered: it commits nothing new).
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server->baseUrl().port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray body = "order_id=X01&amount=5";
    socket.write("POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
        + QByteArray("sandbox-juspay-key:").toBase64()
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT(
        (answer += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 10000);
    QVERIFY2(answer.isEmpty(), answer.constData());
    // Committed all the same; a status query (not a commit) is answered.
    SandboxTestClient client(server->baseUrl());
    const SandboxTestReply status = client.get(u"/orders/X01"_s, SandboxTestClient::juspayAuth());
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(u"status"_s).toString(), u"NEW"_s);
    // A payment start is dropped too, and committed.
    const SandboxTestReply push = client.startJuspayPush(u"X02"_s);
    Q_UNUSED(push);
    QCOMPARE(client.get(u"/orders/X02"_s, SandboxTestClient::juspayAuth())
                 .json()
                 .value(u"status"_s)
                 .toString(),
        u"PENDING_VBV"_s);
}

void tst_SandboxServer::tls_verifiesWithPrintedCa()
{
    auto server = startServer(u"manual"_s, true);
    QVERIFY(server);
    QCOMPARE(server->baseUrl().scheme(), u"https"_s);
    QVERIFY(QFile::exists(server->caCertificatePath()));
    QFile caFile(server->caCertificatePath());
    QVERIFY(caFile.open(QIODevice::ReadOnly));
    const QByteArray caPem = caFile.readAll();
    QCOMPARE(caPem, server->caCertificatePem());

    // Without the CA, verification fails (and is never switched off).
    SandboxTestClient untrusting(server->baseUrl());
    const SandboxTestReply refused = untrusting.get(u"/__sandbox/orders"_s);
    QCOMPARE(refused.error, QNetworkReply::SslHandshakeFailedError);

    SandboxTestClient client(server->baseUrl());
    client.trustCaPem(caPem);
    const SandboxTestReply reply = client.get(u"/__sandbox/orders"_s);
    QCOMPARE(reply.error, QNetworkReply::NoError);
    QCOMPARE(reply.status, 200);
    QCOMPARE(client.get(u"/__sandbox/ca.pem"_s).body, caPem);
    QCOMPARE(client.startJuspayPush(u"TLS01"_s).status, 200);
}

QTEST_GUILESS_MAIN(tst_SandboxServer)
#include "tst_SandboxServer.moc"
