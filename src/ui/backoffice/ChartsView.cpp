#include "ui/backoffice/ChartsView.h"

#include "backoffice/ManagerActions.h"
#include "backoffice/ZReport.h"
#include "core/Clock.h"
#include "core/Currency.h"
#include "ui/ProviderNames.h"
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

constexpr qint64 kHourMs = 3600 * 1000;
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

bool reachedOutcome(PaymentState state)
{
    return state != PaymentState::Created && state != PaymentState::Submitting
           && state != PaymentState::AwaitingCustomer && state != PaymentState::Unknown;
}

} // namespace

ChartsView::ChartsView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                       QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ChartsView>()), m_actions(&actions), m_clock(clock),
      m_locale(locale), m_zone(zone)
{
    m_ui->setupUi(this);
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
    const int offset = m_zone.offsetFromUtc(m_clock.nowUtc());
    const Result<QList<SalesBucket>> hourly = m_actions->salesBuckets(todayStart, tomorrow, 3600, offset);
    const Result<QList<SalesBucket>> daily = m_actions->salesBuckets(firstDay, tomorrow, 24 * 3600, offset);
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
        if (ZReport::tookMoney(row.state))
            rate.charged += row.count;
        if (reachedOutcome(row.state))
            rate.settled += row.count;
    }
    return byProvider.values();
}

void ChartsView::setData(const QList<SalesBucket> &hourly, const QList<SalesBucket> &daily,
                         const QList<SalesTotalsRow> &totals, const QString &currency)
{
    const qint64 todayStartMs = todayStartUtc().toMSecsSinceEpoch();
    m_hourlyMinor = QList<qint64>(24, 0);
    QList<qint64> hourlyCounts(24, 0);
    // The hours drawn: the shop's usual day (08-21) widened to any hour that had a sale.
    int firstHour = kFirstShownHour;
    int lastHour = kLastShownHour;
    for (const SalesBucket &bucket : hourly) {
        const qint64 index = (bucket.bucketStartMs - todayStartMs) / kHourMs;
        if (index >= 0 && index < 24) {
            m_hourlyMinor[int(index)] += bucket.chargedMinorUnits;
            hourlyCounts[int(index)] += bucket.charged;
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
                hourlyCounts.mid(firstHour, lastHour - firstHour + 1), currency);

    const QDate today = m_clock.nowUtc().toTimeZone(m_zone).date();
    const QDate first = today.addDays(-(kDays - 1));
    m_dailyMinor = QList<qint64>(kDays, 0);
    QList<qint64> dailyCounts(kDays, 0);
    for (const SalesBucket &bucket : daily) {
        const QDate day = QDateTime::fromMSecsSinceEpoch(bucket.bucketStartMs, Qt::UTC).toTimeZone(m_zone).addSecs(1).date();
        const qint64 index = first.daysTo(day);
        if (index >= 0 && index < kDays) {
            m_dailyMinor[int(index)] += bucket.chargedMinorUnits;
            dailyCounts[int(index)] += bucket.charged;
        }
    }
    QStringList days;
    for (int i = 0; i < kDays; ++i)
        days << QString::number(first.addDays(i).day());
    drawAmounts(m_daily, days, m_dailyMinor, dailyCounts, currency);

    const std::optional<Currency> known = Currency::fromCode(currency);
    const QString unit = known ? known->symbol() : currency;
    m_hourly->setTitle(tr("Sales per hour today (%1)").arg(unit));
    m_daily->setTitle(tr("Sales per day, last %1 days (%2)").arg(kDays).arg(unit));
    m_rates = ratesFrom(totals);
    drawRates();

    qint64 todayMinor = 0;
    qint64 periodMinor = 0;
    for (qint64 minor : std::as_const(m_hourlyMinor))
        todayMinor += minor;
    for (qint64 minor : std::as_const(m_dailyMinor))
        periodMinor += minor;
    m_ui->periodLabel->setText(tr("Today %1 \u00b7 last %2 days %3 (%4 to %5)")
                                       .arg(BackOfficeText::money(todayMinor, currency, m_locale))
                                       .arg(kDays)
                                       .arg(BackOfficeText::money(periodMinor, currency, m_locale),
                                            m_locale.toString(first, QLocale::ShortFormat),
                                            m_locale.toString(today, QLocale::ShortFormat)));
}

void ChartsView::drawAmounts(QChart *chart, const QStringList &categories, const QList<qint64> &minorUnits,
                             const QList<qint64> &counts, const QString &currency)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    const std::optional<Currency> known = Currency::fromCode(currency);
    const int exponent = known ? known->exponent() : 2;
    auto *set = new QBarSet(tr("Charged"));
    set->setColor(QColor(0x1d, 0x6b, 0xb3));
    qint64 maxMinor = 0;
    for (int i = 0; i < minorUnits.size(); ++i) {
        *set << forDrawing(minorUnits.at(i), exponent);
        maxMinor = qMax(maxMinor, minorUnits.at(i));
        Q_UNUSED(counts)
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.8);
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
        providers << ProviderNames::display(rate.provider);
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
