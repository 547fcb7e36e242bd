// SandboxHttpParser: request line, headers, Content-Length and chunked bodies, fed in pieces.

#include "sandbox/SandboxHttpParser.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class tst_SandboxHttpParser : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void byteByByte();
    void errors_data();
    void errors();
    void expectContinue();
};

void tst_SandboxHttpParser::parses_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("get") << QByteArray("GET /orders/A1?x=1 HTTP/1.1\r\nHost: h\r\n\r\n")
                         << QByteArray("GET") << u"/orders/A1"_s << QByteArray();
    QTest::newRow("content-length")
        << QByteArray("POST /orders HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcde")
        << QByteArray("POST") << u"/orders"_s << QByteArray("abcde");
    QTest::newRow("chunked with extension and trailer")
        << QByteArray("POST /txns HTTP/1.1\r\nTransfer-Encoding: "
                      "chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n")
        << QByteArray("POST") << u"/txns"_s << QByteArray("abcde");
    QTest::newRow("percent-encoded path")
        << QByteArray("GET /v1/merchantPayments%3Ainitiate HTTP/1.1\r\n\r\n") << QByteArray("GET")
        << u"/v1/merchantPayments:initiate"_s << QByteArray();
}

void tst_SandboxHttpParser::parses()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    SandboxHttpParser parser;
    QCOMPARE(parser.feed(raw), SandboxHttpParser::Status::Complete);
    QCOMPARE(parser.request().method, method);
    QCOMPARE(parser.request().path, path);
    QCOMPARE(parser.request().body, body);
}

void tst_SandboxHttpParser::byteByByte()
{
    const QByteArray raw(
        "POST /orders HTTP/1.1\r\nCONTENT-TYPE: application/x-www-form-urlencoded\r\n"
        "Transfer-Encoding: chunked\r\n\r\n8\r\na=1+2&b=\r\n4\r\n%20x\r\n0\r\n\r\n");
    SandboxHttpParser parser;
    for (qsizetype i = 0; i + 1 < raw.size(); ++i)
        QCOMPARE(parser.feed(raw.mid(i, 1)), SandboxHttpParser::Status::NeedMore);
    QCOMPARE(parser.feed(raw.right(1)), SandboxHttpParser::Status::Complete);
    QCOMPARE(parser.request().mediaType(), QByteArray("application/x-www-form-urlencoded"));
    const QHash<QString, QString> fields = parser.request().formFields();
    QCOMPARE(fields.value(u"a"_s), u"1 2"_s);
    QCOMPARE(fields.value(u"b"_s), u" x"_s);
}

void tst_SandboxHttpParser::errors_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400;
    QTest::newRow("absolute target") << QByteArray("GET http://x/ HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                << 400;
    QTest::newRow("too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n")
                               << 413;
    QTest::newRow("bad chunk") << QByteArray(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                               << 400;
    QTest::newRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                 << 501;
    QTest::newRow("huge headers") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70000, 'a'))
                                  << 431;
}

void tst_SandboxHttpParser::errors()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    SandboxHttpParser parser;
    QCOMPARE(parser.feed(raw), SandboxHttpParser::Status::Error);
    QCOMPARE(parser.errorStatus(), status);
    QVERIFY(!parser.errorMessage().isEmpty());
}

void tst_SandboxHttpParser::expectContinue()
{
    SandboxHttpParser parser;
    QCOMPARE(parser.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"),
        SandboxHttpParser::Status::NeedMore);
    QVERIFY(parser.takeContinueRequest());
    QVERIFY(!parser.takeContinueRequest());
    QCOMPARE(parser.feed("ok"), SandboxHttpParser::Status::Complete);
}

QTEST_GUILESS_MAIN(tst_SandboxHttpParser)
#include "tst_SandboxHttpParser.moc"
