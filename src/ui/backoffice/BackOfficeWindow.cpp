#include "ui/backoffice/BackOfficeWindow.h"

#include "backoffice/ManagerActions.h"
#include "backoffice/Settings.h"
#include "gateway/PaymentGateway.h"
#include "ui/backoffice/AuditLogView.h"
#include "ui/backoffice/ChartsView.h"
#include "ui/backoffice/HistoryFilterBar.h"
#include "ui/backoffice/HistoryView.h"
#include "ui/backoffice/PinDialog.h"
#include "ui/backoffice/ReconcileView.h"
#include "ui/backoffice/SettingsDialog.h"
#include "ui/backoffice/ZReportView.h"
#include "ui_BackOfficeWindow.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QKeyEvent>
#include <QPointer>
#include <QShortcut>

BackOfficeWindow::BackOfficeWindow(BackOfficeServices services, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::BackOfficeWindow>()), m_services(std::move(services))
{
    m_ui->setupUi(this);
    const BackOfficeServices &s = m_services;
    m_history = new HistoryView(s.actions, s.clock, s.locale, s.zone, m_ui->historyTab);
    m_ui->historyTabLayout->addWidget(m_history);
    m_zReport = new ZReportView(s, m_ui->endOfDayTab);
    m_ui->endOfDayTabLayout->addWidget(m_zReport);
    m_charts = new ChartsView(s, m_ui->chartsTab);
    m_ui->chartsTabLayout->addWidget(m_charts);
    m_reconcile = new ReconcileView(s.reconciler, s.access, s.clock, s.locale, s.zone, m_ui->reconcileTab);
    m_ui->reconcileTabLayout->addWidget(m_reconcile);
    m_audit = new AuditLogView(s.actions, s.locale, s.zone, m_ui->auditTab);
    m_ui->auditTabLayout->addWidget(m_audit);
    m_settingsPage = new SettingsDialog(s.settings, s.access, s.gateways, &s.secrets, m_ui->settingsTab);
    m_settingsPage->setWindowFlags(Qt::Widget);
    m_ui->settingsTabLayout->addWidget(m_settingsPage);

    auto applySettings = [this] {
        const QString name = m_services.settings.string(Settings::Key::MerchantName);
        m_ui->merchantLabel->setText(name);
        m_history->setMerchantName(name);
        m_history->setReceiptPrinter(m_services.settings.string(Settings::Key::PrinterName));
        m_zReport->setMerchantName(name);
        updateSetupButton();
    };
    applySettings();
    QFont title = m_ui->merchantLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_ui->merchantLabel->setFont(title);
    connect(&m_services.settings, &Settings::changed, this, applySettings);

    connect(m_ui->tabs, &QTabWidget::currentChanged, this, &BackOfficeWindow::tabChosen);
    connect(&m_services.access, &AccessControl::roleChanged, this, &BackOfficeWindow::roleChanged);
    connect(m_ui->lockButton, &QPushButton::clicked, this, &BackOfficeWindow::lockClicked);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QWidget::close);
    connect(m_ui->setupButton, &QPushButton::clicked, this, &BackOfficeWindow::setupRequested);
    // Esc is not a shortcut (see keyPressEvent): a widget or dialog that uses it comes first.
    for (const QKeySequence &key : { QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_F10) }) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &BackOfficeWindow::closeFromKeyboard);
    }
    roleChanged(m_services.access.role());
    qApp->installEventFilter(this);
    resize(1024, 600);
}

BackOfficeWindow::~BackOfficeWindow()
{
    qApp->removeEventFilter(this);
}

bool BackOfficeWindow::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type == QEvent::KeyPress || type == QEvent::MouseButtonPress || type == QEvent::Wheel) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && (widget == this || isAncestorOf(widget)))
            m_services.access.noteActivity();
    }
    return QMainWindow::eventFilter(watched, event);
}

void BackOfficeWindow::keyPressEvent(QKeyEvent *event)
{
    // Reaches here only when no widget of the window took it (an open popup, an item editor).
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        event->accept();
        closeFromKeyboard();
        return;
    }
    QMainWindow::keyPressEvent(event);
}

void BackOfficeWindow::closeFromKeyboard()
{
    if (hasOpenDialog())
        return;
    close();
}

bool BackOfficeWindow::hasOpenDialog() const
{
    const QList<QDialog *> dialogs = findChildren<QDialog *>();
    for (const QDialog *dialog : dialogs) {
        // The settings page is a QDialog shown as a tab, not a dialog over the window.
        if (dialog->isVisible() && dialog->isWindow())
            return true;
    }
    return false;
}

void BackOfficeWindow::updateSetupButton()
{
    m_ui->setupButton->setVisible(m_services.settings.string(Settings::Key::Environment) == QLatin1String("demo"));
}

void BackOfficeWindow::showTab(Tab tab)
{
    m_ui->tabs->setCurrentIndex(int(tab));
}

BackOfficeWindow::Tab BackOfficeWindow::currentTab() const
{
    return Tab(m_ui->tabs->currentIndex());
}

bool BackOfficeWindow::managerOnly(Tab tab)
{
    return tab == Tab::AuditLog || tab == Tab::Settings;
}

AccessControl::Action BackOfficeWindow::actionFor(Tab tab)
{
    return tab == Tab::AuditLog ? AccessControl::Action::ViewAudit : AccessControl::Action::Settings;
}

void BackOfficeWindow::tabChosen(int index)
{
    if (m_switching)
        return;
    const Tab tab = Tab(index);
    if (!managerOnly(tab) || m_services.access.require(actionFor(tab)).ok()) {
        m_shownIndex = index;
        enterTab(tab);
        return;
    }
    // Stay where we were until the PIN is given.
    m_switching = true;
    m_ui->tabs->setCurrentIndex(m_shownIndex);
    m_switching = false;
    QPointer<BackOfficeWindow> self(this);
    PinDialog::requireManager(m_services.access, actionFor(tab), this, [self, index] {
        if (!self)
            return;
        self->m_switching = true;
        self->m_ui->tabs->setCurrentIndex(index);
        self->m_switching = false;
        self->m_shownIndex = index;
        self->enterTab(Tab(index));
    });
}

void BackOfficeWindow::enterTab(Tab tab)
{
    switch (tab) {
    case Tab::History: m_history->refresh(); break;
    case Tab::EndOfDay: m_zReport->showDay(m_zReport->day()); break;
    case Tab::Charts: m_charts->refresh(); break;
    case Tab::Reconciliation: break;
    case Tab::AuditLog: m_audit->refresh(); break;
    case Tab::Settings: m_settingsPage->load(); break;
    }
}

void BackOfficeWindow::roleChanged(AccessControl::Role role)
{
    const bool manager = role == AccessControl::Role::Manager;
    updateProviders();
    m_ui->roleLabel->setText(manager ? tr("Manager") : tr("Cashier"));
    m_ui->roleLabel->setStyleSheet(manager ? QStringLiteral("color: #ffffff; background: #1d6b33; padding: 3px 10px; "
                                                            "border-radius: 4px; font-weight: bold;")
                                           : QStringLiteral("color: #000000; background: #d9d9d9; padding: 3px 10px; "
                                                            "border-radius: 4px; font-weight: bold;"));
    m_ui->lockButton->setText(manager ? tr("&Lock") : tr("Manager &PIN…"));
    if (manager)
        return;
    // Back to cashier: leave manager-only tabs and views that reach before today.
    if (managerOnly(currentTab()))
        showTab(Tab::History);
    if (m_history->filterBar()->reachesBeforeToday())
        m_history->filterBar()->setPreset(HistoryFilterBar::Preset::Today);
    else
        m_history->refresh();
}

void BackOfficeWindow::updateProviders()
{
    QList<std::pair<QString, QString>> pairs;
    for (PaymentGateway *gateway : std::as_const(m_services.gateways))
        pairs.append({ gateway->providerName(), QString() });
    // And whatever the ledger saw lately (a manager may read the last 30 days).
    OrderFilter recent;
    recent.since = m_services.actions.startOfTodayUtc().addDays(-30);
    if (m_services.access.role() != AccessControl::Role::Manager)
        recent.since = m_services.actions.startOfTodayUtc();
    const Result<QList<SalesTotalsRow>> seen = m_services.actions.salesTotals(recent);
    if (seen.ok()) {
        for (const SalesTotalsRow &row : seen.value())
            pairs.append({ row.provider, row.method });
    }
    m_history->filterBar()->setProviderMethods(pairs);
}

void BackOfficeWindow::lockClicked()
{
    if (m_services.access.role() == AccessControl::Role::Manager) {
        m_services.access.lock();
        return;
    }
    auto *dialog = new PinDialog(m_services.access, tr("Enter the manager PIN to unlock the back office."), this);
    dialog->setObjectName(QStringLiteral("pinDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
