#include "ui/backoffice/HistoryView.h"

#include "backoffice/ManagerActions.h"
#include "ui/backoffice/BackOfficeUiLogging.h"
#include "ui/backoffice/HistoryFilterBar.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui/backoffice/HistoryModel.h"
#include "ui/backoffice/OrderDetailPane.h"
#include "ui/backoffice/PinDialog.h"
#include "ui_HistoryView.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QPointer>
#include <QStandardPaths>
#include <QStyle>

HistoryView::HistoryView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                         QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::HistoryView>()), m_actions(actions), m_locale(locale)
{
    m_ui->setupUi(this);
    m_filterBar = new HistoryFilterBar(clock, locale, m_ui->filterContainer);
    m_filterBar->setObjectName(QStringLiteral("historyFilterBar"));
    m_filterBar->setTimeZone(zone);
    m_ui->filterLayout->addWidget(m_filterBar);
    m_detail = new OrderDetailPane(actions, locale, zone, m_ui->detailContainer);
    m_detail->setObjectName(QStringLiteral("orderDetailPane"));
    m_ui->detailLayout->addWidget(m_detail);

    HistoryModel::Source source {
        [this](const OrderFilter &filter) { return m_actions.history(filter); },
        [this](const OrderFilter &filter) { return m_actions.countHistory(filter); },
    };
    m_model = new HistoryModel(std::move(source), locale, zone, this);
    m_ui->historyTable->setModel(m_model);
    m_ui->historyTable->verticalHeader()->hide();
    m_ui->historyTable->verticalHeader()->setDefaultSectionSize(m_ui->historyTable->fontMetrics().height() + 8);
    m_ui->historyTable->horizontalHeader()->setSortIndicator(HistoryModel::TimeColumn, Qt::DescendingOrder);
    m_ui->historyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->historyTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->filterContainer->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->historySplitter->setStretchFactor(0, 3);
    m_ui->historySplitter->setStretchFactor(1, 2);
    m_ui->historySplitter->setSizes({ 600, 400 });

    connect(m_filterBar, &HistoryFilterBar::filterChanged, this, &HistoryView::filterChanged);
    connect(m_model, &HistoryModel::loadFailed, this, [this](const QString &code, const QString &message) {
        qCInfo(lcBackOfficeUi).noquote() << "history read refused or failed:" << code;
        m_error = message;
        updateStatus();
    });
    connect(m_model, &HistoryModel::sortRefused, this, [this](const QString &message) {
        m_error = message;
        m_ui->historyTable->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        updateStatus();
    });
    connect(m_model, &HistoryModel::rowsInserted, this, &HistoryView::updateStatus);
    connect(m_model, &HistoryModel::reset, this, [this] {
        m_ui->historyTable->resizeColumnsToContents();
        fitColumns();
        updateStatus();
    });
    connect(m_ui->historyTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryView::currentRowChanged);
    connect(m_detail, &OrderDetailPane::orderChanged, this, [this](const QString &orderId) {
        refresh();
        selectOrder(orderId);
    });
    connect(m_ui->exportButton, &QPushButton::clicked, this, &HistoryView::exportCsv);
    applyFilter();
    fitColumns();
}

HistoryView::~HistoryView() = default;

int HistoryView::stateColumnNeed() const
{
    const QTableView *table = m_ui->historyTable;
    const QFontMetrics cells(table->font());
    int widest = QFontMetrics(table->horizontalHeader()->font())
                         .horizontalAdvance(m_model->headerData(HistoryModel::StateColumn, Qt::Horizontal).toString());
    for (const PaymentState state : PaymentStates::all())
        widest = qMax(widest, cells.horizontalAdvance(BackOfficeText::state(state)));
    // What a cell adds around its text: the focus frame margin on both sides, plus air.
    const int padding = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1) + 12;
    return widest + padding;
}

void HistoryView::fitColumns()
{
    QHeaderView *header = m_ui->historyTable->horizontalHeader();
    header->resizeSection(HistoryModel::StateColumn, qMax(header->sectionSize(HistoryModel::StateColumn), stateColumnNeed()));
    // A refunded sale's amount reads "₹2,356.00 (refunded ₹1,178.00, net ₹1,178.00)": sized to
    // that, the column pushed State out of sight and the other rows' right-aligned amounts
    // past the edge. It is as wide as a large plain amount; the long text is elided, whole in
    // the tooltip and the order pane.
    const QFontMetrics cells(m_ui->historyTable->font());
    const int amountNeed = cells.horizontalAdvance(BackOfficeText::money(99'99'999'00, QStringLiteral("INR"), m_locale))
                           + 2 * (m_ui->historyTable->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_ui->historyTable) + 1)
                           + 12;
    if (header->sectionSize(HistoryModel::AmountColumn) > amountNeed)
        header->resizeSection(HistoryModel::AmountColumn, amountNeed);
}

void HistoryView::setMerchantName(const QString &name)
{
    m_detail->setMerchantName(name);
}

void HistoryView::setReceiptPrinter(const QString &name)
{
    m_detail->setReceiptPrinter(name);
}

void HistoryView::refresh()
{
    applyFilter();
}

void HistoryView::selectOrder(const QString &orderId)
{
    const int row = m_model->rowOf(orderId);
    if (row >= 0)
        m_ui->historyTable->selectRow(row);
    else
        m_detail->showOrder(orderId);
}

QString HistoryView::status() const
{
    return m_ui->historyStatus->text();
}

void HistoryView::filterChanged()
{
    if (!m_filterBar->reachesBeforeToday()) {
        applyFilter();
        return;
    }
    if (m_asking && m_asking->isVisible())
        return; // already asking
    QPointer<HistoryView> self(this);
    PinDialog::requireManager(m_actions.access(), AccessControl::Action::HistoryBeyondToday, this, [self] {
        if (self)
            self->applyFilter();
    });
    // Without the PIN the table keeps what it showed and the bar goes back to today.
    const QList<PinDialog *> dialogs = findChildren<PinDialog *>(QStringLiteral("pinDialog"));
    for (PinDialog *dialog : dialogs) {
        if (!dialog->isVisible())
            continue;
        m_asking = dialog;
        connect(dialog, &QDialog::rejected, this, [self] {
            if (self)
                self->m_filterBar->setPreset(HistoryFilterBar::Preset::Today);
        });
    }
}

void HistoryView::applyFilter()
{
    m_error.clear();
    const QString current = m_detail->orderId();
    m_model->setFilter(m_filterBar->filter());
    if (!current.isEmpty() && m_model->rowOf(current) >= 0)
        m_ui->historyTable->selectRow(m_model->rowOf(current));
    updateStatus();
}

void HistoryView::currentRowChanged()
{
    const QModelIndex current = m_ui->historyTable->currentIndex();
    m_detail->showOrder(current.isValid() ? current.data(HistoryModel::OrderIdRole).toString() : QString());
}

void HistoryView::exportCsv()
{
    QPointer<HistoryView> self(this);
    PinDialog::requireManager(m_actions.access(), AccessControl::Action::Export, this, [self] {
        if (!self)
            return;
        const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                  + QStringLiteral("/counterpay-history.csv");
        const QString path = QFileDialog::getSaveFileName(self, tr("Export the filtered sales"), suggested, tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        self->exportTo(path);
    });
}

Result<qint64> HistoryView::exportTo(const QString &path)
{
    const Result<qint64> written = m_actions.exportCsv(m_model->filter(), path);
    m_error = written.ok() ? QString() : written.errorMessage();
    updateStatus();
    if (written.ok())
        m_ui->historyStatus->setText(tr("%1 orders written to %2.").arg(m_locale.toString(written.value()), path));
    return written;
}

void HistoryView::updateStatus()
{
    if (!m_error.isEmpty()) {
        m_ui->historyStatus->setText(QStringLiteral("\u26a0 ") + m_error);
        return;
    }
    const int shown = m_model->rowCount();
    m_ui->historyStatus->setText(m_model->canFetchMore({})
                                         ? tr("%1 orders shown; scroll for more.").arg(m_locale.toString(shown))
                                         : tr("%1 orders.").arg(m_locale.toString(shown)));
}
