#include "storage/OrderQuery.h"

#include <QStringList>

namespace {

// Appends the WHERE terms of everything but paging. Each term is written so an index on its
// column can serve it; see LedgerSchema for the indexes.
void addFilterTerms(const OrderFilter &filter, QStringList &terms, QVariantList &bindings)
{
    if (filter.since.isValid()) {
        terms.append(QStringLiteral("created_at >= ?"));
        bindings.append(filter.since.toMSecsSinceEpoch());
    }
    if (filter.until.isValid()) {
        terms.append(QStringLiteral("created_at < ?"));
        bindings.append(filter.until.toMSecsSinceEpoch());
    }
    if (filter.states.size() == 1) {
        terms.append(QStringLiteral("state = ?"));
        bindings.append(PaymentStates::name(filter.states.first()));
    } else if (!filter.states.isEmpty()) {
        QStringList marks;
        for (PaymentState state : filter.states) {
            marks.append(QStringLiteral("?"));
            bindings.append(PaymentStates::name(state));
        }
        terms.append(u"state IN (" + marks.join(u", ") + u')');
    }
    const std::pair<const char *, QString> exact[] = {
        { "provider = ?", filter.provider },
        { "method = ?", filter.method },
        { "cashier = ?", filter.cashier },
        { "phone_last4 = ?", filter.phoneLast4 },
    };
    for (const auto &[term, value] : exact) {
        if (!value.isEmpty()) {
            terms.append(QString::fromLatin1(term));
            bindings.append(value);
        }
    }
    if (!filter.search.isEmpty()) {
        terms.append(QStringLiteral("(order_id = ? OR txn_id = ? OR provider_ref = ? OR upi_rrn = ?)"));
        for (int i = 0; i < 4; ++i)
            bindings.append(filter.search);
    }
    if (filter.minAmountMinorUnits >= 0) {
        terms.append(QStringLiteral("amount_minor >= ?"));
        bindings.append(filter.minAmountMinorUnits);
    }
    if (filter.maxAmountMinorUnits >= 0) {
        terms.append(QStringLiteral("amount_minor <= ?"));
        bindings.append(filter.maxAmountMinorUnits);
    }
}

QString where(const QStringList &terms)
{
    return terms.isEmpty() ? QString() : u" WHERE " + terms.join(QLatin1String(" AND "));
}

} // namespace

QString OrderQuery::columnNames()
{
    return QStringLiteral("order_id, terminal, cashier, provider, method, amount_minor, currency, phone_sealed, "
                          "phone_last4, state, provider_status, txn_id, txn_uuid, provider_ref, upi_rrn, auth_url, "
                          "expires_at, verified, refunded_minor, note, created_at, updated_at");
}

QString OrderQuery::orderColumns(PhoneAccess access)
{
    // Text columns are read as their UTF-8 bytes (CAST to BLOB changes only the type tag):
    // Qt's SQLite driver otherwise asks SQLite to convert every value to UTF-16, which is most
    // of the cost of a history page; Qt's own UTF-8 decoder is several times faster.
    auto build = [](PhoneAccess mode) {
        QStringList columns;
        for (const QString &column : columnNames().split(QStringLiteral(", "))) {
            if (column == QLatin1String("phone_sealed"))
                columns.append(mode == PhoneAccess::Reveal ? column : QStringLiteral("NULL"));
            else if (column == QLatin1String("refunded_minor"))
                columns.append(refundedSql());
            else if (isTextColumn(column))
                columns.append(u"CAST(" + column + u" AS BLOB)");
            else
                columns.append(column);
        }
        return columns.join(QLatin1String(", "));
    };
    // Built once: every history page starts with this text.
    static const QString masked = build(PhoneAccess::Masked);
    static const QString revealed = build(PhoneAccess::Reveal);
    return access == PhoneAccess::Reveal ? revealed : masked;
}

bool OrderQuery::isTextColumn(const QString &column)
{
    static const QStringList numbers = { QStringLiteral("amount_minor"), QStringLiteral("phone_sealed"),
                                         QStringLiteral("expires_at"), QStringLiteral("verified"),
                                         QStringLiteral("refunded_minor"), QStringLiteral("created_at"),
                                         QStringLiteral("updated_at") };
    return !numbers.contains(column);
}

OrderQuery OrderQuery::page(const OrderFilter &filter, PhoneAccess access)
{
    OrderQuery query;
    QStringList terms;
    addFilterTerms(filter, terms, query.bindings);
    if (filter.beforeCreatedAt.isValid()) {
        if (filter.beforeOrderId.isEmpty()) {
            terms.append(QStringLiteral("created_at < ?"));
            query.bindings.append(filter.beforeCreatedAt.toMSecsSinceEpoch());
        } else {
            // A row value: SQLite turns it into one range on the (created_at, order_id) index.
            terms.append(QStringLiteral("(created_at, order_id) < (?, ?)"));
            query.bindings.append(filter.beforeCreatedAt.toMSecsSinceEpoch());
            query.bindings.append(filter.beforeOrderId);
        }
    }
    query.sql = u"SELECT " + orderColumns(access) + u" FROM orders" + where(terms)
            + u" ORDER BY created_at DESC, order_id DESC LIMIT ?";
    query.bindings.append(qMax(0, filter.limit));
    if (filter.offset > 0) {
        query.sql += u" OFFSET ?";
        query.bindings.append(filter.offset);
    }
    return query;
}

OrderQuery OrderQuery::count(const OrderFilter &filter)
{
    OrderQuery query;
    QStringList terms;
    addFilterTerms(filter, terms, query.bindings);
    query.sql = u"SELECT count(*) FROM orders" + where(terms);
    return query;
}

OrderQuery OrderQuery::salesTotals(const OrderFilter &filter)
{
    OrderQuery query;
    QStringList terms;
    addFilterTerms(filter, terms, query.bindings);
    query.sql = u"SELECT provider, method, state, currency, count(*), sum(amount_minor), "
                u"sum(" + refundedSql() + u") FROM orders" + where(terms)
            + u" GROUP BY provider, method, state, currency ORDER BY provider, method, state, currency";
    return query;
}

OrderQuery OrderQuery::refundTotals(const QDateTime &since, const QDateTime &until)
{
    OrderQuery query;
    QStringList terms;
    if (since.isValid()) {
        terms.append(QStringLiteral("r.created_at >= ?"));
        query.bindings.append(since.toMSecsSinceEpoch());
    }
    if (until.isValid()) {
        terms.append(QStringLiteral("r.created_at < ?"));
        query.bindings.append(until.toMSecsSinceEpoch());
    }
    query.sql = u"SELECT o.provider, r.currency, r.state, count(*), sum(r.amount_minor) FROM refunds r "
                u"JOIN orders o ON o.order_id = r.order_id" + where(terms)
            + u" GROUP BY o.provider, r.currency, r.state ORDER BY o.provider, r.currency, r.state";
    return query;
}

OrderQuery OrderQuery::salesBuckets(const QDateTime &since, const QDateTime &until, int bucketSeconds,
                                    int utcOffsetSeconds)
{
    OrderQuery query;
    const qint64 bucketMs = qint64(bucketSeconds) * 1000;
    const qint64 offsetMs = qint64(utcOffsetSeconds) * 1000;
    // Integer division truncates toward zero; times after 1970 plus any real offset are
    // positive, so truncation is the floor the contract asks for.
    const QString charged = chargedStatesSql();
    query.sql = u"SELECT (created_at + ?) / ? AS bucket, count(*), sum(state IN (" + charged
            + u")), sum(CASE WHEN state IN (" + charged + u") THEN amount_minor ELSE 0 END), "
            u"sum(CASE WHEN state IN (" + charged + u") THEN " + refundedSql() + u" ELSE 0 END) FROM orders";
    query.bindings = { offsetMs, bucketMs };
    QStringList terms;
    if (since.isValid()) {
        terms.append(QStringLiteral("created_at >= ?"));
        query.bindings.append(since.toMSecsSinceEpoch());
    }
    if (until.isValid()) {
        terms.append(QStringLiteral("created_at < ?"));
        query.bindings.append(until.toMSecsSinceEpoch());
    }
    query.sql += where(terms) + u" GROUP BY bucket ORDER BY bucket";
    return query;
}

QString OrderQuery::chargedStatesSql()
{
    return u'\'' + PaymentStates::name(PaymentState::Charged) + u"', '"
            + PaymentStates::name(PaymentState::PartiallyRefunded) + u"', '"
            + PaymentStates::name(PaymentState::Refunded) + u'\'';
}

QString OrderQuery::refundedSql()
{
    // refunds_by_order serves the subquery; it runs once per order read or totalled.
    return QStringLiteral("MIN(orders.amount_minor, MAX(orders.refunded_minor, (SELECT COALESCE(SUM(r.amount_minor), 0) "
                          "FROM refunds r WHERE r.order_id = orders.order_id AND r.currency = orders.currency "
                          "AND r.state IN ('succeeded', 'pending'))))");
}

QString OrderQuery::netSql()
{
    return u"(CASE WHEN orders.state IN (" + chargedStatesSql() + u") THEN orders.amount_minor - " + refundedSql()
            + u" ELSE 0 END)";
}
