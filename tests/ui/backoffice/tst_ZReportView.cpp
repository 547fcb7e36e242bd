#include "../../backoffice/LedgerSeed.h"
#include "BackOfficeRig.h"
#include "ui/backoffice/BackOfficeServices.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui/backoffice/ZReportView.h"

#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QStandardPaths>
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
    void failedRefundIsListedNotCounted();
    void dayIsTheStoresDayFromSettings();
    void pdfUsesTheScreensWords();
    void datesCannotBeMisread();

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

namespace {

BackOfficeServices servicesOf(BackOfficeRig &rig, const QLocale &locale, const QTimeZone &zone)
{
    return BackOfficeServices { *rig.actions, *rig.access, *rig.settings, rig.secrets, {}, rig.clock, locale, nullptr, zone };
}

QStringList tableCells(const ZReportView &view)
{
    QStringList cells;
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("totalsTable"));
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList line;
        for (int column = 0; column < table->columnCount(); ++column)
            line << table->item(row, column)->text();
        cells << line.join(QStringLiteral(" | "));
    }
    return cells;
}

QString label(const ZReportView &view, const char *name)
{
    return view.findChild<QLabel *>(QString::fromLatin1(name))->text();
}

// 3 Dec 2026 in Asia/Kolkata: a Google Pay direct sale of 320.00 whose refund failed (no refund
// call), a CM.com sale of 500.00 partly refunded (100.00 succeeded).
void seedRefundDay(Ledger &ledger, const QTimeZone &zone)
{
    const QDateTime noon = QDateTime(QDate(2026, 12, 3), QTime(12, 0), zone).toUTC();
    QVERIFY(insert(ledger, seedOrder(QStringLiteral("T01-GPD"), noon, 32'000, PaymentState::Charged, QStringLiteral("googlepay"),
                                     QStringLiteral("GOOGLEPAY")))
                    .ok());
    QVERIFY(insertRefund(ledger, QStringLiteral("T01-GPD"), QStringLiteral("T01-GPDR1"), 32'000, QStringLiteral("failed"),
                         noon.addSecs(600))
                    .ok());
    QVERIFY(insert(ledger, seedOrder(QStringLiteral("T01-CMC"), noon.addSecs(60), 50'000, PaymentState::PartiallyRefunded,
                                     QStringLiteral("cmcom"), QStringLiteral("GOOGLEPAY")))
                    .ok());
    QVERIFY(insertRefund(ledger, QStringLiteral("T01-CMC"), QStringLiteral("T01-CMCR1"), 10'000, QStringLiteral("succeeded"),
                         noon.addSecs(900))
                    .ok());
}

} // namespace

void tst_ZReportView::failedRefundIsListedNotCounted()
{
    BackOfficeRig rig(QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC));
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    seedRefundDay(*rig.ledger, rig.zone);
    if (QTest::currentTestFailed())
        return;
    ZReportView view(servicesOf(rig, m_locale, rig.zone));
    view.resize(1024, 600);
    view.show();
    view.showDay(QDate(2026, 12, 3));
    QVERIFY2(view.report().has_value(), qPrintable(view.message()));
    // Charged 820.00; only the CM.com 100.00 went back.
    QVERIFY2(label(view, "chargedValue").startsWith(QStringLiteral("\u20B9820.00")), qPrintable(label(view, "chargedValue")));
    QCOMPARE(label(view, "refundedValue"), QStringLiteral("\u20B9100.00"));
    QCOMPARE(label(view, "netValue"), QStringLiteral("\u20B9720.00"));
    const QStringList cells = tableCells(view);
    const QString all = cells.join(u'\n');
    // The failed refund is listed, in words, and never as money out.
    QVERIFY2(!all.contains(QStringLiteral("\u2212\u20B9320.00")) && !all.contains(QStringLiteral("-\u20B9320.00")), qPrintable(all));
    QVERIFY2(cells.contains(QStringLiteral("Google Pay (direct) | Refunds asked this day | Refund failed | 1 | \u20B9320.00 not refunded")),
             qPrintable(all));
    QVERIFY2(cells.contains(QStringLiteral("Google Pay (CM.com) | Refunds asked this day | Refunded | 1 | \u2212\u20B9100.00")),
             qPrintable(all));
    QVERIFY2(cells.contains(QStringLiteral("Google Pay (direct) | Net | 1 paid | 1 | \u20B9320.00")), qPrintable(all));
    QVERIFY2(cells.contains(QStringLiteral("Google Pay (CM.com) | Net | 1 paid | 1 | \u20B9400.00")), qPrintable(all));
}

void tst_ZReportView::dayIsTheStoresDayFromSettings()
{
    // The services' zone is UTC (a server-set terminal); the store's setting says Asia/Kolkata.
    // It is 00:40 IST on 4 Dec (19:10 UTC on the 3rd).
    BackOfficeRig rig(QDateTime(QDate(2026, 12, 3), QTime(19, 10), Qt::UTC));
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.settings->setValue(Settings::Key::TimeZone, QStringLiteral("Asia/Kolkata")).ok());
    // 23:30 IST on the 3rd (18:00 UTC) and 00:30 IST on the 4th (19:00 UTC, the same UTC date).
    QVERIFY(insert(*rig.ledger, seedOrder(QStringLiteral("T01-LATE"), QDateTime(QDate(2026, 12, 3), QTime(18, 0), Qt::UTC), 11'100,
                                          PaymentState::Charged))
                    .ok());
    QVERIFY(insert(*rig.ledger, seedOrder(QStringLiteral("T01-NEXT"), QDateTime(QDate(2026, 12, 3), QTime(19, 0), Qt::UTC), 22'200,
                                          PaymentState::Charged))
                    .ok());
    QVERIFY(rig.setPin() && rig.unlock());
    const QTimeZone utc(QByteArrayLiteral("UTC"));
    ZReportView view(servicesOf(rig, m_locale, utc));
    QCOMPARE(view.timeZone().id(), QByteArrayLiteral("Asia/Kolkata"));
    // Today is the store's today.
    QCOMPARE(view.day(), QDate(2026, 12, 4));
    view.showDay(QDate(2026, 12, 3));
    QVERIFY2(view.report().has_value(), qPrintable(view.message()));
    QCOMPARE(view.report()->sinceUtc(), QDateTime(QDate(2026, 12, 2), QTime(18, 30), Qt::UTC));
    QCOMPARE(view.report()->untilUtc(), QDateTime(QDate(2026, 12, 3), QTime(18, 30), Qt::UTC));
    QCOMPARE(label(view, "ordersValue"), QStringLiteral("1"));
    QVERIFY2(label(view, "chargedValue").startsWith(QStringLiteral("\u20B9111.00")), qPrintable(label(view, "chargedValue")));
    view.showDay(QDate(2026, 12, 4));
    QCOMPARE(label(view, "ordersValue"), QStringLiteral("1"));
    QVERIFY2(label(view, "chargedValue").startsWith(QStringLiteral("\u20B9222.00")), qPrintable(label(view, "chargedValue")));

    // The manager moves the store to Amsterdam: the view follows, and 29 Mar 2026 (clocks go
    // forward) is 23:00 UTC on the 28th to 22:00 UTC on the 29th.
    QVERIFY(rig.settings->setValue(Settings::Key::TimeZone, QStringLiteral("Europe/Amsterdam")).ok());
    QCOMPARE(view.timeZone().id(), QByteArrayLiteral("Europe/Amsterdam"));
    view.showDay(QDate(2026, 3, 29));
    QVERIFY2(view.report().has_value(), qPrintable(view.message()));
    QCOMPARE(view.report()->sinceUtc(), QDateTime(QDate(2026, 3, 28), QTime(23, 0), Qt::UTC));
    QCOMPARE(view.report()->untilUtc(), QDateTime(QDate(2026, 3, 29), QTime(22, 0), Qt::UTC));
    QVERIFY2(view.findChild<QDateEdit *>(QStringLiteral("dayEdit"))->toolTip().contains(QStringLiteral("23 hours")),
             qPrintable(view.findChild<QDateEdit *>(QStringLiteral("dayEdit"))->toolTip()));
    // Cleared: the services' zone again.
    rig.settings->reset(Settings::Key::TimeZone);
    QCOMPARE(view.timeZone(), utc);
}

void tst_ZReportView::pdfUsesTheScreensWords()
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    QVERIFY2(!pdftotext.isEmpty(), "pdftotext is missing: scripts/deps.sh installs poppler-utils");
    BackOfficeRig rig(QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC));
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    seedRefundDay(*rig.ledger, rig.zone);
    if (QTest::currentTestFailed())
        return;
    ZReportView view(servicesOf(rig, m_locale, rig.zone));
    view.setMerchantName(QStringLiteral("Sharma & Sons <Pune>"));
    view.showDay(QDate(2026, 12, 3));
    QVERIFY2(view.report().has_value(), qPrintable(view.message()));
    QCOMPARE(view.findChild<QDateEdit *>(QStringLiteral("dayEdit"))->text(), QStringLiteral("3 Dec 2026"));
    const QString pdf = m_rig->dir.filePath(QStringLiteral("words.pdf"));
    QString error;
    QVERIFY2(view.savePdf(pdf, &error), qPrintable(error));
    // To look at it: COUNTERPAY_TEST_ARTIFACTS=DIR keeps a copy (pdftoppm -png it).
    if (const QString keep = qEnvironmentVariable("COUNTERPAY_TEST_ARTIFACTS"); !keep.isEmpty()) {
        QFile::remove(keep + QStringLiteral("/z-report.pdf"));
        QFile::copy(pdf, keep + QStringLiteral("/z-report.pdf"));
    }
    QProcess extract;
    extract.start(pdftotext, { QStringLiteral("-layout"), pdf, QStringLiteral("-") });
    QVERIFY(extract.waitForFinished(20000));
    QCOMPARE(extract.exitCode(), 0);
    const QString text = QString::fromUtf8(extract.readAllStandardOutput());
    for (const QString &expected : { QStringLiteral("Sharma & Sons <Pune>"), QStringLiteral("3 Dec 2026"),
                                     QStringLiteral("00:00"), QStringLiteral("Asia/Kolkata"), QStringLiteral("Google Pay (CM.com)"),
                                     QStringLiteral("Google Pay (direct)"), QStringLiteral("Partly refunded"), QStringLiteral("Paid"),
                                     QStringLiteral("Refund failed"), QStringLiteral("not refunded"), QStringLiteral("Google Pay") }) {
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));
    }
    for (const QString &code : { QStringLiteral("cmcom"), QStringLiteral("googlepay"), QStringLiteral("partially_refunded"),
                                 QStringLiteral("charged"), QStringLiteral("GOOGLEPAY"), QStringLiteral("03/12/26"),
                                 QStringLiteral("2026-12-03"), QStringLiteral("\u2212\u20B9320.00") }) {
        QVERIFY2(!text.contains(code), qPrintable(code + QStringLiteral(" in:\n") + text));
    }
    // Every provider and state word on screen is on paper.
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("totalsTable"));
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column : { 0, 2 })
            QVERIFY2(text.contains(table->item(row, column)->text()), qPrintable(table->item(row, column)->text()));
    }
}

void tst_ZReportView::datesCannotBeMisread()
{
    const QDate day(2026, 12, 3);
    QCOMPARE(BackOfficeText::date(day, QLocale(QLocale::English, QLocale::India)), QStringLiteral("3 Dec 2026"));
    QCOMPARE(BackOfficeText::date(day, QLocale(QLocale::English, QLocale::UnitedStates)), QStringLiteral("3 Dec 2026"));
    // In Hindi the month is a Hindi word, the day and year as ever.
    const QString hindi = BackOfficeText::date(day, QLocale(QLocale::Hindi, QLocale::India));
    QVERIFY2(hindi.startsWith(QStringLiteral("3 ")) && hindi.endsWith(QStringLiteral(" 2026")), qPrintable(hindi));
    QVERIFY2(!hindi.contains(QStringLiteral("Dec")) && !hindi.contains(u'/'), qPrintable(hindi));
    // 24-hour times.
    const QTimeZone kolkata("Asia/Kolkata");
    QCOMPARE(BackOfficeText::dateTime(QDateTime(day, QTime(9, 5, 7), Qt::UTC), kolkata, QLocale(QLocale::English, QLocale::UnitedStates)),
             QStringLiteral("3 Dec 2026 14:35:07"));
}

QTEST_MAIN(tst_ZReportView)
#include "tst_ZReportView.moc"
