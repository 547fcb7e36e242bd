#include "core/ManualClock.h"
#include "core/SystemClock.h"

#include <QTest>

class tst_ManualClock : public QObject
{
    Q_OBJECT

private slots:
    void advances();
    void wallClockJumpKeepsMonotonic();
    void systemClockMovesForward();
};

void tst_ManualClock::advances()
{
    const QDateTime start(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
    ManualClock clock(start);
    QCOMPARE(clock.nowUtc(), start);
    QCOMPARE(clock.monotonicMs(), qint64(0));
    clock.advanceMs(1500);
    QCOMPARE(clock.nowUtc(), start.addMSecs(1500));
    QCOMPARE(clock.monotonicMs(), qint64(1500));
    clock.advanceMs(-100); // time never runs backwards
    QCOMPARE(clock.monotonicMs(), qint64(1500));
}

void tst_ManualClock::wallClockJumpKeepsMonotonic()
{
    ManualClock clock;
    clock.advanceMs(2000);
    const QDateTime earlier(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    clock.setNowUtc(earlier);
    QCOMPARE(clock.nowUtc(), earlier);
    QCOMPARE(clock.monotonicMs(), qint64(2000));
}

void tst_ManualClock::systemClockMovesForward()
{
    Clock &clock = Clock::system();
    const qint64 before = clock.monotonicMs();
    QVERIFY(clock.nowUtc().timeSpec() == Qt::UTC);
    QTRY_VERIFY_WITH_TIMEOUT(clock.monotonicMs() > before, 1000);
}

QTEST_GUILESS_MAIN(tst_ManualClock)
#include "tst_ManualClock.moc"
