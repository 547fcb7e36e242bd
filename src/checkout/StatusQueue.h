#pragma once

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>

// Status queries share one link to the gateways: at most `maxInFlight` are on the wire at once
// and the rest wait here, first come first served. After a crash or a power cut hundreds of
// open orders are resumed together; without this their queries would all queue inside the
// network layer, where the 15 s answer timeout already runs, and orders the gateway had charged
// would end `unknown` for lack of a turn. Here a query's timeout starts when it is sent.
class StatusQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusQueue)

public:
    static constexpr int kDefaultMaxInFlight = 6;

    explicit StatusQueue(int maxInFlight = kDefaultMaxInFlight, QObject *parent = nullptr);

    // Calls `send` now if a slot is free, else when one frees (skipped if `owner` is gone by
    // then). Whoever `send` runs for must call release() exactly once when done with the slot.
    void enqueue(QObject *owner, std::function<void()> send);
    void release();

    int inFlight() const { return m_inFlight; }
    int waiting() const { return int(m_waiting.size()); }
    int maxInFlight() const { return m_maxInFlight; }

private:
    struct Entry
    {
        QPointer<QObject> owner;
        std::function<void()> send;
    };
    void pump();

    int m_maxInFlight;
    int m_inFlight = 0;
    std::deque<Entry> m_waiting;
};
