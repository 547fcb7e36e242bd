#include "BackOfficeRig.h"
#include "ui/backoffice/ChartsView.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>

// The charts over a seeded real ledger: the bars carry the ledger's integer sums (checked
// against the orders themselves), and the success rate counts per provider.
class tst_ChartsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void barsMatchTheLedger();
    void successRatePerProvider();
    void emptyLedgerDrawsEmptyCharts();
    void cashierSeesTodayOnly();

private:
    std::unique_ptr<BackOfficeRig> m_rig;
    const QLocale m_locale = QLocale(QLocale::English, QLocale::India);
};

void tst_ChartsView::initTestCase()
{
    m_rig = std::make_unique<BackOfficeRig>();
    QVERIFY2(m_rig->ready(), qPrintable(m_rig->openError));
    const auto seeded = seedDemoLedger(*m_rig->ledger, m_rig->clock.nowUtc().addSecs(-60), 400, 40, 0);
    QVERIFY2(seeded.ok(), qPrintable(seeded.errorMessage()));
    QVERIFY(m_rig->setPin() && m_rig->unlock());
}

void tst_ChartsView::barsMatchTheLedger()
{
    ChartsView view(*m_rig->actions, m_rig->clock, m_locale, m_rig->zone);
    view.resize(1024, 600);
    view.show();
    view.refresh();
    QCOMPARE(view.hourlyMinorUnits().size(), 24);
    QCOMPARE(view.dailyMinorUnits().size(), ChartsView::kDays);

    const QDate today = m_rig->clock.nowUtc().toTimeZone(m_rig->zone).date();
    OrderFilter filter;
    filter.since = QDateTime(today.addDays(-(ChartsView::kDays - 1)), QTime(0, 0), m_rig->zone).toUTC();
    filter.until = QDateTime(today.addDays(1), QTime(0, 0), m_rig->zone).toUTC();
    filter.limit = 100000;
    QList<qint64> perDay(ChartsView::kDays, 0);
    QList<qint64> perHour(24, 0);
    for (const OrderRecord &order : m_rig->ledger->findOrders(filter).value()) {
        if (order.state != PaymentState::Charged)
            continue;
        const QDateTime local = order.createdAt.toTimeZone(m_rig->zone);
        perDay[int(filter.since.toTimeZone(m_rig->zone).date().daysTo(local.date()))] += order.amount.minorUnits();
        if (local.date() == today)
            perHour[local.time().hour()] += order.amount.minorUnits();
    }
    QCOMPARE(view.dailyMinorUnits(), perDay);
    QCOMPARE(view.hourlyMinorUnits(), perHour);
    qint64 anyDay = 0;
    for (qint64 minor : perDay)
        anyDay += minor;
    QVERIFY(anyDay > 0);

    // What is drawn: one bar per slot, in major units.
    auto *daily = qobject_cast<QBarSeries *>(view.dailyChart()->series().value(0));
    QVERIFY(daily);
    QBarSet *set = daily->barSets().value(0);
    QCOMPARE(set->count(), ChartsView::kDays);
    for (int i = 0; i < ChartsView::kDays; ++i)
        QCOMPARE(qRound64(set->at(i) * 100), perDay.at(i));
    QVERIFY(!view.hourlyChart()->title().isEmpty());
}

void tst_ChartsView::successRatePerProvider()
{
    ChartsView view(*m_rig->actions, m_rig->clock, m_locale, m_rig->zone);
    view.refresh();
    const QList<ChartsView::ProviderRate> rates = view.rates();
    QCOMPARE(rates.size(), demoProviders().size());
    const QDate today = m_rig->clock.nowUtc().toTimeZone(m_rig->zone).date();
    OrderFilter filter;
    filter.since = QDateTime(today.addDays(-(ChartsView::kDays - 1)), QTime(0, 0), m_rig->zone).toUTC();
    filter.until = QDateTime(today.addDays(1), QTime(0, 0), m_rig->zone).toUTC();
    for (const ChartsView::ProviderRate &rate : rates) {
        filter.provider = rate.provider;
        filter.states = { PaymentState::Charged };
        QCOMPARE(rate.charged, m_rig->ledger->countOrders(filter).value());
        filter.states = { PaymentState::Charged, PaymentState::Failed, PaymentState::Declined, PaymentState::Expired };
        QCOMPARE(rate.settled, m_rig->ledger->countOrders(filter).value());
        QVERIFY(rate.settled >= rate.charged && rate.charged > 0);
    }
    auto *series = qobject_cast<QHorizontalBarSeries *>(view.successChart()->series().value(0));
    QVERIFY(series);
    QCOMPARE(series->barSets().value(0)->count(), int(rates.size()));
}

void tst_ChartsView::emptyLedgerDrawsEmptyCharts()
{
    BackOfficeRig empty;
    QVERIFY2(empty.ready(), qPrintable(empty.openError));
    QVERIFY(empty.setPin() && empty.unlock());
    ChartsView view(*empty.actions, empty.clock, m_locale, empty.zone);
    view.resize(1024, 600);
    view.show();
    view.refresh();
    QCOMPARE(view.dailyMinorUnits(), QList<qint64>(ChartsView::kDays, 0));
    QVERIFY(view.rates().isEmpty());
    QVERIFY2(view.message().startsWith(QStringLiteral("Today \u20b90.00")), qPrintable(view.message()));
    QVERIFY(!view.grab().isNull());
}

void tst_ChartsView::cashierSeesTodayOnly()
{
    m_rig->access->lock();
    ChartsView view(*m_rig->actions, m_rig->clock, m_locale, m_rig->zone);
    view.refresh();
    qint64 today = 0;
    for (qint64 minor : view.hourlyMinorUnits())
        today += minor;
    QVERIFY(today > 0);
    QCOMPARE(view.dailyMinorUnits(), QList<qint64>(ChartsView::kDays, 0));
    QVERIFY2(view.message().contains(QStringLiteral("manager"), Qt::CaseInsensitive), qPrintable(view.message()));
    QVERIFY(m_rig->unlock());
}

QTEST_MAIN(tst_ChartsView)
#include "tst_ChartsView.moc"
