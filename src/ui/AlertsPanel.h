#pragma once

#include "checkout/Alert.h"

#include <QWidget>

#include <memory>

namespace Ui {
class AlertsPanel;
}
class Checkout;

// Orders a person must look at: those whose outcome is unknown (read from the ledger) and the
// engine's alerts (late charges, amount mismatches ...). The one action here is "Check
// status", an engine intent; a refund or a manual resolution belongs to the back office.
class AlertsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPanel)

public:
    explicit AlertsPanel(Checkout &checkout, QWidget *parent = nullptr);
    ~AlertsPanel() override;

    // Reloads the unknown orders from the ledger (read only) and keeps the engine's alerts.
    void refresh();
    int count() const;
    QStringList orderIds() const;

signals:
    void countChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void addAlert(const Alert &alert);
    void rebuild();
    void checkSelected();
    static QString kindText(Alert::Kind kind);

    std::unique_ptr<Ui::AlertsPanel> m_ui;
    Checkout &m_checkout;
    QList<Alert> m_engineAlerts;
    QList<Alert> m_unknown;
};
