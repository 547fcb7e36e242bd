#include "GatewayTestSupport.h"

#include "gateway/OAuthToken.h"
#include "gateway/googlepay/GooglePayParser.h"

#include <QtTest>

using S = PaymentState;
using Kind = GatewayError::Kind;

class tst_GooglePayParser : public QObject
{
    Q_OBJECT

private:
    static Money inr(qint64 minor) { return Money::fromMinorUnits(minor, Currency::inr()).value(); }
    static AnswerIdentity txn(const char *transactionId, const char *merchantId = "BCR2DN4T7")
    {
        return { QString::fromLatin1(transactionId), QString::fromLatin1(merchantId), {} };
    }
    static QByteArray success(const QByteArray &head)
    {
        return "{" + head + "\"transactionStatus\":{\"status\":\"SUCCESS\"},"
               "\"amountPaid\":{\"currencyCode\":\"INR\",\"units\":\"149\",\"nanos\":500000000}}";
    }

private slots:
    void mapping_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<S>("state");
        QTest::addColumn<bool>("known");
        QTest::newRow("SUCCESS") << QByteArray("SUCCESS") << S::Charged << true;
        QTest::newRow("FAILURE") << QByteArray("FAILURE") << S::Failed << true;
        QTest::newRow("IN_PROGRESS") << QByteArray("IN_PROGRESS") << S::AwaitingCustomer << true;
        QTest::newRow("PAYMENT_NOT_INITIATED") << QByteArray("PAYMENT_NOT_INITIATED") << S::AwaitingCustomer << true;
        QTest::newRow("DECLINED") << QByteArray("DECLINED") << S::Declined << true;
        QTest::newRow("EXPIRED") << QByteArray("EXPIRED") << S::Expired << true;
        QTest::newRow("CHARGED is Juspay's word") << QByteArray("CHARGED") << S::Unknown << false;
        QTest::newRow("success lower case") << QByteArray("success") << S::Unknown << false;
        QTest::newRow("empty") << QByteArray() << S::Unknown << false;
    }

    void mapping()
    {
        QFETCH(QByteArray, raw);
        QFETCH(S, state);
        QFETCH(bool, known);
        const auto m = GooglePayParser::mapStatus(QString::fromLatin1(raw));
        QCOMPARE(m.state, state);
        QCOMPARE(m.known, known);
        QCOMPARE(GooglePayParser::knownStatuses().size(), 6);
    }

    void successSample()
    {
        // The sample pays INR 100.75 (units "100" as a string, nanos 750000000).
        const auto status = GooglePayParser::parseTransaction(readFixture(QStringLiteral("googlepay-get-success.json")), txn("someTransactionId"), inr(10075));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Charged);
        QVERIFY(status->amountVerified);
        QCOMPARE(status->orderId, QStringLiteral("someTransactionId"));
        QCOMPARE(status->googleTransactionId, QStringLiteral("someGoogleTransactionId"));
        QCOMPARE(status->upiRrn, QStringLiteral("abcdef"));
        QCOMPARE(status->reportedAmount->minorUnits(), 10075);
    }

    void successSampleForAnotherAmountIsNotCharged()
    {
        const auto status = GooglePayParser::parseTransaction(readFixture(QStringLiteral("googlepay-get-success.json")), txn("someTransactionId"), inr(10000));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(status->amountMismatch);
    }

    void unitsAsNumber()
    {
        const QByteArray body = "{\"transactionId\":\"T1\",\"transactionStatus\":{\"status\":\"SUCCESS\"},"
                                "\"amountPaid\":{\"currencyCode\":\"INR\",\"units\":149,\"nanos\":500000000}}";
        const auto status = GooglePayParser::parseTransaction(body, txn("T1"), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Charged);
    }

    void successWithoutAmountIsNotCharged_data()
    {
        QTest::addColumn<QByteArray>("amountPaid");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("other currency") << QByteArray(",\"amountPaid\":{\"currencyCode\":\"EUR\",\"units\":\"149\",\"nanos\":500000000}");
        QTest::newRow("garbage units") << QByteArray(",\"amountPaid\":{\"currencyCode\":\"INR\",\"units\":\"1x9\"}");
        QTest::newRow("fractional units") << QByteArray(",\"amountPaid\":{\"currencyCode\":\"INR\",\"units\":149.5}");
    }

    void successWithoutAmountIsNotCharged()
    {
        QFETCH(QByteArray, amountPaid);
        const QByteArray body = "{\"transactionId\":\"T1\",\"transactionStatus\":{\"status\":\"SUCCESS\"}" + amountPaid + "}";
        const auto status = GooglePayParser::parseTransaction(body, txn("T1"), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(status->amountMismatch);
    }

    void failureSample()
    {
        const auto status = GooglePayParser::parseTransaction(readFixture(QStringLiteral("googlepay-get-failure.json")), txn("someTransactionId"), inr(10075));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Failed);
        QCOMPARE(status->failureCode, QStringLiteral("BENEFICIARY_VPA_RESTRICTED"));
        QVERIFY(!status->reportedAmount);
    }

    void unknownStatusWarns()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown Google transaction status.*REVERSED")));
        const auto status = GooglePayParser::parseTransaction(
                "{\"transactionId\":\"T1\",\"transactionStatus\":{\"status\":\"REVERSED\"}}", txn("T1"), inr(1));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Unknown);
        QVERIFY(!status->knownStatus);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << readFixture(QStringLiteral("googlepay-get-success.json")).left(100);
        QTest::newRow("no status") << QByteArray("{\"transactionId\":\"T1\"}");
        QTest::newRow("status not object") << QByteArray("{\"transactionId\":\"T1\",\"transactionStatus\":\"SUCCESS\"}");
        QTest::newRow("raw comment sample") << QByteArray("{\n// comment\n\"a\":1}");
    }

    void rejects()
    {
        QFETCH(QByteArray, body);
        const auto status = GooglePayParser::parseTransaction(body, txn("T1"), inr(1));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, Kind::Malformed);
    }

    void identity_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("another transactionId") << success("\"transactionId\":\"T2\",") << Kind::IdentityMismatch;
        QTest::newRow("merchantTransactionId of another") << success("\"transactionId\":\"T1\",\"merchantTransactionId\":\"T2\",") << Kind::IdentityMismatch;
        QTest::newRow("another merchant") << success("\"transactionId\":\"T1\",\"merchantInfo\":{\"googleMerchantId\":\"OTHER\"},") << Kind::IdentityMismatch;
        QTest::newRow("empty merchant") << success("\"transactionId\":\"T1\",\"merchantInfo\":{\"googleMerchantId\":\"\"},") << Kind::IdentityMismatch;
        QTest::newRow("no transactionId") << success("\"merchantTransactionId\":\"T1\",") << Kind::Malformed;
        QTest::newRow("transactionId twice") << success("\"transactionId\":\"T2\",\"transactionId\":\"T1\",") << Kind::Malformed;
        QTest::newRow("status twice") << QByteArray("{\"transactionId\":\"T1\",\"transactionStatus\":{\"status\":\"IN_PROGRESS\",\"status\":\"SUCCESS\"},"
                                                    "\"amountPaid\":{\"currencyCode\":\"INR\",\"units\":\"149\",\"nanos\":500000000}}") << Kind::Malformed;
        QTest::newRow("units twice") << QByteArray("{\"transactionId\":\"T1\",\"transactionStatus\":{\"status\":\"SUCCESS\"},"
                                                   "\"amountPaid\":{\"currencyCode\":\"INR\",\"units\":\"1\",\"units\":\"149\",\"nanos\":500000000}}") << Kind::Malformed;
    }

    void identity()
    {
        QFETCH(QByteArray, body);
        QFETCH(Kind, kind);
        if (kind == Kind::IdentityMismatch)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch: The Google transaction names")));
        const auto status = GooglePayParser::parseTransaction(body, txn("T1"), inr(14950));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, kind);
    }

    void identityAccepted()
    {
        auto status = GooglePayParser::parseTransaction(
                success("\"transactionId\":\"T1\",\"merchantTransactionId\":\"T1\",\"merchantInfo\":{\"googleMerchantId\":\"BCR2DN4T7\"},"),
                txn("T1"), inr(14950));
        QVERIFY(status.ok());
        QCOMPARE(status->state, S::Charged);
        status = GooglePayParser::parseTransaction(success("\"transactionId\":\"T1\",\"merchantInfo\":{\"googleMerchantId\":\"X\"},"),
                                                   txn("T1", ""), inr(14950));
        QVERIFY(status.ok()); // no merchant configured: nothing to compare with
    }

    void initiateIdentity_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("another merchant") << QByteArray("{\"merchantInfo\":{\"googleMerchantId\":\"OTHER\"}}");
        QTest::newRow("merchantTransactionDetails of another") << QByteArray("{\"merchantTransactionDetails\":{\"transactionId\":\"T2\"}}");
        QTest::newRow("merchantTransactionId of another") << QByteArray("{\"merchantTransactionId\":\"T2\"}");
    }

    void initiateIdentity()
    {
        QFETCH(QByteArray, body);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch: The Google initiate answer")));
        const auto session = GooglePayParser::parseInitiate(body, txn("T1"));
        QVERIFY(!session.ok());
        QCOMPARE(session.error().kind, Kind::IdentityMismatch);
    }

    void errorSample()
    {
        GatewayError base;
        base.kind = Kind::BadRequest;
        base.httpStatus = 400;
        const GatewayError e = GooglePayParser::parseError(readFixture(QStringLiteral("googlepay-error-400.json")), base);
        QCOMPARE(e.providerCode, QStringLiteral("INVALID_ARGUMENT"));
        QVERIFY(e.message.contains(QStringLiteral("MerchantInfo not present")));
    }

    void initiate()
    {
        auto session = GooglePayParser::parseInitiate("{}", txn("T01X"));
        QVERIFY(session.ok());
        QCOMPARE(session->txnId, QStringLiteral("T01X"));
        QCOMPARE(session->state, S::AwaitingCustomer);
        QVERIFY(session->authUrl.isEmpty());
        session = GooglePayParser::parseInitiate(readFixture(QStringLiteral("googlepay-get-success.json")), txn("someTransactionId"));
        QVERIFY(session.ok());
        QCOMPARE(session->state, S::AwaitingCustomer); // never charged on initiate's word
        QCOMPARE(session->txnUuid, QStringLiteral("someGoogleTransactionId"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("identity mismatch: The Google initiate answer names transactionId 'other'")));
        const auto other = GooglePayParser::parseInitiate("{\"transactionId\":\"other\"}", txn("T01X"));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().kind, Kind::IdentityMismatch);
    }

    void token()
    {
        auto token = OAuthToken::parse(readFixture(QStringLiteral("googlepay-token.json")));
        QVERIFY(token.ok());
        QCOMPARE(token->accessToken, QByteArray("ya29.sandbox-token-value"));
        QCOMPARE(token->expiresInSeconds, 3599);
        QVERIFY(!OAuthToken::parse("{\"access_token\":\"\"}").ok());
        QVERIFY(!OAuthToken::parse("{\"access_token\":\"a b\"}").ok());
        QVERIFY(!OAuthToken::parse("{\"access_token\":\"abc\",\"token_type\":\"MAC\"}").ok());
        QVERIFY(!OAuthToken::parse("{\"access_token\":\"abc\",\"expires_in\":-5}").ok());
        GatewayError base;
        base.kind = Kind::BadRequest;
        base.httpStatus = 400;
        const GatewayError e = OAuthToken::parseError("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}", base);
        QCOMPARE(e.kind, Kind::Auth);
        QCOMPARE(e.providerCode, QStringLiteral("invalid_grant"));
    }
};

QTEST_GUILESS_MAIN(tst_GooglePayParser)
#include "tst_GooglePayParser.moc"
