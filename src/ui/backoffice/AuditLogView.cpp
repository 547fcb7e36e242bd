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

QString AuditLogView::cell(int row, int column) const
{
    const QTableWidgetItem *item = m_ui->auditTable->item(row, column);
    return item ? item->text() : QString();
}

QString AuditLogView::actionWords(const QString &code)
{
    static const std::pair<const char *, const char *> words[] = {
        { "login_ok", QT_TR_NOOP("Manager PIN accepted") },
        { "login_failed", QT_TR_NOOP("Wrong manager PIN") },
        { "login_locked_out", QT_TR_NOOP("PIN refused (locked)") },
        { "pin_set", QT_TR_NOOP("Manager PIN set") },
        { "pin_changed", QT_TR_NOOP("Manager PIN changed") },
        { "lock", QT_TR_NOOP("Locked") },
        { "idle_lock", QT_TR_NOOP("Locked when idle") },
        { "denied", QT_TR_NOOP("Refused: manager only") },
        { "settings_changed", QT_TR_NOOP("Settings changed") },
        { "secrets_changed", QT_TR_NOOP("Gateway keys replaced") },
        { "secret_changed", QT_TR_NOOP("Credential changed") },
        { "export", QT_TR_NOOP("Exported") },
        { "export_failed", QT_TR_NOOP("Export failed") },
        { "resolve_unknown", QT_TR_NOOP("Unknown payment settled") },
        { "refund", QT_TR_NOOP("Refund requested") },
        { "refund_done", QT_TR_NOOP("Refunded") },
        { "refund_refused", QT_TR_NOOP("Refund refused") },
        { "refund_unknown", QT_TR_NOOP("Refund outcome unknown") },
    };
    for (const auto &[name, text] : words) {
        if (code == QLatin1String(name))
            return tr(text);
    }
    return code;
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
                                  actionWords(entry.action), entry.orderId, entry.detail };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 3) {
                item->setData(Qt::UserRole, entry.action);
                item->setToolTip(entry.action);
            }
            m_ui->auditTable->setItem(row, column, item);
        }
    }
    m_ui->auditStatus->setText(list.size() >= kLimit ? tr("The newest %1 entries.").arg(kLimit)
                                                     : tr("%1 entries.").arg(list.size()));
}
