#include "ui/backoffice/AuditLogView.h"

#include "backoffice/ManagerActions.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui_AuditLogView.h"

#include <QHeaderView>

AuditLogView::AuditLogView(ManagerActions &actions, const QLocale &locale, const QTimeZone &zone, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::AuditLogView>()), m_actions(actions), m_locale(locale), m_zone(zone)
{
    m_ui->setupUi(this);
    m_ui->auditTable->setColumnCount(6);
    m_ui->auditTable->setHorizontalHeaderLabels({ tr("Time"), tr("Who"), tr("Role"), tr("Action"), tr("Order"), tr("Detail") });
    m_ui->auditTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->auditTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->auditTable->verticalHeader()->hide();
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &AuditLogView::refresh);
}

AuditLogView::~AuditLogView() = default;

int AuditLogView::rowCount() const
{
    return m_ui->auditTable->rowCount();
}

QString AuditLogView::status() const
{
    return m_ui->auditStatus->text();
}

void AuditLogView::refresh()
{
    const Result<QList<AuditEntry>> entries = m_actions.auditLog(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC), kLimit);
    if (!entries.ok()) {
        m_ui->auditTable->setRowCount(0);
        m_ui->auditStatus->setText(QStringLiteral("\u26a0 ") + entries.errorMessage());
        return;
    }
    const QList<AuditEntry> &list = entries.value();
    m_ui->auditTable->setRowCount(int(list.size()));
    for (int row = 0; row < list.size(); ++row) {
        const AuditEntry &entry = list.at(row);
        const QStringList cells { BackOfficeText::dateTime(entry.at, m_zone, m_locale), entry.actor, entry.role,
                                  entry.action, entry.orderId, entry.detail };
        for (int column = 0; column < cells.size(); ++column)
            m_ui->auditTable->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_ui->auditStatus->setText(list.size() >= kLimit ? tr("The newest %1 entries.").arg(kLimit)
                                                     : tr("%1 entries.").arg(list.size()));
}
