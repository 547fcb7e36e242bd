#pragma once

#include "core/Clock.h"
#include "core/Currency.h"
#include "storage/OrderFilter.h"

#include <QLocale>
#include <QTimeZone>
#include <QWidget>

#include <memory>
#include <utility>

namespace Ui {
class HistoryFilterBar;
}
class QTimer;

// The row above the history table: a date preset (today, yesterday, this week, this month or
// a custom range of days), state, provider, amount range, cashier and one search box that
// takes an order id, txn id, UPI RRN or a phone's last 4 digits. It only builds an
// OrderFilter; the window decides whether the cashier may see it.
class HistoryFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFilterBar)

public:
    enum class Preset { Today, Yesterday, ThisWeek, ThisMonth, Custom };
    Q_ENUM(Preset)

    HistoryFilterBar(const Clock &clock, const QLocale &locale, QWidget *parent = nullptr);
    ~HistoryFilterBar() override;

    // Days start at local midnight in this zone (default: the system's).
    void setTimeZone(const QTimeZone &zone);
    void setCurrency(const Currency &currency);
    // Provider names as the ledger stores them (juspay-gpay, googlepay, cmcom ...).
    void setProviders(const QStringList &providers);
    // Provider and method pairs (e.g. juspay-wallet:GOPAY / GOPAY): each provider is listed
    // once for any method, then once per method when it has several.
    void setProviderMethods(const QList<std::pair<QString, QString>> &pairs);

    Preset preset() const;
    void setPreset(Preset preset);
    // Inclusive local days; switches to Custom.
    void setCustomRange(const QDate &from, const QDate &to);

    // [since, until) in UTC for a preset, with days starting at local midnight in `zone` and
    // weeks on the locale's first day of the week. Custom has no range of its own.
    static std::pair<QDateTime, QDateTime> presetRange(Preset preset, const QDateTime &nowUtc,
                                                       const QTimeZone &zone, const QLocale &locale);

    // What the fields hold now. limit/offset/keyset are left at their defaults.
    OrderFilter filter() const;
    // Whether the filter reaches before today's local midnight (a manager-only view).
    bool reachesBeforeToday() const;
    // Empty when every field parses; otherwise what is wrong, as shown under the fields.
    QString error() const;

signals:
    // After any change (the text boxes after a short pause or Enter).
    void filterChanged();

private:
    void presetChosen();
    void changed();
    void emitSoon();

    std::unique_ptr<Ui::HistoryFilterBar> m_ui;
    const Clock &m_clock;
    QLocale m_locale;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    Currency m_currency = Currency::inr();
    QTimer *m_debounce = nullptr;
    bool m_updating = false;
};
