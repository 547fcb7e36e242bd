#include "../../backoffice/LedgerSeed.h"
#include "BackOfficeRig.h"
#include "ui/backoffice/BackOfficeServices.h"
#include "ui/backoffice/ChartsView.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QValueAxis>

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
    void netAndGrossLabelled();
    void storeDaysAcrossDst();

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

namespace {

BackOfficeServices servicesOf(BackOfficeRig &rig, const QLocale &locale, const QTimeZone &zone)
{
    return BackOfficeServices { *rig.actions, *rig.access, *rig.settings, rig.secrets, {}, rig.clock, locale, nullptr, zone };
}

} // namespace

void tst_ChartsView::netAndGrossLabelled()
{
    // 18 Nov 2026, Asia/Kolkata. At 10:xx IST: 500.00 partly refunded (100.00 succeeded) and 320.00
    // whose refund failed; the day before 200.00 refunded 50.00 (pending: money promised back).
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin() && rig.unlock());
    const QDateTime ten = QDateTime(QDate(2026, 11, 18), QTime(10, 5), rig.zone).toUTC();
    QVERIFY(insert(*rig.ledger, seedOrder(QStringLiteral("T01-A"), ten, 50'000, PaymentState::PartiallyRefunded)).ok());
    QVERIFY(insertRefund(*rig.ledger, QStringLiteral("T01-A"), QStringLiteral("T01-AR1"), 10'000, QStringLiteral("succeeded"),
                         ten.addSecs(300)).ok());
    QVERIFY(insert(*rig.ledger, seedOrder(QStringLiteral("T01-B"), ten.addSecs(60), 32'000, PaymentState::Charged,
                                          QStringLiteral("googlepay"), QStringLiteral("GOOGLEPAY"))).ok());
    QVERIFY(insertRefund(*rig.ledger, QStringLiteral("T01-B"), QStringLiteral("T01-BR1"), 32'000, QStringLiteral("failed"),
                         ten.addSecs(400)).ok());
    const QDateTime yesterday = ten.addDays(-1);
    QVERIFY(insert(*rig.ledger, seedOrder(QStringLiteral("T01-C"), yesterday, 20'000, PaymentState::PartiallyRefunded)).ok());
    QVERIFY(insertRefund(*rig.ledger, QStringLiteral("T01-C"), QStringLiteral("T01-CR1"), 5'000, QStringLiteral("pending"),
                         yesterday.addSecs(300)).ok());

    ChartsView view(servicesOf(rig, m_locale, rig.zone));
    view.resize(1024, 600);
    view.show();
    view.refresh();
    QCOMPARE(view.hourlyMinorUnits().at(10), qint64(82'000));
    QCOMPARE(view.hourlyNetMinorUnits().at(10), qint64(72'000));
    const int last = ChartsView::kDays - 1;
    QCOMPARE(view.dailyMinorUnits().at(last), qint64(82'000));
    QCOMPARE(view.dailyNetMinorUnits().at(last), qint64(72'000));
    QCOMPARE(view.dailyMinorUnits().at(last - 1), qint64(20'000));
    QCOMPARE(view.dailyNetMinorUnits().at(last - 1), qint64(15'000));
    qint64 other = 0;
    for (int i = 0; i < last - 1; ++i)
        other += view.dailyMinorUnits().at(i) + view.dailyNetMinorUnits().at(i);
    QCOMPARE(other, qint64(0));

    // Both series drawn, labelled in the legend, the axis named, values in major units.
    for (QChart *chart : { view.hourlyChart(), view.dailyChart() }) {
        auto *series = qobject_cast<QBarSeries *>(chart->series().value(0));
        QVERIFY(series);
        QCOMPARE(series->barSets().size(), 2);
        QCOMPARE(series->barSets().at(0)->label(), QStringLiteral("Net (after refunds)"));
        QCOMPARE(series->barSets().at(1)->label(), QStringLiteral("Gross (charged)"));
        QVERIFY(chart->legend()->isVisible());
        QVERIFY2(chart->title().contains(QStringLiteral("net and gross")), qPrintable(chart->title()));
        auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QCOMPARE(y->titleText(), QStringLiteral("Amount (\u20B9)"));
    }
    auto *daily = qobject_cast<QBarSeries *>(view.dailyChart()->series().value(0));
    QCOMPARE(qRound64(daily->barSets().at(0)->at(last) * 100), qint64(72'000));
    QCOMPARE(qRound64(daily->barSets().at(1)->at(last) * 100), qint64(82'000));
    QVERIFY2(view.message().startsWith(QStringLiteral("Today \u20B9720.00 net (\u20B9820.00 gross)")), qPrintable(view.message()));
    QVERIFY2(view.message().contains(QStringLiteral("20 Oct 2026 to 18 Nov 2026")), qPrintable(view.message()));
}

void tst_ChartsView::storeDaysAcrossDst()
{
    // A CM.com store in Europe/Amsterdam (the setting; the services' zone is UTC). Now is 30 Mar
    // 2026 10:00 UTC (CEST). 29 Mar (23 hours) holds a sale at 00:30 CET (23:30 UTC on the 28th)
    // and one at 23:30 CEST (21:30 UTC); 28 Mar ends with one at 23:30 CET (22:30 UTC).
    BackOfficeRig rig(QDateTime(QDate(2026, 3, 30), QTime(10, 0), Qt::UTC));
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin() && rig.unlock());
    QVERIFY(rig.settings->setValue(Settings::Key::TimeZone, QStringLiteral("Europe/Amsterdam")).ok());
    const auto sale = [&rig](const char *id, const QDateTime &at, qint64 minor) {
        return insert(*rig.ledger, seedOrder(QString::fromLatin1(id), at, minor, PaymentState::Charged, QStringLiteral("cmcom"),
                                             QStringLiteral("GOOGLEPAY")));
    };
    QVERIFY(sale("T01-E1", QDateTime(QDate(2026, 3, 28), QTime(23, 30), Qt::UTC), 1'000).ok());
    QVERIFY(sale("T01-E2", QDateTime(QDate(2026, 3, 29), QTime(21, 30), Qt::UTC), 2'000).ok());
    QVERIFY(sale("T01-E3", QDateTime(QDate(2026, 3, 28), QTime(22, 30), Qt::UTC), 4'000).ok());
    QVERIFY(sale("T01-E4", QDateTime(QDate(2026, 3, 30), QTime(7, 15), Qt::UTC), 8'000).ok()); // 09:15 CEST today
    ChartsView view(servicesOf(rig, m_locale, QTimeZone(QByteArrayLiteral("UTC"))));
    QCOMPARE(view.timeZone().id(), QByteArrayLiteral("Europe/Amsterdam"));
    view.refresh();
    const int last = ChartsView::kDays - 1; // 30 Mar
    QCOMPARE(view.dailyMinorUnits().at(last), qint64(8'000));
    QCOMPARE(view.dailyMinorUnits().at(last - 1), qint64(3'000));
    QCOMPARE(view.dailyMinorUnits().at(last - 2), qint64(4'000));
    QCOMPARE(view.hourlyMinorUnits().at(9), qint64(8'000));
}

QTEST_MAIN(tst_ChartsView)
#include "tst_ChartsView.moc"
