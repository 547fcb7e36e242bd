#pragma once

#include <QDateTime>
#include <QString>

// A manager action: who did what to which order, and why.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;     // UTC
    QString actor;
    QString role;     // cashier, manager
    QString action;   // refund, resolve_unknown, export, settings_changed, login_failed ...
    QString orderId;  // may be empty
    QString detail;
};
