#include "ui/backoffice/BackOfficeText.h"

#include "core/Currency.h"
#include "core/Money.h"

QString BackOfficeText::money(qint64 minorUnits, const QString &currencyCode, const QLocale &locale)
{
    const std::optional<Currency> currency = Currency::fromCode(currencyCode);
    if (!currency)
        return currencyCode + QLatin1Char(' ') + QString::number(minorUnits);
    const bool negative = minorUnits < 0;
    const Result<Money> money = Money::fromMinorUnits(negative ? -minorUnits : minorUnits, *currency);
    if (!money.ok())
        return currencyCode + QLatin1Char(' ') + QString::number(minorUnits);
    const QString text = money.value().toDisplayString(locale);
    return negative ? QStringLiteral("\u2212") + text : text;
}

QString BackOfficeText::amountWithNet(qint64 amountMinorUnits, qint64 refundedMinorUnits, qint64 netMinorUnits,
                                      const QString &currencyCode, const QLocale &locale)
{
    const QString amount = money(amountMinorUnits, currencyCode, locale);
    if (refundedMinorUnits <= 0)
        return amount;
    return tr("%1 (refunded %2, net %3)")
            .arg(amount, money(refundedMinorUnits, currencyCode, locale), money(netMinorUnits, currencyCode, locale));
}

QString BackOfficeText::maskedPhone(const QString &last4)
{
    if (last4.isEmpty())
        return {};
    // Only the stored last four digits ever reach a screen.
    return QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022") + last4.right(4);
}

QString BackOfficeText::state(PaymentState state)
{
    switch (state) {
    case PaymentState::Created: return tr("Created");
    case PaymentState::Submitting: return tr("Sending");
    case PaymentState::AwaitingCustomer: return tr("Waiting for customer");
    case PaymentState::Charged: return tr("Paid");
    case PaymentState::Failed: return tr("Failed");
    case PaymentState::Declined: return tr("Declined");
    case PaymentState::Expired: return tr("Expired");
    case PaymentState::Cancelled: return tr("Cancelled");
    case PaymentState::Unknown: return tr("Unknown");
    case PaymentState::Refunded: return tr("Refunded");
    case PaymentState::PartiallyRefunded: return tr("Partly refunded");
    }
    return {};
}

QString BackOfficeText::state(const QString &stateName)
{
    const std::optional<PaymentState> parsed = PaymentStates::fromName(stateName);
    return parsed ? state(*parsed) : stateName;
}

QString BackOfficeText::refundState(const QString &refundState)
{
    if (refundState == QLatin1String("succeeded"))
        return tr("Refunded");
    if (refundState == QLatin1String("pending"))
        return tr("Refund pending at the provider");
    if (refundState == QLatin1String("failed"))
        return tr("Refund failed");
    if (refundState == QLatin1String("requested"))
        return tr("Refund sent, no answer yet");
    if (refundState == QLatin1String("unknown"))
        return tr("Refund outcome unknown");
    return refundState;
}

QString BackOfficeText::dateFormat()
{
    return QStringLiteral("d MMM yyyy");
}

QString BackOfficeText::date(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, dateFormat()) : QString();
}

QString BackOfficeText::dateTime(const QDateTime &utc, const QTimeZone &zone, const QLocale &locale)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toTimeZone(zone);
    return date(local.date(), locale) + QLatin1Char(' ') + local.time().toString(QStringLiteral("HH:mm:ss"));
}

QString BackOfficeText::shortDateTime(const QDateTime &utc, const QTimeZone &zone, const QLocale &locale)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toTimeZone(zone);
    return locale.toString(local.date(), QStringLiteral("d MMM")) + QLatin1Char(' ')
           + local.time().toString(QStringLiteral("HH:mm:ss"));
}

QString BackOfficeText::time(const QDateTime &utc, const QTimeZone &zone, const QLocale &locale)
{
    Q_UNUSED(locale)
    if (!utc.isValid())
        return {};
    return utc.toTimeZone(zone).time().toString(QStringLiteral("HH:mm:ss"));
}
