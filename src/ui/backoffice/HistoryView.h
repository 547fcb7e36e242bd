#pragma once

#include "core/Result.h"

#include <QLocale>
#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <memory>

namespace Ui {
class HistoryView;
}
class Clock;
class HistoryFilterBar;
class HistoryModel;
class ManagerActions;
class OrderDetailPane;
class PinDialog;

// The History tab: the filter bar, the lazy table and the chosen order's detail pane, with
// Export CSV of the filtered view. Reaching before today asks a cashier for the PIN first;
// without it the view stays on today.
class HistoryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryView)

public:
    HistoryView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                QWidget *parent = nullptr);
    ~HistoryView() override;

    HistoryFilterBar *filterBar() const { return m_filterBar; }
    HistoryModel *model() const { return m_model; }
    OrderDetailPane *detail() const { return m_detail; }
    void setMerchantName(const QString &name);
    void setReceiptPrinter(const QString &name);
    // Re-applies the filter (after a role change, a refund ...).
    void refresh();
    void selectOrder(const QString &orderId);
    QString status() const;
    // The width the State column needs for its longest word, with the cell's padding.
    int stateColumnNeed() const;
    // Writes the filtered view as CSV (ManagerActions::exportCsv: manager only, audited) and
    // shows the outcome under the table. The Export button asks for the PIN and the path first.
    Result<qint64> exportTo(const QString &path);

private:
    void filterChanged();
    void applyFilter();
    void currentRowChanged();
    void exportCsv();
    void updateStatus();
    // The State column fits the longest state word in the current language, whatever the
    // rows read so far hold (a page of "Paid" rows must not cut "Cancelled" further down);
    // the Amount column is as wide as a large plain amount, not as a refunded row's long text.
    void fitColumns();

    std::unique_ptr<Ui::HistoryView> m_ui;
    ManagerActions &m_actions;
    QLocale m_locale;
    HistoryFilterBar *m_filterBar;
    HistoryModel *m_model;
    OrderDetailPane *m_detail;
    QString m_error;
    QPointer<PinDialog> m_asking;
};
