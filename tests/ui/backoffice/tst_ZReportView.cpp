#include "BackOfficeRig.h"
#include "ui/backoffice/ZReportView.h"

#include <QFile>
#include <QLabel>
#include <QTableWidget>

// The Z report view over a seeded real ledger: the totals it shows equal the orders' own sums,
// and Save as PDF writes a real PDF.
class tst_ZReportView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheDaysTotals();
    void savesAValidPdf();
    void emptyDaySaysSo();

private:
    struct Sums
    {
        qint64 orders = 0;
        qint64 charged = 0;
        qint64 chargedMinor = 0;
    };
    Sums sumDay(const QDate &day);

    std::unique_ptr<BackOfficeRig> m_rig;
    const QLocale m_locale = QLocale(QLocale::English, QLocale::India);
};

void tst_ZReportView::initTestCase()
{
    m_rig = std::make_unique<BackOfficeRig>();
    QVERIFY2(m_rig->ready(), qPrintable(m_rig->openError));
    const auto seeded = seedDemoLedger(*m_rig->ledger, m_rig->clock.nowUtc().addSecs(-60), 300, 10, 0);
    QVERIFY2(seeded.ok(), qPrintable(seeded.errorMessage()));
}

tst_ZReportView::Sums tst_ZReportView::sumDay(const QDate &day)
{
    // Independently of ZReport: every order of the local day, summed here.
    OrderFilter filter;
    filter.since = QDateTime(day, QTime(0, 0), m_rig->zone).toUTC();
    filter.until = QDateTime(day.addDays(1), QTime(0, 0), m_rig->zone).toUTC();
    filter.limit = 100000;
    Sums sums;
    for (const OrderRecord &order : m_rig->ledger->findOrders(filter).value()) {
        ++sums.orders;
        if (order.state == PaymentState::Charged || order.state == PaymentState::PartiallyRefunded
            || order.state == PaymentState::Refunded) {
            ++sums.charged;
            sums.chargedMinor += order.amount.minorUnits();
        }
    }
    return sums;
}

void tst_ZReportView::showsTheDaysTotals()
{
    ZReportView view(*m_rig->actions, m_rig->clock, m_locale, m_rig->zone);
    view.resize(1024, 600);
    view.show();
    const QDate yesterday = m_rig->clock.nowUtc().toTimeZone(m_rig->zone).date().addDays(-1);
    // Before today needs a manager: a cashier sees the refusal, not the figures.
    view.showDay(yesterday);
    QVERIFY(!view.report());
    QVERIFY2(view.message().contains(QStringLiteral("manager"), Qt::CaseInsensitive), qPrintable(view.message()));
    QVERIFY(m_rig->setPin() && m_rig->unlock());
    view.showDay(yesterday);
    QVERIFY2(view.report().has_value(), qPrintable(view.message()));
    const Sums sums = sumDay(yesterday);
    QVERIFY(sums.orders > 10);
    auto text = [&view](const char *name) { return view.findChild<QLabel *>(QString::fromLatin1(name))->text(); };
    QCOMPARE(text("ordersValue"), m_locale.toString(sums.orders));
    const QString charged = Money::fromMinorUnits(sums.chargedMinor, Currency::inr()).value().toDisplayString(m_locale);
    QVERIFY2(text("chargedValue").startsWith(charged), qPrintable(text("chargedValue") + QStringLiteral(" vs ") + charged));
    QVERIFY(text("chargedValue").contains(m_locale.toString(sums.charged)));
    QCOMPARE(text("refundedValue"), Money::fromMinorUnits(0, Currency::inr()).value().toDisplayString(m_locale));
    QCOMPARE(text("netValue"), charged);
    // One table row per provider/method/state line plus a net row per provider.
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("totalsTable"));
    const std::optional<ZReport> shown = view.report(); // a copy: report() returns by value
    QVERIFY(shown.has_value());
    const ZReport &report = *shown;
    QCOMPARE(table->rowCount(), int(report.lines().size() + report.refundLines().size() + report.providerSubtotals().size()));
    qint64 counted = 0;
    for (int row = 0; row < report.lines().size(); ++row)
        counted += m_locale.toLongLong(table->item(row, 3)->text());
    QCOMPARE(counted, sums.orders);
}

void tst_ZReportView::savesAValidPdf()
{
    QVERIFY(m_rig->access->role() == AccessControl::Role::Manager || (m_rig->setPin() && m_rig->unlock()));
    ZReportView view(*m_rig->actions, m_rig->clock, m_locale, m_rig->zone);
    view.setMerchantName(QStringLiteral("Sharma General Store"));
    view.showDay(m_rig->clock.nowUtc().toTimeZone(m_rig->zone).date());
    QVERIFY2(view.report().has_value(), qPrintable(view.message()));
    const QString path = m_rig->dir.filePath(QStringLiteral("z.pdf"));
    QString error;
    QVERIFY2(view.savePdf(path, &error), qPrintable(error));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY2(bytes.size() > 2000, qPrintable(QString::number(bytes.size())));
    QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    // An unwritable path is an error, not a crash.
    QVERIFY(!view.savePdf(m_rig->dir.filePath(QStringLiteral("no/such/dir/z.pdf")), &error));
    QVERIFY(!error.isEmpty());
}

void tst_ZReportView::emptyDaySaysSo()
{
    QVERIFY(m_rig->access->role() == AccessControl::Role::Manager || m_rig->unlock());
    ZReportView view(*m_rig->actions, m_rig->clock, m_locale, m_rig->zone);
    view.showDay(QDate(2020, 1, 1));
    QVERIFY(view.report().has_value());
    QCOMPARE(view.report()->orderCount(), qint64(0));
    QVERIFY(view.message().contains(QStringLiteral("No sales")));
}

QTEST_MAIN(tst_ZReportView)
#include "tst_ZReportView.moc"
