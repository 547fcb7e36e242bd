#include "core/ManualClock.h"
#include "ui/backoffice/HistoryFilterBar.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

// The filter bar's presets give [since, until) in UTC from local midnights, and the fields
// build the OrderFilter the history asks the ledger with.
class tst_HistoryFilterBar : public QObject
{
    Q_OBJECT

private slots:
    void presets_data();
    void presets();
    void fieldsBuildTheFilter();
    void providerAndMethod();
    void badAmountShowsAtTheBar();
    void customRangeIsInclusiveDays();

private:
    static QDateTime utc(int y, int m, int d, int h, int min) { return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC); }
};

void tst_HistoryFilterBar::presets_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<QDateTime>("until");
    // Now: Wednesday 2026-11-18 10:00 UTC = 15:30 in Kolkata (+05:30); weeks start on Monday
    // (en_GB). Local midnight 18 Nov = 17 Nov 18:30 UTC.
    QTest::newRow("today") << int(HistoryFilterBar::Preset::Today) << utc(2026, 11, 17, 18, 30) << utc(2026, 11, 18, 18, 30);
    QTest::newRow("yesterday") << int(HistoryFilterBar::Preset::Yesterday) << utc(2026, 11, 16, 18, 30) << utc(2026, 11, 17, 18, 30);
    QTest::newRow("this week") << int(HistoryFilterBar::Preset::ThisWeek) << utc(2026, 11, 15, 18, 30) << utc(2026, 11, 18, 18, 30);
    QTest::newRow("this month") << int(HistoryFilterBar::Preset::ThisMonth) << utc(2026, 10, 31, 18, 30) << utc(2026, 11, 18, 18, 30);
}

void tst_HistoryFilterBar::presets()
{
    QFETCH(int, preset);
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    ManualClock clock(utc(2026, 11, 18, 10, 0));
    HistoryFilterBar bar(clock, QLocale(QLocale::English, QLocale::UnitedKingdom));
    bar.setTimeZone(QTimeZone(QByteArrayLiteral("Asia/Kolkata")));
    QSignalSpy changed(&bar, &HistoryFilterBar::filterChanged);
    auto *combo = bar.findChild<QComboBox *>(QStringLiteral("presetCombo"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(int(HistoryFilterBar::Preset::Custom)));
    changed.clear();
    combo->setCurrentIndex(combo->findData(preset));
    QVERIFY(changed.count() >= 1);
    const OrderFilter filter = bar.filter();
    QCOMPARE(filter.since, since);
    QCOMPARE(filter.until, until);
    QCOMPARE(bar.reachesBeforeToday(), preset != int(HistoryFilterBar::Preset::Today));
}

void tst_HistoryFilterBar::fieldsBuildTheFilter()
{
    ManualClock clock(utc(2026, 11, 18, 10, 0));
    HistoryFilterBar bar(clock, QLocale(QLocale::English, QLocale::India));
    bar.setTimeZone(QTimeZone(QByteArrayLiteral("Asia/Kolkata")));
    bar.setProviders({ QStringLiteral("juspay-gpay"), QStringLiteral("googlepay") });
    QSignalSpy changed(&bar, &HistoryFilterBar::filterChanged);

    auto *state = bar.findChild<QComboBox *>(QStringLiteral("stateCombo"));
    auto *provider = bar.findChild<QComboBox *>(QStringLiteral("providerCombo"));
    auto *search = bar.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *min = bar.findChild<QLineEdit *>(QStringLiteral("minAmountEdit"));
    auto *max = bar.findChild<QLineEdit *>(QStringLiteral("maxAmountEdit"));
    auto *cashier = bar.findChild<QLineEdit *>(QStringLiteral("cashierEdit"));
    QVERIFY(state && provider && search && min && max && cashier);

    state->setCurrentIndex(state->findData(QStringLiteral("charged")));
    provider->setCurrentIndex(provider->findData(QStringList { QStringLiteral("googlepay"), QString() }));
    QVERIFY(provider->currentIndex() > 0);
    QTest::keyClicks(min, QStringLiteral("1,000"));
    QTest::keyClicks(max, QStringLiteral("1,49,999.50"));
    QTest::keyClicks(cashier, QStringLiteral("asha"));
    QTest::keyClicks(search, QStringLiteral("3210"));
    // Typing settles after a short pause.
    changed.clear();
    QVERIFY(changed.wait(2000));

    OrderFilter filter = bar.filter();
    QCOMPARE(filter.states, QList<PaymentState> { PaymentState::Charged });
    QCOMPARE(filter.provider, QStringLiteral("googlepay"));
    QVERIFY(filter.method.isEmpty());
    QCOMPARE(filter.minAmountMinorUnits, qint64(100000));
    QCOMPARE(filter.maxAmountMinorUnits, qint64(14999950));
    QCOMPARE(filter.cashier, QStringLiteral("asha"));
    QCOMPARE(filter.phoneLast4, QStringLiteral("3210"));
    QVERIFY(filter.search.isEmpty());

    // Anything that is not 4 digits is an exact id search.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("T01-000123"));
    QTest::keyClick(search, Qt::Key_Return);
    filter = bar.filter();
    QCOMPARE(filter.search, QStringLiteral("T01-000123"));
    QVERIFY(filter.phoneLast4.isEmpty());
}

void tst_HistoryFilterBar::providerAndMethod()
{
    ManualClock clock(utc(2026, 11, 18, 10, 0));
    HistoryFilterBar bar(clock, QLocale(QLocale::English, QLocale::India));
    bar.setProviderMethods({ { QStringLiteral("juspay-gpay"), QStringLiteral("GOOGLEPAY") },
                             { QStringLiteral("cmcom"), QStringLiteral("GOOGLEPAY") },
                             { QStringLiteral("cmcom"), QStringLiteral("IDEAL") } });
    auto *provider = bar.findChild<QComboBox *>(QStringLiteral("providerCombo"));
    // Any, juspay-gpay, cmcom, cmcom GOOGLEPAY, cmcom IDEAL: one method needs no extra line.
    QCOMPARE(provider->count(), 5);
    provider->setCurrentIndex(provider->findData(QStringList { QStringLiteral("cmcom"), QStringLiteral("IDEAL") }));
    QCOMPARE(bar.filter().provider, QStringLiteral("cmcom"));
    QCOMPARE(bar.filter().method, QStringLiteral("IDEAL"));
    provider->setCurrentIndex(0);
    QVERIFY(bar.filter().provider.isEmpty() && bar.filter().method.isEmpty());
}

void tst_HistoryFilterBar::badAmountShowsAtTheBar()
{
    ManualClock clock(utc(2026, 11, 18, 10, 0));
    HistoryFilterBar bar(clock, QLocale(QLocale::English, QLocale::India));
    bar.show();
    auto *min = bar.findChild<QLineEdit *>(QStringLiteral("minAmountEdit"));
    auto *error = bar.findChild<QLabel *>(QStringLiteral("filterError"));
    QVERIFY(min && error);
    QTest::keyClicks(min, QStringLiteral("12.345"));
    QTest::keyClick(min, Qt::Key_Return);
    QVERIFY(error->isVisible());
    QVERIFY(!bar.error().isEmpty());
    QVERIFY(error->text().contains(bar.error()));
    QCOMPARE(bar.filter().minAmountMinorUnits, qint64(-1));
}

void tst_HistoryFilterBar::customRangeIsInclusiveDays()
{
    ManualClock clock(utc(2026, 11, 18, 10, 0));
    HistoryFilterBar bar(clock, QLocale(QLocale::English, QLocale::India));
    bar.setTimeZone(QTimeZone(QByteArrayLiteral("Asia/Kolkata")));
    bar.setCustomRange(QDate(2026, 11, 1), QDate(2026, 11, 3));
    QCOMPARE(bar.preset(), HistoryFilterBar::Preset::Custom);
    QCOMPARE(bar.filter().since, utc(2026, 10, 31, 18, 30));
    QCOMPARE(bar.filter().until, utc(2026, 11, 3, 18, 30));
}

QTEST_MAIN(tst_HistoryFilterBar)
#include "tst_HistoryFilterBar.moc"
