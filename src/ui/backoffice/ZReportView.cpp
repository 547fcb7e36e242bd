#include "ui/backoffice/ZReportView.h"

#include "backoffice/ManagerActions.h"
#include "core/Clock.h"
#include "ui/ProviderNames.h"
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

} // namespace

ZReportView::ZReportView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                         QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ZReportView>()), m_actions(actions), m_clock(clock),
      m_locale(locale), m_zone(zone)
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
    m_ui->dayEdit->setDisplayFormat(locale.dateFormat(QLocale::ShortFormat));
    m_ui->dayEdit->setDate(clock.nowUtc().toTimeZone(zone).date());
    connect(m_ui->dayEdit, &QDateEdit::dateChanged, this, &ZReportView::refresh);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &ZReportView::refresh);
    connect(m_ui->printButton, &QPushButton::clicked, this, &ZReportView::print);
    connect(m_ui->pdfButton, &QPushButton::clicked, this, &ZReportView::askPdf);
    connect(m_ui->csvButton, &QPushButton::clicked, this, &ZReportView::askCsv);
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
    m_ui->chargedValue->setText(tr("%1 (%2)").arg(report.formatAmount(report.chargedMinorUnits(), m_locale),
                                                  m_locale.toString(report.chargedCount())));
    m_ui->refundedValue->setText(report.formatAmount(report.refundedMinorUnits(), m_locale));
    m_ui->netValue->setText(report.formatAmount(report.netMinorUnits(), m_locale));

    auto addRow = [this](const QList<QTableWidgetItem *> &items, bool bold) {
        const int row = m_ui->totalsTable->rowCount();
        m_ui->totalsTable->insertRow(row);
        for (int column = 0; column < items.size(); ++column) {
            QTableWidgetItem *item = items.at(column);
            if (bold) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_ui->totalsTable->setItem(row, column, item);
        }
    };
    for (const ZReport::Line &line : report.lines()) {
        addRow({ cell(ProviderNames::display(line.provider)), cell(line.method), cell(BackOfficeText::state(line.state)),
                 cell(m_locale.toString(line.count), true),
                 cell(BackOfficeText::money(line.amountMinorUnits, line.currency, m_locale), true) },
               false);
    }
    for (const ZReport::RefundLine &line : report.refundLines()) {
        addRow({ cell(ProviderNames::display(line.provider)), cell(tr("refund asked this day")), cell(line.state),
                 cell(m_locale.toString(line.count), true),
                 cell(BackOfficeText::money(-line.amountMinorUnits, line.currency, m_locale), true) },
               false);
    }
    for (const ZReport::Subtotal &subtotal : report.providerSubtotals()) {
        addRow({ cell(ProviderNames::display(subtotal.provider)), cell(tr("net")), cell(tr("%1 paid").arg(subtotal.chargedCount)),
                 cell(m_locale.toString(subtotal.orders), true),
                 cell(report.formatAmount(subtotal.netMinorUnits(), m_locale), true) },
               true);
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
        writer.setTitle(tr("Z report %1").arg(m_report->day().toString(Qt::ISODate)));
        writer.setCreator(QStringLiteral("CounterPay"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        QTextDocument document;
        document.setHtml(m_report->toHtml(m_merchantName, m_locale));
        document.print(&writer);
    } // the writer finishes the file when it goes
    if (QFileInfo(path).size() > 0)
        return true;
    if (error)
        *error = tr("Cannot write %1.").arg(path);
    return false;
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
    document.setHtml(m_report->toHtml(m_merchantName, m_locale));
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
