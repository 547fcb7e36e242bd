// Google Pay Omnichannel over real loopback HTTP: the JWT-bearer token endpoint, initiate, get,
// and the {"error":{code,status,message}} shapes (400, 401, 403, 404).

#include "SandboxTestClient.h"

#include "crypto/Jwt.h"
#include "crypto/RsaKey.h"
#include "sandbox/SandboxServer.h"

#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;

class tst_SandboxGooglePayApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void serviceAccount_matchesServer();
    void token_refusesBadAssertions_data();
    void token_refusesBadAssertions();
    void initiate_thenGet();
    void initiate_isIdempotentForTheSameTransaction();
    void initiate_errors_data();
    void initiate_errors();
    void get_errors();
    void declineAndExpireStatuses();
    void expiryTimePassing_expires();

private:
    QJsonObject initiateBody(
        const QString &transactionId, const QString &units = u"149"_s, int nanos = 500000000) const;
    QString assertion(const QJsonObject &claims, const RsaKey &key) const;

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
    QString m_token;
    QJsonObject m_account;
};

void tst_SandboxGooglePayApi::initTestCase()
{
    m_server = std::make_unique<SandboxServer>(SandboxOptions());
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.ok(), qPrintable(url.errorMessage()));
    m_client = std::make_unique<SandboxTestClient>(url.value());
    m_account = m_client->get(u"/__sandbox/keys/google-service-account.json"_s).json();
    m_token = m_client->googleToken();
    QVERIFY(m_token.startsWith(u"ya29."));
}

QJsonObject tst_SandboxGooglePayApi::initiateBody(
    const QString &transactionId, const QString &units, int nanos) const
{
    return QJsonObject {
        { u"merchantInfo"_s, QJsonObject { { u"googleMerchantId"_s, u"BCR2DN4TCOUNTERPAY"_s } } },
        { u"userInfo"_s, QJsonObject { { u"phoneNumber"_s, u"+919876543210"_s } } },
        { u"merchantTransactionDetails"_s,
            QJsonObject {
                { u"transactionId"_s, transactionId },
                { u"amountPayable"_s,
                    QJsonObject { { u"currencyCode"_s, u"INR"_s }, { u"units"_s, units },
                        { u"nanos"_s, nanos } } },
                { u"description"_s, u"Counter sale"_s },
            } },
        { u"expiryTime"_s,
            QDateTime::currentDateTimeUtc().addSecs(600).toString(Qt::ISODateWithMs) },
        { u"originatingPlatform"_s, u"OFFLINE"_s },
    };
}

QString tst_SandboxGooglePayApi::assertion(const QJsonObject &claims, const RsaKey &key) const
{
    const Result<QByteArray> jwt = Jwt::signRs256(claims, key);
    return jwt ? QString::fromLatin1(jwt.value()) : QString();
}

void tst_SandboxGooglePayApi::serviceAccount_matchesServer()
{
    QCOMPARE(m_account.value(u"type"_s).toString(), u"service_account"_s);
    QCOMPARE(
        m_account.value(u"token_uri"_s).toString(), m_server->baseUrl().toString() + u"/token"_s);
    QVERIFY(!m_account.value(u"client_email"_s).toString().isEmpty());
    QVERIFY(!m_account.value(u"private_key_id"_s).toString().isEmpty());
    QCOMPARE(QJsonDocument::fromJson(m_server->googleServiceAccountJson()).object(), m_account);
}

void tst_SandboxGooglePayApi::token_refusesBadAssertions_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("error");
    QTest::newRow("wrong key") << u"key"_s << u"invalid_grant"_s;
    QTest::newRow("wrong audience") << u"aud"_s << u"invalid_grant"_s;
    QTest::newRow("expired") << u"exp"_s << u"invalid_grant"_s;
    QTest::newRow("too long-lived") << u"lifetime"_s << u"invalid_grant"_s;
    QTest::newRow("missing scope") << u"scope"_s << u"invalid_scope"_s;
    QTest::newRow("wrong issuer") << u"iss"_s << u"invalid_grant"_s;
    QTest::newRow("wrong grant type") << u"grant"_s << u"unsupported_grant_type"_s;
}

void tst_SandboxGooglePayApi::token_refusesBadAssertions()
{
    QFETCH(QString, change);
    QFETCH(QString, error);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims {
        { u"iss"_s, m_account.value(u"client_email"_s) },
        { u"scope"_s, u"https://www.googleapis.com/auth/nbupaymentsmerchants"_s },
        { u"aud"_s, m_account.value(u"token_uri"_s) },
        { u"iat"_s, now },
        { u"exp"_s, now + 3600 },
    };
    Result<RsaKey> key = RsaKey::fromPem(m_account.value(u"private_key"_s).toString().toLatin1());
    QVERIFY(key.ok());
    if (change == u"key")
        key = RsaKey::generate(2048);
    else if (change == u"aud")
        claims[u"aud"_s] = u"https://oauth2.googleapis.com/token"_s;
    else if (change == u"exp")
        claims[u"exp"_s] = now - 10, claims[u"iat"_s] = now - 100;
    else if (change == u"lifetime")
        claims[u"exp"_s] = now + 7200;
    else if (change == u"scope")
        claims[u"scope"_s] = u"https://www.googleapis.com/auth/cloud-platform"_s;
    else if (change == u"iss")
        claims[u"iss"_s] = u"someone@example.iam.gserviceaccount.com"_s;
    const QString grant = change == u"grant" ? u"client_credentials"_s
                                             : u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s;
    const SandboxTestReply reply = m_client->postForm(u"/token"_s,
        { { u"grant_type"_s, grant }, { u"assertion"_s, assertion(claims, key.value()) } });
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value(u"error"_s).toString(), error);
    QVERIFY(!reply.json().contains(u"access_token"_s));
}

void tst_SandboxGooglePayApi::initiate_thenGet()
{
    const SandboxTestReply started = m_client->postJson(u"/v1/merchantPayments:initiate"_s,
        initiateBody(u"G01"_s), SandboxTestClient::bearer(m_token));
    QCOMPARE(started.status, 200);
    const QJsonObject getBody {
        { u"merchantInfo"_s, QJsonObject { { u"googleMerchantId"_s, u"BCR2DN4TCOUNTERPAY"_s } } },
        { u"transactionIdentifier"_s, QJsonObject { { u"merchantTransactionId"_s, u"G01"_s } } },
    };
    SandboxTestReply status = m_client->postJson(
        u"/v1/merchantTransactions:get"_s, getBody, SandboxTestClient::bearer(m_token));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(u"transactionId"_s).toString(), u"G01"_s);
    QCOMPARE(status.json().value(u"transactionStatus"_s).toObject().value(u"status"_s).toString(),
        u"IN_PROGRESS"_s);
    QVERIFY(!status.json().contains(u"amountPaid"_s));

    QVERIFY(m_server->approve(u"G01"_s));
    status = m_client->postJson(
        u"/v1/merchantTransactions:get"_s, getBody, SandboxTestClient::bearer(m_token));
    const QJsonObject json = status.json();
    QCOMPARE(
        json.value(u"transactionStatus"_s).toObject().value(u"status"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(json.value(u"paymentMode"_s).toString(), u"UPI"_s);
    const QJsonObject paid = json.value(u"amountPaid"_s).toObject();
    QCOMPARE(paid.value(u"currencyCode"_s).toString(), u"INR"_s);
    QCOMPARE(paid.value(u"units"_s).toString(), u"149"_s);
    QCOMPARE(paid.value(u"nanos"_s).toInt(), 500000000);
    QVERIFY(
        !json.value(u"upiTransactionDetails"_s).toObject().value(u"upiRrn"_s).toString().isEmpty());
    QVERIFY(!json.value(u"googleTransactionId"_s).toString().isEmpty());
    QVERIFY(QDateTime::fromString(json.value(u"lastUpdatedTime"_s).toString(), Qt::ISODateWithMs)
                .isValid());
}

void tst_SandboxGooglePayApi::initiate_isIdempotentForTheSameTransaction()
{
    const auto bearer = SandboxTestClient::bearer(m_token);
    QCOMPARE(m_client->postJson(u"/v1/merchantPayments:initiate"_s, initiateBody(u"G02"_s), bearer)
                 .status,
        200);
    QCOMPARE(m_client->postJson(u"/v1/merchantPayments:initiate"_s, initiateBody(u"G02"_s), bearer)
                 .status,
        200);
    QCOMPARE(
        m_client
            ->postJson(u"/v1/merchantPayments:initiate"_s, initiateBody(u"G02"_s, u"5"_s), bearer)
            .status,
        400);
}

void tst_SandboxGooglePayApi::initiate_errors_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("status");
    QTest::newRow("no merchantInfo") << u"merchantInfo"_s << 400 << u"INVALID_ARGUMENT"_s;
    QTest::newRow("other merchant") << u"merchant"_s << 403 << u"PERMISSION_DENIED"_s;
    QTest::newRow("bad phone") << u"phone"_s << 400 << u"INVALID_ARGUMENT"_s;
    QTest::newRow("too many nanos digits") << u"nanos"_s << 400 << u"INVALID_ARGUMENT"_s;
    QTest::newRow("no token") << u"token"_s << 401 << u"UNAUTHENTICATED"_s;
}

void tst_SandboxGooglePayApi::initiate_errors()
{
    QFETCH(QString, change);
    QFETCH(int, code);
    QFETCH(QString, status);
    QJsonObject body
        = initiateBody(u"GE"_s + QString::fromLatin1(QTest::currentDataTag()).left(3).remove(u' '));
    if (change == u"merchantInfo")
        body.remove(u"merchantInfo"_s);
    else if (change == u"merchant")
        body[u"merchantInfo"_s] = QJsonObject { { u"googleMerchantId"_s, u"SOMEONEELSE"_s } };
    else if (change == u"phone")
        body[u"userInfo"_s] = QJsonObject { { u"phoneNumber"_s, u"12345"_s } };
    else if (change == u"nanos")
        body = initiateBody(u"GEN"_s, u"1"_s, 5);
    const SandboxTestReply reply = m_client->postJson(u"/v1/merchantPayments:initiate"_s, body,
        change == u"token" ? SandboxTestClient::Headers {} : SandboxTestClient::bearer(m_token));
    QCOMPARE(reply.status, code);
    const QJsonObject error = reply.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toInt(), code);
    QCOMPARE(error.value(u"status"_s).toString(), status);
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
}

void tst_SandboxGooglePayApi::get_errors()
{
    const auto bearer = SandboxTestClient::bearer(m_token);
    const QJsonObject unknown {
        { u"merchantInfo"_s, QJsonObject { { u"googleMerchantId"_s, u"BCR2DN4TCOUNTERPAY"_s } } },
        { u"transactionIdentifier"_s, QJsonObject { { u"merchantTransactionId"_s, u"NOPE"_s } } },
    };
    SandboxTestReply reply = m_client->postJson(u"/v1/merchantTransactions:get"_s, unknown, bearer);
    QCOMPARE(reply.status, 404);
    QCOMPARE(
        reply.json().value(u"error"_s).toObject().value(u"status"_s).toString(), u"NOT_FOUND"_s);
    reply = m_client->postJson(u"/v1/merchantTransactions:get"_s,
        QJsonObject { { u"transactionIdentifier"_s, QJsonObject() } }, bearer);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
        u"MerchantInfo not present"_s);
    reply = m_client->postJson(
        u"/v1/merchantTransactions:get"_s, unknown, SandboxTestClient::bearer(u"ya29.forged"_s));
    QCOMPARE(reply.status, 401);
}

void tst_SandboxGooglePayApi::declineAndExpireStatuses()
{
    const auto bearer = SandboxTestClient::bearer(m_token);
    const auto statusOf = [&](const QString &id) {
        const QJsonObject body {
            { u"merchantInfo"_s,
                QJsonObject { { u"googleMerchantId"_s, u"BCR2DN4TCOUNTERPAY"_s } } },
            { u"transactionIdentifier"_s, QJsonObject { { u"merchantTransactionId"_s, id } } },
        };
        return m_client->postJson(u"/v1/merchantTransactions:get"_s, body, bearer)
            .json()
            .value(u"transactionStatus"_s)
            .toObject()
            .value(u"status"_s)
            .toString();
    };
    m_client->postJson(u"/v1/merchantPayments:initiate"_s, initiateBody(u"G03"_s), bearer);
    m_client->postJson(u"/v1/merchantPayments:initiate"_s, initiateBody(u"G04"_s), bearer);
    QVERIFY(m_server->decline(u"G03"_s));
    QVERIFY(m_server->expire(u"G04"_s));
    QCOMPARE(statusOf(u"G03"_s), u"DECLINED"_s);
    QCOMPARE(statusOf(u"G04"_s), u"EXPIRED"_s);
}

void tst_SandboxGooglePayApi::expiryTimePassing_expires()
{
    QJsonObject body = initiateBody(u"G05"_s);
    body[u"expiryTime"_s]
        = QDateTime::currentDateTimeUtc().addMSecs(300).toString(Qt::ISODateWithMs);
    const auto bearer = SandboxTestClient::bearer(m_token);
    QCOMPARE(m_client->postJson(u"/v1/merchantPayments:initiate"_s, body, bearer).status, 200);
    const QJsonObject get {
        { u"merchantInfo"_s, QJsonObject { { u"googleMerchantId"_s, u"BCR2DN4TCOUNTERPAY"_s } } },
        { u"transactionIdentifier"_s, QJsonObject { { u"merchantTransactionId"_s, u"G05"_s } } },
    };
    QTRY_COMPARE_WITH_TIMEOUT(m_client->postJson(u"/v1/merchantTransactions:get"_s, get, bearer)
                                  .json()
                                  .value(u"transactionStatus"_s)
                                  .toObject()
                                  .value(u"status"_s)
                                  .toString(),
        u"EXPIRED"_s, 5000);
}

QTEST_GUILESS_MAIN(tst_SandboxGooglePayApi)
#include "tst_SandboxGooglePayApi.moc"
