#include "checkout/PollPolicy.h"

#include <QRandomGenerator>
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
    QCOMPARE(policy.nextDelayMs(5'000, 1000, -1, 0.5), qint64(1500));   // fast while customers act
    QCOMPARE(policy.nextDelayMs(36'000, 1500, -1, 0.5), qint64(1500));
    QCOMPARE(policy.nextDelayMs(38'500, 1500, -1, 0.5), qint64(3000));  // then back off
    QCOMPARE(policy.nextDelayMs(41'500, 3000, -1, 0.5), qint64(4400));  // to the cap
    QCOMPARE(policy.nextDelayMs(170'000, 4400, -1, 0.5), qint64(4400));
    QCOMPARE(policy.nextDelayMs(900'000, 4400, -1, 0.5), qint64(4400)); // and no further
}

void tst_PollPolicy::retryAfterWins()
{
    PollPolicy policy;
    policy.jitterPercent = 0;
    QCOMPARE(policy.nextDelayMs(5'000, 1000, 7'000, 0.5), qint64(7'000));
    QCOMPARE(policy.nextDelayMs(5'000, 1500, 200, 0.5), qint64(1500)); // never sooner than planned
}

void tst_PollPolicy::jitterStaysInBounds()
{
    PollPolicy policy; // 5 %
    QCOMPARE(policy.nextDelayMs(5'000, 1500, -1, 0.0), qint64(1425));
    QCOMPARE(policy.nextDelayMs(5'000, 1500, -1, 0.999999), qint64(1575));
}

namespace {

// The check times of one payment up to `horizonMs`, as SaleTracker schedules them (the jittered
// delay is the next call's previousDelayMs). unit(): the jitter draw for each delay.
template<typename Unit>
std::vector<qint64> checkTimes(const PollPolicy &policy, qint64 horizonMs, Unit unit)
{
    std::vector<qint64> times;
    qint64 elapsed = 0;
    qint64 delay = 0;
    while (true) {
        delay = policy.nextDelayMs(elapsed, delay, -1, unit());
        elapsed += delay;
        if (elapsed > horizonMs)
            return times;
        times.push_back(elapsed);
    }
}

qint64 longestGap(const std::vector<qint64> &times)
{
    qint64 gap = 0;
    qint64 previous = 0;
    for (qint64 t : times) {
        gap = qMax(gap, t - previous);
        previous = t;
    }
    return gap;
}

} // namespace

void tst_PollPolicy::pollsPerThreeMinutes()
{
    // Issue 13: at most 60 checks in a 3-minute payment, and an approval at any moment seen
    // within 5 s: no gap between checks above 5 s, jitter included.
    const PollPolicy policy;
    const auto nominal = checkTimes(policy, 180'000, [] { return 0.5; });
    QCOMPARE(int(nominal.size()), 57); // the count in PollPolicy.h
    QVERIFY2(longestGap(nominal) <= 5000, qPrintable(QString::number(longestGap(nominal))));
    QVERIFY2(nominal.front() <= 1000, "the first check comes within a second");

    // Every delay at the top of its jitter: the longest gaps.
    const auto slowest = checkTimes(policy, 15 * 60'000, [] { return 0.999999; });
    QVERIFY2(longestGap(slowest) <= 5000, qPrintable(QString::number(longestGap(slowest))));
    // Every delay at the bottom of its jitter: the most checks.
    const auto busiest = checkTimes(policy, 180'000, [] { return 0.0; });
    QVERIFY2(busiest.size() <= 62, qPrintable(QString::number(busiest.size())));

    // Random jitter, as SaleTracker draws it: never above 60 in 3 minutes, never a gap over 5 s.
    QRandomGenerator random(13);
    for (int run = 0; run < 500; ++run) {
        const auto times = checkTimes(policy, 180'000, [&random] { return random.generateDouble(); });
        QVERIFY2(times.size() <= 60, qPrintable(QString::number(times.size())));
        QVERIFY2(longestGap(times) <= 5000, qPrintable(QString::number(longestGap(times))));
    }

    // The old schedule (25 s cap) left a customer who approved after half a minute waiting.
    PollPolicy old = policy;
    old.phases = { { 20'000, 1000 }, { 38'000, 1500 } };
    old.capMs = 25'000;
    old.jitterPercent = 10;
    QVERIFY(longestGap(checkTimes(old, 180'000, [] { return 0.5; })) > 5000);
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
