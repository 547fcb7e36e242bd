#pragma once

#include "core/Money.h"

#include <QString>

#include <optional>

struct RefundResult
{
    enum class State { Pending, Succeeded, Failed, Unknown };

    QString orderId;
    QString uniqueRequestId;
    QString refundId;                // the provider's id for the refund, when given
    State state = State::Unknown;
    QString rawStatus;
    std::optional<Money> amount;     // the refund's amount as the provider reports it
    // True when nothing was sent because the provider already shows this refund (CM.com: a
    // refund whose answer was lost earlier, found applied by fetching the transaction).
    bool alreadyApplied = false;

    static QString stateName(State state)
    {
        switch (state) {
        case State::Pending: return QStringLiteral("pending");
        case State::Succeeded: return QStringLiteral("succeeded");
        case State::Failed: return QStringLiteral("failed");
        case State::Unknown: break;
        }
        return QStringLiteral("unknown");
    }
};
