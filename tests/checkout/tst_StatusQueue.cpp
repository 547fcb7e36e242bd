#include "checkout/StatusQueue.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

// The shared queue for status queries: never more than its limit on the wire, first come
// first served, a slot freed by release(), owners that are gone skipped.
class tst_StatusQueue final : public QObject
{
    Q_OBJECT

private slots:
    void neverMoreThanTheLimitAtOnce();
    void firstComeFirstServed();
    void goneOwnersAreSkipped();
};

void tst_StatusQueue::neverMoreThanTheLimitAtOnce()
{
    StatusQueue queue(3);
    QObject owner;
    int sent = 0;
    int peak = 0;
    for (int i = 0; i < 10; ++i) {
        queue.enqueue(&owner, [&] {
            ++sent;
            peak = qMax(peak, queue.inFlight());
        });
    }
    QCOMPARE(sent, 3);
    QCOMPARE(queue.inFlight(), 3);
    QCOMPARE(queue.waiting(), 7);
    // Each answer frees a slot; the next query goes out from the event loop (never inside the
    // answer's callback), so each release is followed by waiting for that query, not by a nap.
    for (int answered = 1; answered <= 10; ++answered) {
        queue.release();
        QTRY_COMPARE(sent, qMin(10, 3 + answered));
        QCOMPARE(queue.inFlight(), qMin(3, 10 - answered));
    }
    QCOMPARE(sent, 10);
    QCOMPARE(peak, 3);
    QCOMPARE(queue.waiting(), 0);
}

void tst_StatusQueue::firstComeFirstServed()
{
    StatusQueue queue(1);
    QObject owner;
    QList<int> order;
    for (int i = 0; i < 5; ++i)
        queue.enqueue(&owner, [&order, i] { order << i; });
    QCOMPARE(order, QList<int> { 0 });
    for (int answered = 1; answered <= 5; ++answered) {
        queue.release();
        QTRY_COMPARE(order.size(), qMin(5, 1 + answered)); // the next one went out
    }
    QCOMPARE(order, (QList<int> { 0, 1, 2, 3, 4 }));
}

void tst_StatusQueue::goneOwnersAreSkipped()
{
    StatusQueue queue(1);
    QObject keeper;
    auto gone = std::make_unique<QObject>();
    QList<QString> sent;
    queue.enqueue(&keeper, [&sent] { sent << QStringLiteral("first"); });
    queue.enqueue(gone.get(), [&sent] { sent << QStringLiteral("gone"); });
    queue.enqueue(&keeper, [&sent] { sent << QStringLiteral("last"); });
    gone.reset();
    queue.release();
    QTRY_COMPARE(sent, (QList<QString> { QStringLiteral("first"), QStringLiteral("last") }));
    QCOMPARE(queue.inFlight(), 1);
}

QTEST_GUILESS_MAIN(tst_StatusQueue)
#include "tst_StatusQueue.moc"
