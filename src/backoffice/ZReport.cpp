#include "backoffice/ZReport.h"

#include "core/Money.h"
#include "storage/Ledger.h"

#include <QMap>

#include <algorithm>

bool ZReport::refundCounts(const QString &refundState)
{
    return refundState == QLatin1String("succeeded") || refundState == QLatin1String("pending");
}

Result<ZReport> ZReport::build(Ledger &ledger, const QDate &day, const QTimeZone &zone)
{
    if (!day.isValid() || !zone.isValid())
        return Result<ZReport>::failure(QStringLiteral("bad_day"), QStringLiteral("Choose a valid day and time zone."));
    ZReport report;
    report.m_day = day;
    report.m_zone = zone;
    // Midnight to midnight in the store's zone (a DST day is 23 or 25 hours long).
    report.m_sinceUtc = QDateTime(day, QTime(0, 0), zone).toUTC();
    report.m_untilUtc = QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();

    OrderFilter filter;
    filter.since = report.m_sinceUtc;
    filter.until = report.m_untilUtc;
    const Result<QList<SalesTotalsRow>> totals = ledger.salesTotals(filter);
    if (!totals)
        return totals.error();
    const Result<QList<RefundTotalsRow>> refunds = ledger.refundTotals(report.m_sinceUtc, report.m_untilUtc);
    if (!refunds)
        return refunds.error();

    report.m_lines = totals.value();
    report.m_refundLines = refunds.value();
    QMap<QString, qint64> chargedByCurrency;
    for (const SalesTotalsRow &row : std::as_const(report.m_lines)) {
        if (PaymentStates::isPaid(row.state))
            chargedByCurrency[row.currency] += row.amountMinorUnits;
        else
            chargedByCurrency[row.currency] += 0;
    }
    for (const RefundTotalsRow &row : std::as_const(report.m_refundLines))
        chargedByCurrency[row.currency] += 0;
    // The report's currency: the one with the most charged; INR on an empty day.
    report.m_currency = QStringLiteral("INR");
    qint64 best = -1;
    for (auto it = chargedByCurrency.cbegin(); it != chargedByCurrency.cend(); ++it) {
        if (it.value() > best) {
            best = it.value();
            report.m_currency = it.key();
        }
    }
    std::sort(report.m_lines.begin(), report.m_lines.end(), [](const Line &a, const Line &b) {
        return std::tie(a.provider, a.method, a.state) < std::tie(b.provider, b.method, b.state);
    });
    std::sort(report.m_refundLines.begin(), report.m_refundLines.end(), [](const RefundLine &a, const RefundLine &b) {
        return std::tie(a.provider, a.state) < std::tie(b.provider, b.state);
    });
    return report;
}

QStringList ZReport::otherCurrencies() const
{
    QStringList others;
    for (const Line &line : m_lines) {
        if (line.currency != m_currency && !others.contains(line.currency))
            others.append(line.currency);
    }
    for (const RefundLine &line : m_refundLines) {
        if (line.currency != m_currency && !others.contains(line.currency))
            others.append(line.currency);
    }
    return others;
}

qint64 ZReport::orderCount() const
{
    qint64 total = 0;
    for (const Line &line : m_lines)
        total += line.count;
    return total;
}

qint64 ZReport::count(PaymentState state) const
{
    qint64 total = 0;
    for (const Line &line : m_lines) {
        if (line.state == state)
            total += line.count;
    }
    return total;
}

qint64 ZReport::chargedCount() const
{
    qint64 total = 0;
    for (const Line &line : m_lines) {
        if (line.currency == m_currency && PaymentStates::isPaid(line.state))
            total += line.count;
    }
    return total;
}

qint64 ZReport::chargedMinorUnits() const
{
    qint64 total = 0;
    for (const Line &line : m_lines) {
        if (line.currency == m_currency && PaymentStates::isPaid(line.state))
            total += line.amountMinorUnits;
    }
    return total;
}

qint64 ZReport::refundCount() const
{
    qint64 total = 0;
    for (const RefundLine &line : m_refundLines) {
        if (line.currency == m_currency && refundCounts(line.state))
            total += line.count;
    }
    return total;
}

qint64 ZReport::refundedMinorUnits() const
{
    qint64 total = 0;
    for (const Line &line : m_lines) {
        if (line.currency == m_currency && PaymentStates::isPaid(line.state))
            total += line.refundedMinorUnits;
    }
    return total;
}

qint64 ZReport::refundsAskedMinorUnits() const
{
    qint64 total = 0;
    for (const RefundLine &line : m_refundLines) {
        if (line.currency == m_currency && refundCounts(line.state))
            total += line.amountMinorUnits;
    }
    return total;
}

QList<ZReport::Subtotal> ZReport::providerSubtotals() const
{
    QMap<QString, Subtotal> byProvider;
    for (const Line &line : m_lines) {
        Subtotal &subtotal = byProvider[line.provider];
        subtotal.provider = line.provider;
        subtotal.orders += line.count;
        if (line.currency == m_currency && PaymentStates::isPaid(line.state)) {
            subtotal.chargedCount += line.count;
            subtotal.chargedMinorUnits += line.amountMinorUnits;
            subtotal.refundedMinorUnits += line.refundedMinorUnits;
        }
    }
    return byProvider.values();
}

QString ZReport::formatAmount(qint64 minorUnits, const QLocale &locale) const
{
    const std::optional<Currency> currency = Currency::fromCode(m_currency);
    if (!currency)
        return QString::number(minorUnits) + u' ' + m_currency;
    const Result<Money> money = Money::fromMinorUnits(qAbs(minorUnits), *currency);
    if (!money)
        return QString::number(minorUnits) + u' ' + m_currency;
    return (minorUnits < 0 ? QStringLiteral("-") : QString()) + money->toDisplayString(locale);
}

QTimeZone ZReport::storeZone(const QString &ianaId, const QTimeZone &fallback)
{
    const QByteArray id = ianaId.trimmed().toLatin1();
    if (!id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id))
        return QTimeZone(id);
    return fallback.isValid() ? fallback : QTimeZone::systemTimeZone();
}
