#pragma once

#include "backoffice/ReconciliationLine.h"

#include <QLocale>
#include <QTimeZone>
#include <QWidget>

#include <memory>

namespace Ui {
class ReconcileView;
}
class AccessControl;
class Clock;
class Reconciler;

// The Reconciliation tab: pick a day, run the Reconciler, watch its progress, read the
// differences between the ledger and the gateways. A day before today asks a cashier for the
// PIN first. Without a Reconciler (no gateways configured) it says so.
class ReconcileView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconcileView)

public:
    ReconcileView(Reconciler *reconciler, AccessControl &access, const Clock &clock, const QLocale &locale,
                  const QTimeZone &zone, QWidget *parent = nullptr);
    ~ReconcileView() override;

    void run();
    void showLines(const QList<ReconciliationLine> &lines);
    QString status() const;

private:
    void start();

    std::unique_ptr<Ui::ReconcileView> m_ui;
    Reconciler *m_reconciler;
    AccessControl &m_access;
    const Clock &m_clock;
    QLocale m_locale;
    QTimeZone m_zone;
};
