#include "ui/backoffice/ZReportView.h"

#include "backoffice/ManagerActions.h"
#include "backoffice/Settings.h"
#include "core/Clock.h"
#include "gateway/ProviderRules.h"
#include "ui/backoffice/BackOfficeServices.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui/backoffice/PinDialog.h"
#include "ui_ZReportView.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QPageLayout>
#include <QPdfWriter>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QStandardPaths>
#include <QTextDocument>

namespace {

enum Column { ProviderColumn, MethodColumn, StateColumn, CountColumn, AmountColumn, ColumnCount };

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// One row of the report as a person reads it: the table on screen and the printed document
// are both made of these, so they cannot use different words.
struct ShownRow
{
    QString provider;
    QString what;
    QString state;
    QString count;
    QString amount;
    bool subtotal = false;
};

QString methodName(const QString &method)
{
    if (method == QLatin1String("GOOGLEPAY"))
        return ZReportView::tr("Google Pay");
    return method;
}

QList<ShownRow> shownRows(const ZReport &report, const QLocale &locale)
{
    QList<ShownRow> rows;
    for (const ZReport::Line &line : report.lines()) {
        rows.append({ ProviderRules::displayName(line.provider), methodName(line.method), BackOfficeText::state(line.state),
                      locale.toString(line.count), BackOfficeText::money(line.amountMinorUnits, line.currency, locale) });
    }
    for (const ZReport::RefundLine &line : report.refundLines()) {
        // Only a refund that went back (or is pending at the provider) is money out; a failed or
        // unresolved one is listed so the manager sees it, never as a minus.
        const QString amount = ZReport::refundCounts(line.state)
                ? BackOfficeText::money(-line.amountMinorUnits, line.currency, locale)
                : ZReportView::tr("%1 not refunded").arg(BackOfficeText::money(line.amountMinorUnits, line.currency, locale));
        rows.append({ ProviderRules::displayName(line.provider), ZReportView::tr("Refunds asked this day"),
                      BackOfficeText::refundState(line.state), locale.toString(line.count), amount });
    }
    for (const ZReport::Subtotal &subtotal : report.providerSubtotals()) {
        rows.append({ ProviderRules::displayName(subtotal.provider), ZReportView::tr("Net"),
                      ZReportView::tr("%1 paid").arg(locale.toString(subtotal.chargedCount)), locale.toString(subtotal.orders),
                      BackOfficeText::money(subtotal.netMinorUnits(), report.currency(), locale), true });
    }
    return rows;
}

QString period(const ZReport &report, const QLocale &locale)
{
    const QDateTime since = report.sinceUtc().toTimeZone(report.zone());
    const QDateTime until = report.untilUtc().toTimeZone(report.zone());
    const qint64 hours = report.sinceUtc().secsTo(report.untilUtc()) / 3600;
    return ZReportView::tr("%1 %2 to %3 %4 (%5, %n hours)", nullptr, int(hours))
            .arg(BackOfficeText::date(since.date(), locale), since.time().toString(QStringLiteral("HH:mm")),
                 BackOfficeText::date(until.date(), locale), until.time().toString(QStringLiteral("HH:mm")),
                 QString::fromLatin1(report.zone().id()));
}

} // namespace

ZReportView::ZReportView(const BackOfficeServices &services, QWidget *parent)
    : ZReportView(services.actions, services.clock, services.locale, services.zone, &services.settings, parent)
{
}

ZReportView::ZReportView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                         QWidget *parent)
    : ZReportView(actions, clock, locale, zone, nullptr, parent)
{
}

ZReportView::ZReportView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                         Settings *settings, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ZReportView>()), m_actions(actions), m_clock(clock),
      m_locale(locale), m_zone(zone), m_fallbackZone(zone), m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->totalsTable->setColumnCount(ColumnCount);
    m_ui->totalsTable->setHorizontalHeaderLabels({ tr("Provider"), tr("Method"), tr("State"), tr("Count"), tr("Amount") });
    // The provider column takes the spare width, so each amount stays next to its count.
    m_ui->totalsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->totalsTable->horizontalHeader()->setSectionResizeMode(ProviderColumn, QHeaderView::Stretch);
    m_ui->totalsTable->horizontalHeader()->setStretchLastSection(false);
    m_ui->totalsTable->verticalHeader()->hide();
    QFont big = m_ui->netValue->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    for (QLabel *value : { m_ui->ordersValue, m_ui->chargedValue, m_ui->refundedValue, m_ui->netValue })
        value->setFont(big);
    m_ui->reportMessage->hide();
    m_ui->dayEdit->setLocale(locale);
    m_ui->dayEdit->setDisplayFormat(BackOfficeText::dateFormat());
    if (m_settings) {
        m_zone = ZReport::storeZone(m_settings->string(Settings::Key::TimeZone), m_fallbackZone);
        connect(m_settings, &Settings::changed, this, [this](Settings::Key key) {
            if (key == Settings::Key::TimeZone)
                applyZone();
        });
    }
    m_ui->dayEdit->setDate(clock.nowUtc().toTimeZone(m_zone).date());
    connect(m_ui->dayEdit, &QDateEdit::dateChanged, this, &ZReportView::refresh);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &ZReportView::refresh);
    connect(m_ui->printButton, &QPushButton::clicked, this, &ZReportView::print);
    connect(m_ui->pdfButton, &QPushButton::clicked, this, &ZReportView::askPdf);
    connect(m_ui->csvButton, &QPushButton::clicked, this, &ZReportView::askCsv);
}

void ZReportView::applyZone()
{
    const QTimeZone zone = ZReport::storeZone(m_settings->string(Settings::Key::TimeZone), m_fallbackZone);
    if (zone == m_zone)
        return;
    // The same calendar day, now bounded in the new zone.
    m_zone = zone;
    if (m_report)
        refresh();
}

ZReportView::~ZReportView() = default;

void ZReportView::showDay(const QDate &day)
{
    if (m_ui->dayEdit->date() == day)
        refresh();
    else
        m_ui->dayEdit->setDate(day);
}

QDate ZReportView::day() const
{
    return m_ui->dayEdit->date();
}

QString ZReportView::message() const
{
    return m_ui->reportMessage->isHidden() ? QString() : m_ui->reportMessage->text();
}

void ZReportView::refresh()
{
    m_ui->reportMessage->hide();
    m_ui->totalsTable->setRowCount(0);
    const Result<ZReport> built = m_actions.zReport(day(), m_zone);
    if (!built.ok()) {
        m_report.reset();
        for (QLabel *value : { m_ui->ordersValue, m_ui->chargedValue, m_ui->refundedValue, m_ui->netValue })
            value->setText(QStringLiteral("\u2014"));
        showMessage(built.errorMessage(), true);
        return;
    }
    m_report = built.value();
    const ZReport &report = *m_report;
    m_ui->ordersValue->setText(m_locale.toString(report.orderCount()));
    m_ui->chargedValue->setText(tr("%1 (%2)").arg(BackOfficeText::money(report.chargedMinorUnits(), report.currency(), m_locale),
                                                  m_locale.toString(report.chargedCount())));
    m_ui->refundedValue->setText(BackOfficeText::money(report.refundedMinorUnits(), report.currency(), m_locale));
    m_ui->netValue->setText(BackOfficeText::money(report.netMinorUnits(), report.currency(), m_locale));
    m_ui->dayEdit->setToolTip(period(report, m_locale));

    for (const ShownRow &shown : shownRows(report, m_locale)) {
        const int row = m_ui->totalsTable->rowCount();
        m_ui->totalsTable->insertRow(row);
        const QList<QTableWidgetItem *> items { cell(shown.provider), cell(shown.what), cell(shown.state),
                                                cell(shown.count, true), cell(shown.amount, true) };
        for (int column = 0; column < items.size(); ++column) {
            QTableWidgetItem *item = items.at(column);
            if (shown.subtotal) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_ui->totalsTable->setItem(row, column, item);
        }
    }
    if (!report.otherCurrencies().isEmpty())
        showMessage(tr("Lines in %1 are listed but not in the totals.").arg(report.otherCurrencies().join(QStringLiteral(", "))),
                    false);
    else if (report.orderCount() == 0)
        showMessage(tr("No sales on this day."), false);
}

bool ZReportView::savePdf(const QString &path, QString *error) const
{
    if (!m_report) {
        if (error)
            *error = tr("There is no report to save.");
        return false;
    }
    {
        QPdfWriter writer(path);
        writer.setTitle(tr("Z report %1").arg(BackOfficeText::date(m_report->day(), m_locale)));
        writer.setCreator(QStringLiteral("CounterPay"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        QTextDocument document;
        document.setHtml(documentHtml(*m_report, m_merchantName, m_locale));
        document.print(&writer);
    } // the writer finishes the file when it goes
    if (QFileInfo(path).size() > 0)
        return true;
    if (error)
        *error = tr("Cannot write %1.").arg(path);
    return false;
}

QString ZReportView::documentHtml(const ZReport &report, const QString &merchantName, const QLocale &locale)
{
    const auto esc = [](const QString &text) { return text.toHtmlEscaped(); };
    QString html;
    html += QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>")
                    .arg(esc(tr("Z report %1").arg(BackOfficeText::date(report.day(), locale))));
    html += QStringLiteral("<h1>%1</h1><h2>%2</h2><p>%3</p>")
                    .arg(esc(merchantName), esc(tr("End of day (Z report): %1").arg(BackOfficeText::date(report.day(), locale))),
                         esc(period(report, locale)));

    html += QStringLiteral("<h3>%1</h3><table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
                           "<tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
                    .arg(esc(tr("Totals")), esc(tr("Provider")), esc(tr("Method")), esc(tr("State")), esc(tr("Count")),
                         esc(tr("Amount")));
    const auto row = [&html](const QStringList &cells, bool bold) {
        html += QStringLiteral("<tr>");
        for (int i = 0; i < cells.size(); ++i) {
            // Provider, state and amount on one line each: a name or a figure is never split.
            const QString attributes = (i >= 3 ? QStringLiteral(" align=\"right\"") : QString())
                    + (i == 1 ? QString() : QStringLiteral(" style=\"white-space: nowrap\""));
            const QString text = cells.at(i).toHtmlEscaped();
            html += QStringLiteral("<td%1>%2</td>").arg(attributes, bold ? u"<b>" + text + u"</b>" : text);
        }
        html += QStringLiteral("</tr>");
    };
    for (const ShownRow &shown : shownRows(report, locale))
        row({ shown.provider, shown.what, shown.state, shown.count, shown.amount }, shown.subtotal);
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><table cellpadding=\"4\">").arg(esc(tr("Day's totals")));
    const auto total = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QString currency = report.currency();
    total(tr("Orders"), locale.toString(report.orderCount()));
    total(tr("Paid sales"), locale.toString(report.chargedCount()));
    total(tr("Charged"), BackOfficeText::money(report.chargedMinorUnits(), currency, locale));
    total(tr("Refunded of these sales"), BackOfficeText::money(report.refundedMinorUnits(), currency, locale));
    total(tr("Net"), BackOfficeText::money(report.netMinorUnits(), currency, locale));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Refunds asked in CounterPay this day (of any day's sales) that went back or are pending: %1, %2. "
                                "Failed refunds are listed above and not counted.")
                                     .arg(locale.toString(report.refundCount()),
                                          BackOfficeText::money(report.refundsAskedMinorUnits(), currency, locale))));
    if (!report.otherCurrencies().isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Not in these totals: sales in %1.").arg(report.otherCurrencies().join(QStringLiteral(", ")))));
    html += QStringLiteral("</body></html>");
    return html;
}

void ZReportView::print()
{
    if (!m_report)
        return;
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument document;
    document.setHtml(documentHtml(*m_report, m_merchantName, m_locale));
    document.print(&printer);
}

void ZReportView::askPdf()
{
    if (!m_report)
        return;
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/')
                              + QStringLiteral("z-report-%1.pdf").arg(day().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the Z report"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (savePdf(path, &error))
        showMessage(tr("Saved %1.").arg(path), false);
    else
        showMessage(error, true);
}

void ZReportView::askCsv()
{
    QPointer<ZReportView> self(this);
    PinDialog::requireManager(m_actions.access(), AccessControl::Action::Export, this, [self] {
        if (!self || !self->m_report)
            return;
        const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/')
                                  + QStringLiteral("sales-%1.csv").arg(self->day().toString(Qt::ISODate));
        const QString path = QFileDialog::getSaveFileName(self, tr("Export the day's sales"), suggested, tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        OrderFilter filter;
        filter.since = self->m_report->sinceUtc();
        filter.until = self->m_report->untilUtc();
        const Result<qint64> written = self->m_actions.exportCsv(filter, path);
        self->showMessage(written.ok() ? tr("%1 orders written to %2.").arg(self->m_locale.toString(written.value()), path)
                                       : written.errorMessage(),
                          !written.ok());
    });
}

void ZReportView::showMessage(const QString &text, bool error)
{
    m_ui->reportMessage->setText(text);
    m_ui->reportMessage->setStyleSheet(error ? QStringLiteral("color: #ffffff; background: #b31d1d; padding: 2px 6px; "
                                                              "border-radius: 4px;")
                                             : QString());
    m_ui->reportMessage->setVisible(!text.isEmpty());
}
