#include "GatewayTestSupport.h"

#include "gateway/OAuthToken.h"
#include "gateway/cmcom/CmComParser.h"

#include <QtTest>

using S = PaymentState;
using Kind = GatewayError::Kind;

class tst_CmComParser : public QObject
{
    Q_OBJECT

private:
    static Money eur(qint64 minor) { return Money::fromMinorUnits(minor, Currency::fromCode(u"EUR").value()).value(); }

private slots:
    void mapping_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<S>("state");
        QTest::addColumn<bool>("known");
        QTest::newRow("OPEN") << QByteArray("OPEN") << S::AwaitingCustomer << true;
        QTest::newRow("SUCCESS") << QByteArray("SUCCESS") << S::Charged << true;
        QTest::newRow("CANCELLED") << QByteArray("CANCELLED") << S::Declined << true;
        QTest::newRow("EXPIRED") << QByteArray("EXPIRED") << S::Expired << true;
        QTest::newRow("FAILURE") << QByteArray("FAILURE") << S::Failed << true;
        QTest::newRow("AUTHORIZED") << QByteArray("AUTHORIZED") << S::AwaitingCustomer << true;
        QTest::newRow("PAID") << QByteArray("PAID") << S::Unknown << false;
        QTest::newRow("Success") << QByteArray("Success") << S::Unknown << false;
    }

    void mapping()
    {
        QFETCH(QByteArray, raw);
        QFETCH(S, state);
        QFETCH(bool, known);
        const auto m = CmComParser::mapStatus(QString::fromLatin1(raw));
        QCOMPARE(m.state, state);
        QCOMPARE(m.known, known);
    }

    void initializeSample()
    {
        const auto session = CmComParser::parseInitialize(readFixture(QStringLiteral("cmcom-initialize-response.json")),
                                                          QStringLiteral("20210623130413"));
        QVERIFY(session.ok());
        QCOMPARE(session->txnId, QStringLiteral("8db1e7fa-ba8a-4189-92fd-67a20217443d"));
        QCOMPARE(session->authUrl, QUrl(QStringLiteral("https://checkout.tld/3ds/v2/creditcard/123")));
        QCOMPARE(session->method, PaymentSession::Method::Get);
        QCOMPARE(session->rawStatus, QStringLiteral("OPEN"));
        QCOMPARE(session->state, S::AwaitingCustomer);
        QCOMPARE(session->expiresAt, QDateTime(QDate(2006, 1, 2), QTime(15, 4, 5), Qt::UTC));
        QVERIFY(!CmComParser::parseInitialize(readFixture(QStringLiteral("cmcom-initialize-response.json")),
                                              QStringLiteral("another")).ok());
    }

    void transactionSample()
    {
        const QByteArray body = readFixture(QStringLiteral("cmcom-initialize-response.json"));
        auto status = CmComParser::parseTransaction(body, eur(1200));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::AwaitingCustomer);
        QVERIFY(status->amountVerified);
        QCOMPARE(status->refundedAmount->minorUnits(), 300);
        QCOMPARE(status->orderId, QStringLiteral("20210623130413"));
        QByteArray paid = body;
        paid.replace("\"OPEN\"", "\"SUCCESS\"");
        status = CmComParser::parseTransaction(paid, eur(1200));
        QCOMPARE(status->state, S::Charged);
        status = CmComParser::parseTransaction(paid, eur(1201));
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(status->amountMismatch);
        status = CmComParser::parseTransaction(paid, Money::fromMinorUnits(1200, Currency::inr()).value());
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(status->amountMismatch);
    }

    void fractionalMinorUnitsIsNotCharged()
    {
        const auto status = CmComParser::parseTransaction(
                "{\"id\":\"x\",\"status\":\"SUCCESS\",\"amount\":1200.5,\"currency\":\"EUR\"}", eur(1200));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
    }

    void unknownStatusWarns()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown CM.com status.*CHARGEBACK")));
        const auto status = CmComParser::parseTransaction(
                "{\"id\":\"x\",\"status\":\"CHARGEBACK\",\"amount\":1200,\"currency\":\"EUR\"}", eur(1200));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << readFixture(QStringLiteral("cmcom-initialize-response.json")).left(200);
        QTest::newRow("no redirect") << QByteArray("{\"id\":\"x\",\"status\":\"OPEN\"}");
        QTest::newRow("redirect not http") << QByteArray("{\"id\":\"x\",\"status\":\"OPEN\",\"action\":{\"redirect\":{\"url\":\"file:///etc/passwd\"}}}");
    }

    void rejects()
    {
        QFETCH(QByteArray, body);
        const auto session = CmComParser::parseInitialize(body, QStringLiteral("r"));
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Malformed);
    }

    void errors()
    {
        GatewayError base;
        base.kind = Kind::BadRequest;
        base.httpStatus = 400;
        GatewayError e = CmComParser::parseError(readFixture(QStringLiteral("cmcom-error-400.json")), base);
        QCOMPARE(e.providerCode, QStringLiteral("INVALID_AMOUNT"));
        QVERIFY(e.message.contains(QStringLiteral("between 1 and 99999999")));
        e = CmComParser::parseError("{\"status\":400,\"message\":\"bad\",\"errors\":[{\"field\":\"amount\",\"message\":\"x\"}]}", base);
        QCOMPARE(e.providerCode, QStringLiteral("amount"));
        QCOMPARE(e.message, QStringLiteral("CM.com: bad"));
    }

    void token()
    {
        const auto token = OAuthToken::parse(readFixture(QStringLiteral("cmcom-token.json")));
        QVERIFY(token.ok());
        QCOMPARE(token->expiresInSeconds, 3600);
    }
};

QTEST_GUILESS_MAIN(tst_CmComParser)
#include "tst_CmComParser.moc"
