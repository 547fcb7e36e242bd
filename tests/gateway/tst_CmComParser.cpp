#include "GatewayTestSupport.h"

#include "gateway/OAuthToken.h"
#include "gateway/cmcom/CmComParser.h"

#include <QtTest>

using S = PaymentState;
using Kind = GatewayError::Kind;

Q_DECLARE_METATYPE(AnswerIdentity)

class tst_CmComParser : public QObject
{
    Q_OBJECT

private:
    static Money eur(qint64 minor) { return Money::fromMinorUnits(minor, Currency::fromCode(u"EUR").value()).value(); }
    static constexpr const char *kSampleId = "8db1e7fa-ba8a-4189-92fd-67a20217443d";
    // Asked by CM.com's id, for our reference (the sample's).
    static AnswerIdentity sample(const char *merchantId = "")
    {
        return { QStringLiteral("20210623130413"), QString::fromLatin1(merchantId), QString::fromLatin1(kSampleId) };
    }
    static AnswerIdentity byId(const char *id) { return { QStringLiteral("r"), {}, QString::fromLatin1(id) }; }
    // The sample, paid, with `refunds` replaced.
    static QByteArray paidSample(const QByteArray &refunds)
    {
        QByteArray body = readFixture(QStringLiteral("cmcom-initialize-response.json"));
        body.replace("\"OPEN\"", "\"SUCCESS\"");
        const qsizetype from = body.indexOf("\"refunds\"");
        const qsizetype to = body.indexOf('}', from);
        return body.left(from) + refunds + body.mid(to + 1);
    }

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
                                                          sample());
        QVERIFY(session.ok());
        QCOMPARE(session->txnId, QStringLiteral("8db1e7fa-ba8a-4189-92fd-67a20217443d"));
        QCOMPARE(session->authUrl, QUrl(QStringLiteral("https://checkout.tld/3ds/v2/creditcard/123")));
        QCOMPARE(session->method, PaymentSession::Method::Get);
        QCOMPARE(session->rawStatus, QStringLiteral("OPEN"));
        QCOMPARE(session->state, S::AwaitingCustomer);
        QCOMPARE(session->expiresAt, QDateTime(QDate(2006, 1, 2), QTime(15, 4, 5), Qt::UTC));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch: The CM.com initialize answer names reference '.*', not 'another'")));
        const auto other = CmComParser::parseInitialize(readFixture(QStringLiteral("cmcom-initialize-response.json")),
                                                        { QStringLiteral("another"), {}, {} });
        QVERIFY(!other.ok());
        QCOMPARE(other.error().kind, Kind::IdentityMismatch);
    }

    void transactionSample()
    {
        const QByteArray body = readFixture(QStringLiteral("cmcom-initialize-response.json"));
        auto status = CmComParser::parseTransaction(body, sample(), eur(1200));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::AwaitingCustomer);
        QVERIFY(status->amountVerified);
        QCOMPARE(status->refundedAmount->minorUnits(), 300);
        QCOMPARE(status->refundPendingAmount->minorUnits(), 100);
        QCOMPARE(status->orderId, QStringLiteral("20210623130413"));
        QByteArray paid = body;
        paid.replace("\"OPEN\"", "\"SUCCESS\"");
        // The sample's SUCCESS carries refundedAmount 300 of 1200: partly refunded, not charged.
        status = CmComParser::parseTransaction(paid, sample(), eur(1200));
        QCOMPARE(status->state, S::PartiallyRefunded);
        status = CmComParser::parseTransaction(paid, sample(), eur(1201));
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(status->amountMismatch);
        status = CmComParser::parseTransaction(paid, sample(), Money::fromMinorUnits(1200, Currency::inr()).value());
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(status->amountMismatch);
    }

    void fractionalMinorUnitsIsNotCharged()
    {
        const auto status = CmComParser::parseTransaction(
                "{\"id\":\"x\",\"status\":\"SUCCESS\",\"amount\":1200.5,\"currency\":\"EUR\"}", byId("x"), eur(1200));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
    }

    void unknownStatusWarns()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown CM.com status.*CHARGEBACK")));
        const auto status = CmComParser::parseTransaction(
                "{\"id\":\"x\",\"status\":\"CHARGEBACK\",\"amount\":1200,\"currency\":\"EUR\"}", byId("x"), eur(1200));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << readFixture(QStringLiteral("cmcom-initialize-response.json")).left(200);
        QTest::newRow("no redirect") << QByteArray("{\"id\":\"x\",\"reference\":\"r\",\"status\":\"OPEN\"}");
        QTest::newRow("no reference") << QByteArray("{\"id\":\"x\",\"status\":\"OPEN\",\"action\":{\"redirect\":{\"url\":\"https://x.y/\"}}}");
        QTest::newRow("reference twice") << QByteArray("{\"id\":\"x\",\"reference\":\"other\",\"reference\":\"r\",\"status\":\"OPEN\",\"action\":{\"redirect\":{\"url\":\"https://x.y/\"}}}");
        QTest::newRow("redirect not http") << QByteArray("{\"id\":\"x\",\"reference\":\"r\",\"status\":\"OPEN\",\"action\":{\"redirect\":{\"url\":\"file:///etc/passwd\"}}}");
    }

    void rejects()
    {
        QFETCH(QByteArray, body);
        const auto session = CmComParser::parseInitialize(body, { QStringLiteral("r"), {}, {} });
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::Malformed);
    }

    void transactionIdentity_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<AnswerIdentity>("asked");
        QTest::addColumn<Kind>("kind");
        const QByteArray paid = paidSample("\"refunds\":{\"refundedAmount\":0,\"refundedPendingAmount\":0}");
        QByteArray otherReference = paid;
        otherReference.replace("\"20210623130413\"", "\"20210623999999\"");
        QByteArray otherId = paid;
        otherId.replace("\"id\": \"8db1e7fa-ba8a-4189-92fd-67a20217443d\"", "\"id\": \"0000e7fa-ba8a-4189-92fd-67a20217443d\"");
        QByteArray twice = paid;
        twice.replace("\"status\": \"SUCCESS\"", "\"status\": \"OPEN\", \"status\": \"SUCCESS\"");
        QByteArray refundedTwice = paid;
        refundedTwice.replace("\"refundedAmount\":0", "\"refundedAmount\":0,\"refundedAmount\":5");
        QTest::newRow("another reference") << otherReference << sample() << Kind::IdentityMismatch;
        QTest::newRow("another transaction id") << otherId << sample() << Kind::IdentityMismatch;
        QTest::newRow("another merchant") << paid << sample("someoneElse") << Kind::IdentityMismatch;
        QTest::newRow("status twice") << twice << sample() << Kind::Malformed;
        QTest::newRow("refundedAmount twice") << refundedTwice << sample() << Kind::Malformed;
        QTest::newRow("asked by reference only, none sent")
                << QByteArray("{\"id\":\"x\",\"status\":\"SUCCESS\",\"amount\":1200,\"currency\":\"EUR\"}")
                << AnswerIdentity { QStringLiteral("r"), {}, {} } << Kind::Malformed;
    }

    void transactionIdentity()
    {
        QFETCH(QByteArray, body);
        QFETCH(AnswerIdentity, asked);
        QFETCH(Kind, kind);
        if (kind == Kind::IdentityMismatch)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch: The CM.com transaction names")));
        const auto status = CmComParser::parseTransaction(body, asked, eur(1200));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, kind);
    }

    void transactionIdentityAccepted()
    {
        const QByteArray paid = paidSample("\"refunds\":{\"refundedAmount\":0,\"refundedPendingAmount\":0}");
        auto status = CmComParser::parseTransaction(paid, sample("exampleMerchantId"), eur(1200));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Charged);
        status = CmComParser::parseTransaction("{\"id\":\"x\",\"status\":\"SUCCESS\",\"amount\":1200,\"currency\":\"EUR\"}",
                                               byId("x"), eur(1200));
        QVERIFY(status.ok()); // asked by id, the id is ours; no reference sent
        QCOMPARE(status->orderId, QStringLiteral("r"));
    }

    void refundsSeen_data()
    {
        QTest::addColumn<QByteArray>("refunds");
        QTest::addColumn<S>("state");
        QTest::addColumn<qint64>("refunded"); // -1: absent
        QTest::addColumn<qint64>("pending");
        QTest::newRow("none") << QByteArray("\"refunds\":{\"refundedAmount\":0,\"refundedPendingAmount\":0}") << S::Charged << qint64(0) << qint64(0);
        QTest::newRow("part") << QByteArray("\"refunds\":{\"refundedAmount\":300,\"refundedPendingAmount\":0}") << S::PartiallyRefunded << qint64(300) << qint64(0);
        QTest::newRow("all") << QByteArray("\"refunds\":{\"refundedAmount\":1200,\"refundedPendingAmount\":0}") << S::Refunded << qint64(1200) << qint64(0);
        QTest::newRow("only pending: not refunded yet") << QByteArray("\"refunds\":{\"refundedAmount\":0,\"refundedPendingAmount\":1200}")
                                                        << S::Charged << qint64(0) << qint64(1200);
        QTest::newRow("part done, rest pending") << QByteArray("\"refunds\":{\"refundedAmount\":200,\"refundedPendingAmount\":1000}")
                                                 << S::PartiallyRefunded << qint64(200) << qint64(1000);
        QTest::newRow("no refunds object") << QByteArray("\"x\":1") << S::Charged << qint64(-1) << qint64(-1);
        QTest::newRow("fractional refundedAmount is unreadable") << QByteArray("\"refunds\":{\"refundedAmount\":1.5}") << S::Charged << qint64(-1) << qint64(-1);
    }

    void refundsSeen()
    {
        QFETCH(QByteArray, refunds);
        QFETCH(S, state);
        QFETCH(qint64, refunded);
        QFETCH(qint64, pending);
        const auto status = CmComParser::parseTransaction(paidSample(refunds), sample(), eur(1200));
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QCOMPARE(status->state, state);
        QCOMPARE(status->refundedAmount ? status->refundedAmount->minorUnits() : -1, refunded);
        QCOMPARE(status->refundPendingAmount ? status->refundPendingAmount->minorUnits() : -1, pending);
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
