#include "checkout/StatusQueue.h"

#include <QTimer>

StatusQueue::StatusQueue(int maxInFlight, QObject *parent)
    : QObject(parent), m_maxInFlight(qMax(1, maxInFlight))
{
}

void StatusQueue::enqueue(QObject *owner, std::function<void()> send)
{
    m_waiting.push_back(Entry { owner, std::move(send) });
    pump();
}

void StatusQueue::release()
{
    if (m_inFlight > 0)
        --m_inFlight;
    // The next query goes out from the event loop, not inside the finished query's callback.
    QTimer::singleShot(0, this, &StatusQueue::pump);
}

void StatusQueue::pump()
{
    while (m_inFlight < m_maxInFlight && !m_waiting.empty()) {
        Entry entry = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (!entry.owner)
            continue; // the order is no longer watched
        ++m_inFlight;
        entry.send();
    }
}
