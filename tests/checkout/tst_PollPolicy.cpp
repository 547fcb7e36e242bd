#include "checkout/PollPolicy.h"

#include <QTest>

class tst_PollPolicy : public QObject
{
    Q_OBJECT

private slots:
    void schedule();
    void retryAfterWins();
    void jitterStaysInBounds();
    void pollsPerThreeMinutes();
    void parse_data();
    void parse();
    void defaultsAreValid();
};

void tst_PollPolicy::schedule()
{
    PollPolicy policy;
    policy.jitterPercent = 0;
    QCOMPARE(policy.nextDelayMs(0, 0, -1, 0.5), qint64(1000));          // first check soon
    QCOMPARE(policy.nextDelayMs(5'000, 1000, -1, 0.5), qint64(1000));   // fast while acting
    QCOMPARE(policy.nextDelayMs(25'000, 1000, -1, 0.5), qint64(1500));  // second phase
    QCOMPARE(policy.nextDelayMs(40'000, 1500, -1, 0.5), qint64(3000));  // then back off
    QCOMPARE(policy.nextDelayMs(60'000, 3000, -1, 0.5), qint64(6000));
    QCOMPARE(policy.nextDelayMs(170'000, 14'000, -1, 0.5), qint64(25'000)); // up to the cap
    QCOMPARE(policy.nextDelayMs(900'000, 25'000, -1, 0.5), qint64(25'000));
}

void tst_PollPolicy::retryAfterWins()
{
    PollPolicy policy;
    policy.jitterPercent = 0;
    QCOMPARE(policy.nextDelayMs(5'000, 1000, 7'000, 0.5), qint64(7'000));
    QCOMPARE(policy.nextDelayMs(5'000, 1000, 200, 0.5), qint64(1000)); // never sooner than planned
}

void tst_PollPolicy::jitterStaysInBounds()
{
    PollPolicy policy; // 10 %
    QCOMPARE(policy.nextDelayMs(5'000, 1000, -1, 0.0), qint64(900));
    QCOMPARE(policy.nextDelayMs(5'000, 1000, -1, 0.999999), qint64(1100));
}

void tst_PollPolicy::pollsPerThreeMinutes()
{
    // The target of the checkout issue: no more than 40 checks in a 3-minute payment.
    PollPolicy policy;
    policy.jitterPercent = 0;
    qint64 elapsed = 0;
    qint64 delay = 0;
    int checks = 0;
    while (true) {
        delay = policy.nextDelayMs(elapsed, delay, -1, 0.5);
        elapsed += delay;
        if (elapsed > 180'000)
            break;
        ++checks;
    }
    QVERIFY2(checks <= 40, qPrintable(QString::number(checks)));
    QVERIFY2(checks >= 25, qPrintable(QString::number(checks))); // and fast at the start
}

void tst_PollPolicy::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("empty keeps defaults") << "" << true << "";
    QTest::newRow("all keys") << "first=500;phases=10000:500,30000:1000;backoff=2;cap=8000;grace=60000;expiry=300000;jitter=5" << true << "";
    QTest::newRow("no equals") << "first" << false << "key=value";
    QTest::newRow("bad number") << "cap=soon" << false << "whole number";
    QTest::newRow("negative") << "grace=-1" << false << "whole number";
    QTest::newRow("bad phase") << "phases=10000" << false << "UNTIL_MS:INTERVAL_MS";
    QTest::newRow("backoff below one") << "backoff=0.5" << false << "between 1 and 10";
    QTest::newRow("unknown key") << "speed=3" << false << "unknown poll setting 'speed'";
    // The limits (core/PollLimits.h, shared with the back office): one line naming key and limit.
    QTest::newRow("first and cap zero") << "first=0;cap=0" << false << "first must be at least 250 ms, not 0";
    QTest::newRow("first under 250") << "first=249" << false << "first must be at least 250 ms, not 249";
    QTest::newRow("first at 250") << "first=250" << true << "";
    QTest::newRow("cap zero") << "cap=0" << false << "cap must be at least first (1000 ms), not 0";
    QTest::newRow("cap under first") << "first=2000;cap=1500" << false << "cap must be at least first (2000 ms), not 1500";
    QTest::newRow("cap equals first") << "first=2000;cap=2000" << true << "";
    QTest::newRow("zero interval") << "phases=20000:0" << false << "each phases interval must be at least 250 ms, not 0";
    QTest::newRow("tiny interval") << "phases=20000:100" << false << "at least 250 ms, not 100";
    QTest::newRow("zero until") << "phases=0:1000" << false << "phases must end one after another";
    QTest::newRow("phases out of order") << "phases=30000:1000,20000:2000" << false << "phases must end one after another";
    QTest::newRow("zero backoff") << "backoff=0" << false << "backoff must be between 1 and 10, not 0";
    QTest::newRow("zero expiry") << "expiry=0" << false << "expiry must be more than 0 ms, not 0";
    QTest::newRow("jitter too wide") << "jitter=80" << false << "jitter must be from 0 to 50";
    QTest::newRow("zero grace is fine") << "grace=0" << true << "";
    QTest::newRow("zero jitter is fine") << "jitter=0" << true << "";
}

void tst_PollPolicy::defaultsAreValid()
{
    QVERIFY2(PollPolicy().validate().isEmpty(), qPrintable(PollPolicy().validate()));
}

void tst_PollPolicy::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, errorPart);
    QString error;
    const PollPolicy policy = PollPolicy::parse(text, &error);
    QCOMPARE(error.isEmpty(), valid);
    if (!valid) {
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        QVERIFY(!error.contains(u'\n'));
    } else {
        QVERIFY2(policy.validate().isEmpty(), qPrintable(policy.validate()));
    }
    if (text.startsWith(QLatin1String("first=500"))) {
        QCOMPARE(policy.firstCheckMs, qint64(500));
        QCOMPARE(policy.phases.size(), size_t(2));
        QCOMPARE(policy.phases.back().intervalMs, qint64(1000));
        QCOMPARE(policy.capMs, qint64(8000));
        QCOMPARE(policy.graceAfterExpiryMs, qint64(60000));
        QCOMPARE(policy.jitterPercent, 5);
    }
}

QTEST_GUILESS_MAIN(tst_PollPolicy)
#include "tst_PollPolicy.moc"
