#include "BackOfficeRig.h"
#include "ui/backoffice/HistoryModel.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The history model over a real SQLite ledger of a few thousand orders, read as the back office
// reads it (ManagerActions, as a manager): pages of 200 as the view asks, filters applied by
// the ledger, sort orders right, nothing loaded up front.
class tst_HistoryModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void growsByPages();
    void filterApplies();
    void sortsByAmountAndTime();
    void refusesToSortAHugeSet();
    void masksPhonesAndFormatsAmounts();
    void cashierIsRefusedBeforeToday();
    void viewScrollsFetchMore();

private:
    HistoryModel::Source source();

    std::unique_ptr<BackOfficeRig> m_rig;
    Ledger *m_ledger = nullptr;
    int m_fetches = 0;
    const QDateTime m_newest = QDateTime(QDate(2026, 11, 18), QTime(9, 30), Qt::UTC);
    static constexpr int kOrders = 2500;
};

HistoryModel::Source tst_HistoryModel::source()
{
    return { [this](const OrderFilter &filter) {
                 ++m_fetches;
                 return m_rig->actions->history(filter);
             },
             [this](const OrderFilter &filter) { return m_rig->actions->countHistory(filter); } };
}

void tst_HistoryModel::initTestCase()
{
    m_rig = std::make_unique<BackOfficeRig>(m_newest.addSecs(60));
    QVERIFY2(m_rig->ready(), qPrintable(m_rig->openError));
    m_ledger = m_rig->ledger.get();
    QVERIFY(m_rig->setPin() && m_rig->unlock());
    const auto seeded = seedDemoLedger(*m_ledger, m_newest, kOrders, 30, 0);
    QVERIFY2(seeded.ok(), qPrintable(seeded.errorMessage()));
}

void tst_HistoryModel::growsByPages()
{
    HistoryModel model(source(), QLocale(QLocale::English, QLocale::India), QTimeZone::utc());
    m_fetches = 0;
    model.setFilter({});
    QCOMPARE(m_fetches, 1);
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * HistoryModel::kPageSize);
    QCOMPARE(m_fetches, 2);
    // Newest first and no duplicates across the page boundary.
    QSet<QString> seen;
    for (int row = 1; row < model.rowCount(); ++row) {
        const OrderRecord *previous = model.orderAt(row - 1);
        const OrderRecord *current = model.orderAt(row);
        QVERIFY(previous->createdAt > current->createdAt
                || (previous->createdAt == current->createdAt && previous->orderId > current->orderId));
        QVERIFY(!seen.contains(current->orderId));
        seen.insert(current->orderId);
    }
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), kOrders);
    QCOMPARE(m_fetches, kOrders / HistoryModel::kPageSize + 1);
}

void tst_HistoryModel::filterApplies()
{
    HistoryModel model(source(), QLocale(QLocale::English, QLocale::India), QTimeZone::utc());
    OrderFilter filter;
    filter.states = { PaymentState::Failed };
    filter.provider = QStringLiteral("googlepay");
    filter.since = m_newest.addDays(-10);
    filter.until = m_newest.addDays(-2);
    model.setFilter(filter);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QVERIFY(model.rowCount() > 0);
    const Result<qint64> expected = m_ledger->countOrders(filter);
    QVERIFY(expected.ok());
    QCOMPARE(qint64(model.rowCount()), expected.value());
    for (int row = 0; row < model.rowCount(); ++row) {
        const OrderRecord *order = model.orderAt(row);
        QCOMPARE(order->state, PaymentState::Failed);
        QCOMPARE(order->provider, QStringLiteral("googlepay"));
        QVERIFY(order->createdAt >= filter.since && order->createdAt < filter.until);
    }
    // A new filter starts over at one page.
    model.setFilter({});
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
}

void tst_HistoryModel::sortsByAmountAndTime()
{
    HistoryModel model(source(), QLocale(QLocale::English, QLocale::India), QTimeZone::utc());
    OrderFilter filter;
    filter.since = m_newest.addDays(-5);
    model.setFilter(filter);
    const Result<qint64> count = m_ledger->countOrders(filter);
    QVERIFY(count.ok() && count.value() > HistoryModel::kPageSize);

    model.sort(HistoryModel::AmountColumn, Qt::DescendingOrder);
    QCOMPARE(model.sortColumn(), int(HistoryModel::AmountColumn));
    QCOMPARE(qint64(model.rowCount()), count.value());
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.orderAt(row - 1)->amount.minorUnits() >= model.orderAt(row)->amount.minorUnits());
    QVERIFY(model.orderAt(0)->amount.minorUnits() > model.orderAt(model.rowCount() - 1)->amount.minorUnits());
    QCOMPARE(model.index(0, HistoryModel::AmountColumn).data(HistoryModel::MinorUnitsRole).toLongLong(),
             model.orderAt(0)->amount.minorUnits());

    model.sort(HistoryModel::AmountColumn, Qt::AscendingOrder);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.orderAt(row - 1)->amount.minorUnits() <= model.orderAt(row)->amount.minorUnits());

    model.sort(HistoryModel::TimeColumn, Qt::AscendingOrder);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.orderAt(row - 1)->createdAt <= model.orderAt(row)->createdAt);
    QVERIFY(model.orderAt(0)->createdAt >= filter.since);

    // Back to newest first: paged again.
    model.sort(HistoryModel::TimeColumn, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
    QVERIFY(model.canFetchMore({}));
}

void tst_HistoryModel::refusesToSortAHugeSet()
{
    // The whole ledger is too big to sort by amount at the bound of 10,000? No: 2,500 orders
    // are fewer. Count through a source that reports a million to check the refusal path.
    HistoryModel::Source big = source();
    big.count = [](const OrderFilter &) { return Result<qint64>(1'000'000); };
    HistoryModel model(big, QLocale(QLocale::English, QLocale::India), QTimeZone::utc());
    model.setFilter({});
    QSignalSpy refused(&model, &HistoryModel::sortRefused);
    m_fetches = 0;
    model.sort(HistoryModel::AmountColumn, Qt::DescendingOrder);
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.at(0).at(0).toString().contains(QStringLiteral("10,000")));
    QCOMPARE(m_fetches, 0);
    QCOMPARE(model.sortColumn(), int(HistoryModel::TimeColumn));
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
}

void tst_HistoryModel::masksPhonesAndFormatsAmounts()
{
    HistoryModel model(source(), QLocale(QLocale::English, QLocale::India), QTimeZone::utc());
    OrderFilter filter;
    filter.minAmountMinorUnits = 100000;
    model.setFilter(filter);
    QVERIFY(model.rowCount() > 0);
    const OrderRecord *order = model.orderAt(0);
    const QString phone = model.index(0, HistoryModel::PhoneColumn).data().toString();
    QVERIFY(phone.endsWith(order->phoneLast4));
    QCOMPARE(phone.count(QChar(u'\u2022')), 6);
    QCOMPARE(phone.size(), 10);
    // Indian grouping from integer minor units.
    const QString amount = model.index(0, HistoryModel::AmountColumn).data().toString();
    QCOMPARE(amount, order->amount.toDisplayString(QLocale(QLocale::English, QLocale::India)));
    if (order->amount.minorUnits() >= 10000000)
        QVERIFY(amount.contains(QStringLiteral(",00,")) || amount.count(QLatin1Char(',')) >= 2);
    QCOMPARE(model.headerData(HistoryModel::AmountColumn, Qt::Horizontal).toString(), QStringLiteral("Amount"));
}

void tst_HistoryModel::cashierIsRefusedBeforeToday()
{
    m_rig->access->lock();
    HistoryModel model(source(), QLocale(QLocale::English, QLocale::India), QTimeZone::utc());
    QSignalSpy failed(&model, &HistoryModel::loadFailed);
    OrderFilter filter;
    filter.since = m_newest.addDays(-3);
    model.setFilter(filter);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(model.lastErrorCode(), QStringLiteral("manager_required"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(m_rig->unlock());
}

void tst_HistoryModel::viewScrollsFetchMore()
{
    HistoryModel model(source(), QLocale(QLocale::English, QLocale::India), QTimeZone::utc());
    model.setFilter({});
    QTableView view;
    view.resize(800, 400);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
    view.scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 2 * HistoryModel::kPageSize, 5000);
    QVERIFY(model.rowCount() < kOrders);
}

QTEST_MAIN(tst_HistoryModel)
#include "tst_HistoryModel.moc"
