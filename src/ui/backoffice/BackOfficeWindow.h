#pragma once

#include "backoffice/AccessControl.h"
#include "ui/backoffice/BackOfficeServices.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class BackOfficeWindow;
}
class AuditLogView;
class ChartsView;
class HistoryView;
class ReconcileView;
class SettingsDialog;
class ZReportView;

// The store manager's back office: History, End of day, Charts, Reconciliation, Audit log and
// Settings tabs, a role indicator and a lock button. Manager-only tabs and actions show the
// PIN dialog first; any key or click counts as activity for the idle lock. Esc, Ctrl+W, F10
// (the key that opened it from the cashier's window) and the Close button close it.
class BackOfficeWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackOfficeWindow)

public:
    enum class Tab { History, EndOfDay, Charts, Reconciliation, AuditLog, Settings };
    Q_ENUM(Tab)

    explicit BackOfficeWindow(BackOfficeServices services, QWidget *parent = nullptr);
    ~BackOfficeWindow() override;

    // Switches tab the way a click does (a manager-only tab asks a cashier for the PIN).
    void showTab(Tab tab);
    Tab currentTab() const;

    HistoryView *history() const { return m_history; }
    ZReportView *zReport() const { return m_zReport; }
    ChartsView *charts() const { return m_charts; }
    ReconcileView *reconcile() const { return m_reconcile; }
    AuditLogView *auditLog() const { return m_audit; }
    SettingsDialog *settingsPage() const { return m_settingsPage; }

signals:
    // "Set up for real payments…" (shown while Environment is "demo"): the app opens the
    // first-run wizard.
    void setupRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void tabChosen(int index);
    void enterTab(Tab tab);
    void roleChanged(AccessControl::Role role);
    void lockClicked();
    void updateProviders();
    // Esc, Ctrl+W, F10 and the Close button; not while a dialog of this window is open (it
    // takes Esc itself).
    void closeFromKeyboard();
    bool hasOpenDialog() const;
    void updateSetupButton();
    static bool managerOnly(Tab tab);
    static AccessControl::Action actionFor(Tab tab);

    std::unique_ptr<Ui::BackOfficeWindow> m_ui;
    BackOfficeServices m_services;
    HistoryView *m_history;
    ZReportView *m_zReport;
    ChartsView *m_charts;
    ReconcileView *m_reconcile;
    AuditLogView *m_audit;
    SettingsDialog *m_settingsPage;
    int m_shownIndex = 0;
    bool m_switching = false;
};
