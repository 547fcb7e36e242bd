#include "ui/backoffice/ChartsView.h"

#include "backoffice/ManagerActions.h"
#include "backoffice/Settings.h"
#include "backoffice/ZReport.h"
#include "core/Clock.h"
#include "core/Currency.h"
#include "gateway/ProviderRules.h"
#include "ui/backoffice/BackOfficeServices.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui_ChartsView.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QMap>
#include <QValueAxis>

namespace {

// Buckets are read in UTC quarter hours and placed by their local time: every zone's offset is
// a multiple of 15 minutes, so each bucket lies within one local hour and one local day, also
// on a 23- or 25-hour day when the clocks change.
constexpr int kBucketSeconds = 15 * 60;
constexpr int kFirstShownHour = 8;
constexpr int kLastShownHour = 21;

QChart *makeChart(const QString &title, QWidget *container)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, container);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(160);
    container->layout()->addWidget(view);
    return chart;
}

// Integer minor units to major units as a qreal: for plotting only, the very last step
// (Qt Charts takes qreal). Nothing computed from it is ever stored or summed.
qreal forDrawing(qint64 minorUnits, int exponent)
{
    qreal scale = 1;
    for (int i = 0; i < exponent; ++i)
        scale *= 10;
    return qreal(minorUnits) / scale;
}

} // namespace

ChartsView::ChartsView(const BackOfficeServices &services, QWidget *parent)
    : ChartsView(services.actions, services.clock, services.locale, services.zone, &services.settings, parent)
{
}

ChartsView::ChartsView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                       QWidget *parent)
    : ChartsView(actions, clock, locale, zone, nullptr, parent)
{
}

ChartsView::ChartsView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                       Settings *settings, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ChartsView>()), m_actions(&actions), m_clock(clock),
      m_locale(locale), m_zone(zone), m_fallbackZone(zone), m_settings(settings)
{
    m_ui->setupUi(this);
    if (m_settings) {
        m_zone = ZReport::storeZone(m_settings->string(Settings::Key::TimeZone), m_fallbackZone);
        connect(m_settings, &Settings::changed, this, [this](Settings::Key key) {
            if (key == Settings::Key::TimeZone)
                m_zone = ZReport::storeZone(m_settings->string(Settings::Key::TimeZone), m_fallbackZone);
        });
    }
    m_hourly = makeChart(QString(), m_ui->hourlyContainer);
    m_success = makeChart(tr("Success rate per provider, last %1 days (paid of settled)").arg(kDays), m_ui->successContainer);
    m_daily = makeChart(QString(), m_ui->dailyContainer);
    m_ui->chartsGrid->setColumnStretch(0, 1);
    m_ui->chartsGrid->setColumnStretch(1, 1);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &ChartsView::refresh);
}

ChartsView::~ChartsView() = default;

QString ChartsView::message() const
{
    return m_ui->periodLabel->text();
}

QDateTime ChartsView::todayStartUtc() const
{
    const QDate today = m_clock.nowUtc().toTimeZone(m_zone).date();
    return QDateTime(today, QTime(0, 0), m_zone).toUTC();
}

void ChartsView::refresh()
{
    const QDateTime todayStart = todayStartUtc();
    const QDateTime tomorrow = QDateTime(todayStart.toTimeZone(m_zone).date().addDays(1), QTime(0, 0), m_zone).toUTC();
    const QDateTime firstDay = QDateTime(todayStart.toTimeZone(m_zone).date().addDays(-(kDays - 1)), QTime(0, 0), m_zone).toUTC();
    const Result<QList<SalesBucket>> hourly = m_actions->salesBuckets(todayStart, tomorrow, kBucketSeconds, 0);
    const Result<QList<SalesBucket>> daily = m_actions->salesBuckets(firstDay, tomorrow, kBucketSeconds, 0);
    OrderFilter period;
    period.since = firstDay;
    period.until = tomorrow;
    const Result<QList<SalesTotalsRow>> totals = m_actions->salesTotals(period);
    if (!hourly.ok()) {
        m_ui->periodLabel->setText(QStringLiteral("\u26a0 ") + hourly.errorMessage());
        return;
    }
    // A cashier sees today; the 30-day charts need a manager.
    const bool past = daily.ok() && totals.ok();
    QString currency = QStringLiteral("INR");
    if (past && !totals.value().isEmpty())
        currency = totals.value().constFirst().currency;
    setData(hourly.value(), past ? daily.value() : QList<SalesBucket>(), past ? totals.value() : QList<SalesTotalsRow>(),
            currency);
    if (!past)
        m_ui->periodLabel->setText(QStringLiteral("\u26a0 ") + (daily.ok() ? totals.errorMessage() : daily.errorMessage()));
}

QList<ChartsView::ProviderRate> ChartsView::ratesFrom(const QList<SalesTotalsRow> &totals)
{
    QMap<QString, ProviderRate> byProvider;
    for (const SalesTotalsRow &row : totals) {
        ProviderRate &rate = byProvider[row.provider];
        rate.provider = row.provider;
        if (PaymentStates::isPaid(row.state))
            rate.charged += row.count;
        if (PaymentStates::countsAsOutcome(row.state))
            rate.settled += row.count;
    }
    return byProvider.values();
}

void ChartsView::setData(const QList<SalesBucket> &hourly, const QList<SalesBucket> &daily,
                         const QList<SalesTotalsRow> &totals, const QString &currency)
{
    const QDate today = m_clock.nowUtc().toTimeZone(m_zone).date();
    m_hourlyMinor = QList<qint64>(24, 0);
    m_hourlyNet = QList<qint64>(24, 0);
    // The hours drawn: the shop's usual day (08-21) widened to any hour that had a sale.
    int firstHour = kFirstShownHour;
    int lastHour = kLastShownHour;
    for (const SalesBucket &bucket : hourly) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(bucket.bucketStartMs, Qt::UTC).toTimeZone(m_zone);
        const int index = local.time().hour();
        if (local.date() == today) {
            m_hourlyMinor[int(index)] += bucket.chargedMinorUnits;
            m_hourlyNet[int(index)] += bucket.chargedMinorUnits - bucket.refundedMinorUnits;
            if (bucket.orders > 0) {
                firstHour = qMin(firstHour, int(index));
                lastHour = qMax(lastHour, int(index));
            }
        }
    }
    QStringList hours;
    for (int hour = firstHour; hour <= lastHour; ++hour)
        hours << QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0'));
    drawAmounts(m_hourly, hours, m_hourlyMinor.mid(firstHour, lastHour - firstHour + 1),
                m_hourlyNet.mid(firstHour, lastHour - firstHour + 1), currency);

    const QDate first = today.addDays(-(kDays - 1));
    m_dailyMinor = QList<qint64>(kDays, 0);
    m_dailyNet = QList<qint64>(kDays, 0);
    for (const SalesBucket &bucket : daily) {
        const QDate day = QDateTime::fromMSecsSinceEpoch(bucket.bucketStartMs, Qt::UTC).toTimeZone(m_zone).date();
        const qint64 index = first.daysTo(day);
        if (index >= 0 && index < kDays) {
            m_dailyMinor[int(index)] += bucket.chargedMinorUnits;
            m_dailyNet[int(index)] += bucket.chargedMinorUnits - bucket.refundedMinorUnits;
        }
    }
    QStringList days;
    for (int i = 0; i < kDays; ++i)
        days << QString::number(first.addDays(i).day());
    drawAmounts(m_daily, days, m_dailyMinor, m_dailyNet, currency);

    const std::optional<Currency> known = Currency::fromCode(currency);
    const QString unit = known ? known->symbol() : currency;
    m_hourly->setTitle(tr("Sales per hour today, net and gross (%1)").arg(unit));
    m_daily->setTitle(tr("Sales per day, last %1 days, net and gross (%2)").arg(kDays).arg(unit));
    m_rates = ratesFrom(totals);
    drawRates();

    const auto sum = [](const QList<qint64> &values) {
        qint64 total = 0;
        for (qint64 value : values)
            total += value;
        return total;
    };
    m_ui->periodLabel->setText(tr("Today %1 net (%2 gross) \u00b7 last %3 days %4 net (%5 gross), %6 to %7")
                                       .arg(BackOfficeText::money(sum(m_hourlyNet), currency, m_locale),
                                            BackOfficeText::money(sum(m_hourlyMinor), currency, m_locale))
                                       .arg(kDays)
                                       .arg(BackOfficeText::money(sum(m_dailyNet), currency, m_locale),
                                            BackOfficeText::money(sum(m_dailyMinor), currency, m_locale),
                                            BackOfficeText::date(first, m_locale), BackOfficeText::date(today, m_locale)));
}

void ChartsView::drawAmounts(QChart *chart, const QStringList &categories, const QList<qint64> &grossMinorUnits,
                             const QList<qint64> &netMinorUnits, const QString &currency)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    const std::optional<Currency> known = Currency::fromCode(currency);
    const int exponent = known ? known->exponent() : 2;
    // Net first (what the store kept), gross beside it.
    auto *net = new QBarSet(tr("Net (after refunds)"));
    net->setColor(QColor(0x1d, 0x8a, 0x4b));
    auto *gross = new QBarSet(tr("Gross (charged)"));
    gross->setColor(QColor(0x1d, 0x6b, 0xb3));
    qint64 maxMinor = 0;
    for (int i = 0; i < grossMinorUnits.size(); ++i) {
        *gross << forDrawing(grossMinorUnits.at(i), exponent);
        *net << forDrawing(netMinorUnits.value(i), exponent);
        maxMinor = qMax(maxMinor, qMax(grossMinorUnits.at(i), netMinorUnits.value(i)));
    }
    auto *series = new QBarSeries;
    series->append(net);
    series->append(gross);
    series->setBarWidth(0.85);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->show();
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    QFont small = x->labelsFont();
    small.setPointSizeF(qMax<qreal>(6.5, small.pointSizeF() * 0.8));
    x->setLabelsFont(small);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setLabelsFont(small);
    y->setTitleText(tr("Amount (%1)").arg(known ? known->symbol() : currency));
    y->setTitleFont(small);
    y->setRange(0, maxMinor > 0 ? forDrawing(maxMinor, exponent) * 1.1 : 1);
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

void ChartsView::drawRates()
{
    QChart *chart = m_success;
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    auto *set = new QBarSet(tr("Paid"));
    set->setColor(QColor(0x1d, 0x8a, 0x4b));
    QStringList providers;
    for (const ProviderRate &rate : std::as_const(m_rates)) {
        // Percent for drawing only; the counts stay integers.
        *set << (rate.settled > 0 ? qreal(rate.charged) * 100 / qreal(rate.settled) : 0);
        providers << ProviderRules::displayName(rate.provider);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value %"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(providers);
    QFont small = y->labelsFont();
    small.setPointSizeF(qMax<qreal>(6.5, small.pointSizeF() * 0.85));
    y->setLabelsFont(small);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setLabelFormat(QStringLiteral("%.0f %%"));
    x->setTickCount(6);
    x->setLabelsFont(small);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
}
