#include "ui/backoffice/HistoryModel.h"

#include "gateway/ProviderRules.h"
#include "ui/backoffice/BackOfficeText.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

HistoryModel::HistoryModel(Source source, const QLocale &locale, const QTimeZone &zone, QObject *parent)
    : QAbstractTableModel(parent), m_source(std::move(source)), m_locale(locale), m_zone(zone)
{
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setFilter(const OrderFilter &filter)
{
    m_filter = filter;
    m_filter.limit = kPageSize;
    m_filter.offset = 0;
    m_filter.beforeCreatedAt = {};
    m_filter.beforeOrderId.clear();
    reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_atEnd = true;
    m_lastError.clear();
    m_lastErrorCode.clear();
    if (isKeysetOrder() || !loadSorted())
        loadFirstPage();
    endResetModel();
    emit reset();
}

const OrderRecord *HistoryModel::orderAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int HistoryModel::rowOf(const QString &orderId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).orderId == orderId)
            return row;
    }
    return -1;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    const OrderRecord *order = index.isValid() ? orderAt(index.row()) : nullptr;
    if (!order)
        return {};
    if (role == OrderIdRole)
        return order->orderId;
    if (role == MinorUnitsRole)
        return order->amount.minorUnits();
    if (role == Qt::TextAlignmentRole && index.column() == AmountColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        // Readable on light and dark palettes alike.
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        switch (order->state) {
        case PaymentState::Unknown: return QBrush(dark ? QColor(0xff, 0xb3, 0x47) : QColor(0xb3, 0x5c, 0x00));
        case PaymentState::Failed:
        case PaymentState::Declined: return QBrush(dark ? QColor(0xff, 0x80, 0x80) : QColor(0xb3, 0x1d, 0x1d));
        default: return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return role == Qt::ToolTipRole ? BackOfficeText::dateTime(order->createdAt, m_zone, m_locale)
                                       : BackOfficeText::shortDateTime(order->createdAt, m_zone, m_locale);
    case OrderIdColumn: return order->orderId;
    case MethodColumn: {
        const QString provider = ProviderRules::displayName(order->provider);
        return role == Qt::ToolTipRole && !order->method.isEmpty() ? provider + QStringLiteral(" \u00b7 ") + order->method
                                                                   : provider;
    }
    case AmountColumn:
        return BackOfficeText::amountWithNet(order->amount.minorUnits(), order->refundedMinorUnits, order->netMinorUnits(),
                                             order->amount.currency().code(), m_locale);
    case StateColumn: return BackOfficeText::state(order->state);
    case PhoneColumn: return BackOfficeText::maskedPhone(order->phoneLast4);
    case CashierColumn: return order->cashier;
    default: return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case OrderIdColumn: return tr("Order");
    case MethodColumn: return tr("Paid with");
    case AmountColumn: return tr("Amount");
    case StateColumn: return tr("State");
    case PhoneColumn: return tr("Phone");
    case CashierColumn: return tr("Cashier");
    default: return {};
    }
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    OrderFilter page = m_filter;
    page.limit = kPageSize;
    page.startAfter(m_rows.constLast().createdAt, m_rows.constLast().orderId);
    const Result<QList<OrderRecord>> rows = m_source.fetch(page);
    if (!rows.ok()) {
        m_atEnd = true;
        fail(rows.error());
        return;
    }
    m_atEnd = rows.value().size() < kPageSize;
    if (rows.value().isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.value().size() - 1));
    m_rows.append(rows.value());
    endInsertRows();
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    if (column != TimeColumn && column != AmountColumn) {
        emit sortRefused(tr("The history sorts by time or by amount."));
        return;
    }
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    const int previousColumn = m_sortColumn;
    const Qt::SortOrder previousOrder = m_sortOrder;
    m_sortColumn = column;
    m_sortOrder = order;
    if (!isKeysetOrder()) {
        const Result<qint64> count = m_source.count(m_filter);
        if (!count.ok() || count.value() > kMaxSortedRows) {
            m_sortColumn = previousColumn;
            m_sortOrder = previousOrder;
            emit sortRefused(count.ok()
                                 ? tr("%1 orders match: narrow the filter to at most %2 to sort them "
                                      "this way. Newest first works at any size.")
                                       .arg(m_locale.toString(count.value()), m_locale.toString(kMaxSortedRows))
                                 : count.errorMessage());
            return;
        }
    }
    reload();
}

bool HistoryModel::isKeysetOrder() const
{
    return m_sortColumn == TimeColumn && m_sortOrder == Qt::DescendingOrder;
}

void HistoryModel::loadFirstPage()
{
    OrderFilter page = m_filter;
    page.limit = kPageSize;
    const Result<QList<OrderRecord>> rows = m_source.fetch(page);
    if (!rows.ok()) {
        fail(rows.error());
        return;
    }
    m_rows = rows.value();
    m_atEnd = m_rows.size() < kPageSize;
}

bool HistoryModel::loadSorted()
{
    OrderFilter all = m_filter;
    all.limit = kMaxSortedRows + 1;
    const Result<QList<OrderRecord>> rows = m_source.fetch(all);
    if (!rows.ok()) {
        fail(rows.error());
        return true;
    }
    if (rows.value().size() > kMaxSortedRows) {
        // The filter grew past the bound since sort() counted it: fall back to newest first.
        m_sortColumn = TimeColumn;
        m_sortOrder = Qt::DescendingOrder;
        emit sortRefused(tr("Too many orders to sort this way; showing newest first."));
        return false;
    }
    m_rows = rows.value();
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const bool byAmount = m_sortColumn == AmountColumn;
    // Ties keep the ledger's newest-first order (stable sort), so the order is deterministic.
    std::stable_sort(m_rows.begin(), m_rows.end(), [ascending, byAmount](const OrderRecord &a, const OrderRecord &b) {
        if (byAmount) {
            const qint64 x = a.amount.minorUnits();
            const qint64 y = b.amount.minorUnits();
            return ascending ? x < y : x > y;
        }
        return ascending ? a.createdAt < b.createdAt : a.createdAt > b.createdAt;
    });
    m_atEnd = true;
    return true;
}

void HistoryModel::fail(const Error &error)
{
    m_lastError = error.message;
    m_lastErrorCode = error.code;
    emit loadFailed(error.code, error.message);
}
