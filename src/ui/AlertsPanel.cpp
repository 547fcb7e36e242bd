#include "ui/AlertsPanel.h"

#include "storage/OrderRecord.h"
#include "checkout/Checkout.h"
#include "ui/UiLogging.h"
#include "ui_AlertsPanel.h"

#include <QEvent>
#include <QListWidgetItem>

AlertsPanel::AlertsPanel(Checkout &checkout, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::AlertsPanel>()), m_checkout(checkout)
{
    m_ui->setupUi(this);
    QFont title = m_ui->alertsTitle->font();
    title.setBold(true);
    m_ui->alertsTitle->setFont(title);
    connect(&m_checkout, &Checkout::alertRaised, this, &AlertsPanel::addAlert);
    connect(&m_checkout, &Checkout::finished, this, [this](const QString &, PaymentState state) {
        if (state == PaymentState::Unknown || !m_unknown.isEmpty())
            refresh();
    });
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &AlertsPanel::refresh);
    connect(m_ui->checkButton, &QPushButton::clicked, this, &AlertsPanel::checkSelected);
    connect(m_ui->dismissButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->alertsList->currentRow();
        const int engineRow = row - int(m_unknown.size());
        if (engineRow >= 0 && engineRow < m_engineAlerts.size()) {
            m_engineAlerts.removeAt(engineRow);
            rebuild();
        }
    });
    connect(m_ui->alertsList, &QListWidget::currentRowChanged, this, [this](int row) {
        m_ui->checkButton->setEnabled(row >= 0);
        m_ui->dismissButton->setEnabled(row >= int(m_unknown.size())); // unknown orders stay until resolved
    });
    refresh();
}

AlertsPanel::~AlertsPanel() = default;

QString AlertsPanel::kindText(Alert::Kind kind)
{
    switch (kind) {
    case Alert::Kind::UnknownOutcome: return tr("Outcome unknown");
    case Alert::Kind::LateCharge: return tr("Charged after cancel: refund in the back office");
    case Alert::Kind::LateSuccess: return tr("Paid after expiry");
    case Alert::Kind::AmountMismatch: return tr("Amount mismatch");
    case Alert::Kind::IdentityMismatch: return tr("Gateway answered about another order");
    case Alert::Kind::LedgerFailure: return tr("Ledger write failed");
    }
    return QString();
}

void AlertsPanel::refresh()
{
    m_unknown.clear();
    const Result<QList<OrderRecord>> orders = m_checkout.unresolvedOrders(50);
    if (!orders) {
        qCWarning(lcUi) << "cannot list unknown orders:" << orders.errorCode();
    } else {
        for (const OrderRecord &order : orders.value()) {
            Alert alert;
            alert.orderId = order.orderId;
            alert.kind = Alert::Kind::UnknownOutcome;
            alert.message = order.amount.toDisplayString(locale());
            alert.at = order.updatedAt;
            m_unknown.append(alert);
        }
    }
    rebuild();
}

void AlertsPanel::addAlert(const Alert &alert)
{
    if (alert.kind == Alert::Kind::UnknownOutcome) {
        refresh();
        return;
    }
    m_engineAlerts.prepend(alert);
    rebuild();
}

void AlertsPanel::rebuild()
{
    m_ui->alertsList->clear();
    const auto addRow = [this](const Alert &alert) {
        const QString when = alert.at.isValid() ? alert.at.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
        auto *item = new QListWidgetItem(QStringLiteral("⚠ %1 · %2\n%3 %4")
                                                 .arg(kindText(alert.kind), alert.orderId, when, alert.message),
                                         m_ui->alertsList);
        item->setData(Qt::UserRole, alert.orderId);
    };
    for (const Alert &alert : std::as_const(m_unknown))
        addRow(alert);
    for (const Alert &alert : std::as_const(m_engineAlerts))
        addRow(alert);
    m_ui->alertsTitle->setText(tr("Needs attention (%1)").arg(count()));
    m_ui->checkButton->setEnabled(false);
    m_ui->dismissButton->setEnabled(false);
    setVisible(count() > 0);
    emit countChanged(count());
}

void AlertsPanel::checkSelected()
{
    const QListWidgetItem *item = m_ui->alertsList->currentItem();
    if (!item)
        return;
    const VoidResult checked = m_checkout.checkNow(item->data(Qt::UserRole).toString());
    if (!checked)
        m_ui->alertsTitle->setToolTip(checked.errorMessage());
}

int AlertsPanel::count() const
{
    return int(m_unknown.size() + m_engineAlerts.size());
}

QStringList AlertsPanel::orderIds() const
{
    QStringList ids;
    for (const Alert &alert : m_unknown)
        ids << alert.orderId;
    for (const Alert &alert : m_engineAlerts)
        ids << alert.orderId;
    return ids;
}

void AlertsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        rebuild();
    }
    QWidget::changeEvent(event);
}
