#include "ui/backoffice/ReconcileView.h"

#include "backoffice/Reconciler.h"
#include "core/Clock.h"
#include "gateway/ProviderRules.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui/backoffice/PinDialog.h"
#include "ui_ReconcileView.h"

#include <QHeaderView>
#include <QPointer>

namespace {
enum Column { OrderColumn, ProviderColumn, LedgerColumn, GatewayColumn, AmountColumn, DifferenceColumn, ColumnCount };
}

ReconcileView::ReconcileView(Reconciler *reconciler, AccessControl &access, const Clock &clock, const QLocale &locale,
                             const QTimeZone &zone, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ReconcileView>()), m_reconciler(reconciler), m_access(access),
      m_clock(clock), m_locale(locale), m_zone(zone)
{
    m_ui->setupUi(this);
    m_ui->differencesTable->setColumnCount(ColumnCount);
    m_ui->differencesTable->setHorizontalHeaderLabels(
            { tr("Order"), tr("Provider"), tr("Ledger says"), tr("Gateway says"), tr("Amounts"), tr("Difference") });
    m_ui->differencesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->differencesTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->differencesTable->verticalHeader()->hide();
    m_ui->dayEdit->setDisplayFormat(locale.dateFormat(QLocale::ShortFormat));
    m_ui->dayEdit->setDate(clock.nowUtc().toTimeZone(zone).date());
    m_ui->progressBar->hide();
    connect(m_ui->runButton, &QPushButton::clicked, this, &ReconcileView::run);
    if (!m_reconciler) {
        m_ui->runButton->setEnabled(false);
        m_ui->reconcileStatus->setText(tr("No gateway is configured, so there is nobody to ask."));
        return;
    }
    connect(m_reconciler, &Reconciler::progress, this, [this](int done, int total) {
        m_ui->progressBar->setMaximum(qMax(1, total));
        m_ui->progressBar->setValue(done);
        m_ui->reconcileStatus->setText(tr("Checked %1 of %2 orders.").arg(done).arg(total));
    });
    connect(m_reconciler, &Reconciler::finished, this, &ReconcileView::showLines);
    connect(m_reconciler, &Reconciler::failed, this, [this](const QString &message) {
        m_ui->runButton->setEnabled(true);
        m_ui->progressBar->hide();
        m_ui->reconcileStatus->setText(QStringLiteral("\u26a0 ") + message);
    });
}

ReconcileView::~ReconcileView() = default;

QString ReconcileView::status() const
{
    return m_ui->reconcileStatus->text();
}

void ReconcileView::run()
{
    if (!m_reconciler || m_reconciler->isRunning())
        return;
    const QDate today = m_clock.nowUtc().toTimeZone(m_zone).date();
    if (m_ui->dayEdit->date() >= today) {
        start();
        return;
    }
    QPointer<ReconcileView> self(this);
    PinDialog::requireManager(m_access, AccessControl::Action::HistoryBeyondToday, this, [self] {
        if (self)
            self->start();
    });
}

void ReconcileView::start()
{
    m_access.noteActivity();
    m_ui->differencesTable->setRowCount(0);
    m_ui->runButton->setEnabled(false);
    m_ui->progressBar->setValue(0);
    m_ui->progressBar->show();
    m_ui->reconcileStatus->setText(tr("Asking the gateways…"));
    m_reconciler->run(m_ui->dayEdit->date(), m_zone);
}

void ReconcileView::showLines(const QList<ReconciliationLine> &lines)
{
    m_ui->runButton->setEnabled(m_reconciler != nullptr);
    m_ui->progressBar->hide();
    m_ui->differencesTable->setRowCount(int(lines.size()));
    for (int row = 0; row < lines.size(); ++row) {
        const ReconciliationLine &line = lines.at(row);
        const QString gatewayAmount = line.gatewayAmountMinorUnits < 0
                                              ? tr("none")
                                              : BackOfficeText::money(line.gatewayAmountMinorUnits, line.currency, m_locale);
        const QStringList cells { line.orderId, ProviderRules::displayName(line.provider), BackOfficeText::state(line.ledgerState),
                                  line.gatewayState == QLatin1String("error") ? tr("no answer")
                                                                              : BackOfficeText::state(line.gatewayState),
                                  tr("%1 / %2").arg(BackOfficeText::amountWithNet(line.ledgerAmountMinorUnits,
                                                                                  line.ledgerRefundedMinorUnits,
                                                                                  line.ledgerNetMinorUnits, line.currency,
                                                                                  m_locale),
                                                    gatewayAmount),
                                  line.difference };
        for (int column = 0; column < cells.size(); ++column)
            m_ui->differencesTable->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_ui->reconcileStatus->setText(lines.isEmpty() ? tr("The ledger and the gateways agree on every doubtful order.")
                                                   : tr("%1 differences to look at.").arg(lines.size()));
}
