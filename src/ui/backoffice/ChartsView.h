#pragma once

#include "storage/SalesTotals.h"

#include <QLocale>
#include <QTimeZone>
#include <QWidget>

#include <memory>

namespace Ui {
class ChartsView;
}
class Clock;
class ManagerActions;
class QChart;
class QChartView;
class Settings;
struct BackOfficeServices;

// Three Qt Charts: sales per hour today, sales per day over the last 30 days, and the success
// rate per provider over those 30 days. The sales charts draw two labelled series: gross (what
// was charged) and net (gross minus what went back of those sales: the ledger's one refunded
// figure, so a failed refund never lowers it). The figures are the ledger's SQL aggregates
// (ManagerActions::salesBuckets / salesTotals) in integer minor units; they become qreal only
// at the last step, for drawing. Days and hours are the store's (Settings::Key::TimeZone).
class ChartsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartsView)

public:
    static constexpr int kDays = 30;

    // One provider's outcome counts over the period (integers; the rate is drawn from them).
    struct ProviderRate
    {
        QString provider;
        qint64 charged = 0;   // took money
        qint64 settled = 0;   // reached an outcome (charged, failed, declined, expired, cancelled ...)
    };

    // The back office's view: the zone comes from services.settings (empty: services.zone).
    explicit ChartsView(const BackOfficeServices &services, QWidget *parent = nullptr);
    // A fixed zone, no settings.
    ChartsView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
               QWidget *parent = nullptr);
    ~ChartsView() override;

    QTimeZone timeZone() const { return m_zone; }

    // Reads the three aggregates through ManagerActions and draws them.
    void refresh();
    // Draws from plain data (what refresh() reads). Buckets are placed by the local time of
    // their start, so none may span two local hours (refresh() reads UTC quarter hours).
    // `currency` is the amounts' ISO code.
    void setData(const QList<SalesBucket> &hourly, const QList<SalesBucket> &daily,
                 const QList<SalesTotalsRow> &totals, const QString &currency);

    // What is drawn, for tests: chart titles, bar counts and the integer figures behind them.
    QChart *hourlyChart() const { return m_hourly; }
    QChart *dailyChart() const { return m_daily; }
    QChart *successChart() const { return m_success; }
    // Gross: charged, before refunds.
    QList<qint64> hourlyMinorUnits() const { return m_hourlyMinor; }
    QList<qint64> dailyMinorUnits() const { return m_dailyMinor; }
    // Net: gross minus what went back of those sales.
    QList<qint64> hourlyNetMinorUnits() const { return m_hourlyNet; }
    QList<qint64> dailyNetMinorUnits() const { return m_dailyNet; }
    QList<ProviderRate> rates() const { return m_rates; }
    QString message() const;

    static QList<ProviderRate> ratesFrom(const QList<SalesTotalsRow> &totals);

private:
    ChartsView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
               Settings *settings, QWidget *parent);
    QDateTime todayStartUtc() const;
    void drawAmounts(QChart *chart, const QStringList &categories, const QList<qint64> &grossMinorUnits,
                     const QList<qint64> &netMinorUnits, const QString &currency);
    void drawRates();

    std::unique_ptr<Ui::ChartsView> m_ui;
    ManagerActions *m_actions;
    const Clock &m_clock;
    QLocale m_locale;
    QTimeZone m_zone;
    QTimeZone m_fallbackZone;
    Settings *m_settings = nullptr;
    QChart *m_hourly;
    QChart *m_daily;
    QChart *m_success;
    QList<qint64> m_hourlyMinor;
    QList<qint64> m_dailyMinor;
    QList<qint64> m_hourlyNet;
    QList<qint64> m_dailyNet;
    QList<ProviderRate> m_rates;
};
