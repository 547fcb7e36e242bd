#pragma once

#include "core/Result.h"
#include "storage/OrderFilter.h"
#include "storage/OrderRecord.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <QTimeZone>

#include <functional>

// The history table over the ledger, lazy: rows arrive in keyset pages of 200 as the view
// scrolls (canFetchMore / fetchMore), so a million orders never sit in memory.
//
// Sorting: newest first (the default) is the ledger's keyset order and pages at any depth.
// The ledger has no other paged order, so any other order (oldest first, amount either way)
// is computed over the filtered set, which the model allows only when the filter matches at
// most kMaxSortedRows orders; otherwise it keeps newest first and says why (sortRefused).
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column { TimeColumn, OrderIdColumn, MethodColumn, AmountColumn, StateColumn, PhoneColumn,
                  CashierColumn, ColumnCount };
    static constexpr int kPageSize = 200;
    static constexpr int kMaxSortedRows = 10'000;
    // The order id of a row, for views and tests.
    static constexpr int OrderIdRole = Qt::UserRole + 1;
    // Integer minor units of the amount column (never a floating point number).
    static constexpr int MinorUnitsRole = Qt::UserRole + 2;

    // Where rows come from: the back office's read facade (ManagerActions::history and
    // countHistory), which also applies the access check.
    struct Source
    {
        std::function<Result<QList<OrderRecord>>(const OrderFilter &)> fetch;
        std::function<Result<qint64>(const OrderFilter &)> count;
    };

    HistoryModel(Source source, const QLocale &locale, const QTimeZone &zone, QObject *parent = nullptr);
    ~HistoryModel() override;

    // Starts over with the first page of this filter (limit, offset and keyset are the model's).
    void setFilter(const OrderFilter &filter);
    OrderFilter filter() const { return m_filter; }
    // Re-reads from the first page (after a refund, a resolution ...).
    void reload();

    const OrderRecord *orderAt(int row) const;
    int rowOf(const QString &orderId) const;
    // The error of the last read, empty when it worked.
    QString lastError() const { return m_lastError; }
    QString lastErrorCode() const { return m_lastErrorCode; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void loadFailed(const QString &code, const QString &message);
    void sortRefused(const QString &message);
    // Each time the first page of a new filter or sort has been read.
    void reset();

private:
    bool isKeysetOrder() const;
    void loadFirstPage();
    bool loadSorted();
    void fail(const Error &error);

    Source m_source;
    QLocale m_locale;
    QTimeZone m_zone;
    OrderFilter m_filter;
    QList<OrderRecord> m_rows;
    bool m_atEnd = true;
    int m_sortColumn = TimeColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QString m_lastError;
    QString m_lastErrorCode;
};
