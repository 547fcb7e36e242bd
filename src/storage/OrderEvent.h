#pragma once

#include "core/PaymentState.h"

#include <QDateTime>
#include <QString>

#include <optional>

// One line of an order's append-only history: a request sent, a status seen, a transition,
// an alert. Nothing in order_events is ever updated or deleted; corrections are new events.
struct OrderEvent
{
    qint64 id = 0;        // assigned by the ledger
    QString orderId;
    QDateTime at;         // UTC
    QString kind;         // created, request, response, status, transition, alert, note, error
    std::optional<PaymentState> fromState;
    std::optional<PaymentState> toState;
    QString providerStatus;
    QString outcome;      // a short word: sent, ok, http_503, timeout, mismatch, late_charge ...
    QString detail;       // free text or JSON; never a secret or a full phone number
};
