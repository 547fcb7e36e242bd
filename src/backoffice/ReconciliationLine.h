#pragma once

#include "core/PaymentState.h"

#include <QMetaType>
#include <QString>

// One order where the ledger and the gateway disagree (or the gateway could not be asked).
struct ReconciliationLine
{
    QString orderId;
    QString provider;
    PaymentState ledgerState = PaymentState::Created;
    QString gatewayState;                 // PaymentStates name, or "error" when not answered
    qint64 ledgerAmountMinorUnits = 0;
    qint64 gatewayAmountMinorUnits = -1;  // -1 when the gateway reported no amount
    QString currency;
    // The ledger's refunded figure and net (OrderRecord::netMinorUnits, the Z report's and the
    // history's definition), and what the gateway says was refunded (-1: it said nothing).
    qint64 ledgerRefundedMinorUnits = 0;
    qint64 ledgerNetMinorUnits = 0;
    qint64 gatewayRefundedMinorUnits = -1;
    QString difference;                   // in words, for the manager
};

Q_DECLARE_METATYPE(ReconciliationLine)
