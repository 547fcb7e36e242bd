#pragma once

#include "core/PaymentState.h"
#include "core/Result.h"
#include "storage/SalesTotals.h"

#include <QDate>
#include <QList>
#include <QLocale>
#include <QString>
#include <QTimeZone>

class Ledger;

// The end-of-day (Z) report for one calendar day in the store's time zone: totals by
// provider/method and state, counts, refunds and net, from the ledger's SQL aggregates
// (Ledger::salesTotals + refundTotals), never by summing fetched orders.
//
// "Charged" counts orders created that day that took money: charged, partially refunded and
// refunded (their full amounts). "Refunded" is what went back of those sales, wherever it was
// refunded: per order the ledger's one refunded figure (OrderQuery::refundedSql: the larger of
// CounterPay's succeeded or pending refunds and the provider's own figure, so a refund made in
// Juspay's dashboard counts and one made in CounterPay is not counted twice). Net is charged
// minus refunded: SUM(amount - refunded) over the day's sales, the same net the history, the
// reconciliation and a reprinted receipt show for each order. The refunds asked in CounterPay
// that day (of any day's sales) are listed apart (refundLines, refundsAsked*), for the till's
// cash count; they are not in the net. A refund that failed (the gateway refused it, or the
// method has no refund call: Google Pay direct, CM.com before its refund call) or whose outcome is
// not known yet is never counted as refunded anywhere; a pending one is (money promised back). Totals are in the report's currency(); lines in any other
// currency are listed but left out of the totals (otherCurrencies() says which). The printable
// document with the screen's words is the UI's (ui/backoffice/ZReportView::documentHtml).
class ZReport
{
public:
    // The ledger's own GROUP BY rows (storage/SalesTotals.h), kept as they come.
    using Line = SalesTotalsRow;
    using RefundLine = RefundTotalsRow;

    struct Subtotal
    {
        QString provider;
        qint64 orders = 0;
        qint64 chargedCount = 0;
        qint64 chargedMinorUnits = 0;
        qint64 refundedMinorUnits = 0;
        qint64 netMinorUnits() const { return chargedMinorUnits - refundedMinorUnits; }
    };

    static Result<ZReport> build(Ledger &ledger, const QDate &day, const QTimeZone &zone);

    QDate day() const { return m_day; }
    QTimeZone zone() const { return m_zone; }
    QDateTime sinceUtc() const { return m_sinceUtc; }
    QDateTime untilUtc() const { return m_untilUtc; }
    QString currency() const { return m_currency; }
    QStringList otherCurrencies() const;

    const QList<Line> &lines() const { return m_lines; }
    const QList<RefundLine> &refundLines() const { return m_refundLines; }
    QList<Subtotal> providerSubtotals() const;

    qint64 orderCount() const;
    qint64 count(PaymentState state) const;
    qint64 chargedCount() const;
    qint64 chargedMinorUnits() const;
    // What went back of the day's sales (in CounterPay or at the provider).
    qint64 refundedMinorUnits() const;
    // Refunds asked in CounterPay that day that succeeded or are pending, of any day's sales.
    qint64 refundCount() const;
    qint64 refundsAskedMinorUnits() const;
    qint64 netMinorUnits() const { return chargedMinorUnits() - refundedMinorUnits(); }

    // Refund states that count as given back (sales that count: PaymentStates::isPaid).
    static bool refundCounts(const QString &refundState);

    // The store's zone from its IANA id (Settings::Key::TimeZone); an empty or unknown id is
    // `fallback` (the system's zone unless the caller knows better).
    static QTimeZone storeZone(const QString &ianaId, const QTimeZone &fallback = QTimeZone::systemTimeZone());
    // An amount of the report's currency for a person, e.g. "₹1,49,999.00".
    QString formatAmount(qint64 minorUnits, const QLocale &locale) const;

private:
    QDate m_day;
    QTimeZone m_zone;
    QDateTime m_sinceUtc;
    QDateTime m_untilUtc;
    QString m_currency;
    QList<Line> m_lines;
    QList<RefundLine> m_refundLines;
};
