#pragma once

#include "core/PaymentState.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

// How the back office writes values for a person: amounts from integer minor units (through
// core/Money, never a floating point number), phones as the last 4 digits only, states and
// times in the manager's words and zone.
class BackOfficeText
{
    Q_DECLARE_TR_FUNCTIONS(BackOfficeText)

public:
    // "₹1,49,950.00" in en_IN. An unknown currency code prints the code and the decimal string.
    static QString money(qint64 minorUnits, const QString &currencyCode, const QLocale &locale);
    // A sale's amount as the history, the detail pane, reconciliation and a reprinted receipt
    // show it: "₹149.50", or "₹149.50 (refunded ₹49.50, net ₹100.00)" once money went back
    // (refunded and net as the ledger reads them: OrderRecord::refundedMinorUnits/netMinorUnits).
    static QString amountWithNet(qint64 amountMinorUnits, qint64 refundedMinorUnits, qint64 netMinorUnits,
                                 const QString &currencyCode, const QLocale &locale);
    // "••••••3210" from the stored last 4; empty when there is no phone.
    static QString maskedPhone(const QString &last4);
    static QString state(PaymentState state);
    static QString state(const QString &stateName);
    // A refund's state (requested, pending, succeeded, failed, unknown) in words.
    static QString refundState(const QString &refundState);
    // A day that cannot be misread in any locale: "3 Dec 2026" (the month as a word, in the
    // locale's language), never "03/12/26". dateFormat() is the same for a QDateEdit.
    static QString date(const QDate &date, const QLocale &locale);
    static QString dateFormat();
    // Local date and 24-hour time with seconds, in `zone`: "3 Dec 2026 14:02:10".
    static QString dateTime(const QDateTime &utc, const QTimeZone &zone, const QLocale &locale);
    // "18 Nov 13:44:14": compact, for table rows.
    static QString shortDateTime(const QDateTime &utc, const QTimeZone &zone, const QLocale &locale);
    static QString time(const QDateTime &utc, const QTimeZone &zone, const QLocale &locale);
};
