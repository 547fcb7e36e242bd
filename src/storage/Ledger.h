#pragma once

#include "core/Result.h"
#include "storage/AuditEntry.h"
#include "storage/OrderEvent.h"
#include "storage/OrderFilter.h"
#include "storage/OrderRecord.h"
#include "storage/RefundRecord.h"
#include "storage/SalesTotals.h"

#include <QList>

#include <optional>

// The durable record of every sale. SQLite is the default engine (SqliteLedger); this
// interface is what the checkout engine and the back office see, so another engine can be
// added later. Every write is one transaction: an order row and the event that explains its
// change are committed together or not at all. Nothing is ever deleted.
//
// A Ledger is used from one thread (the one that opened it).
class Ledger
{
public:
    virtual ~Ledger();

    // Where the data lives, for messages.
    virtual QString location() const = 0;

    // Inserts a new order and its `created` event. Fails with code "duplicate_order" when the
    // id exists, so a retried insert never creates a second sale.
    virtual VoidResult insertOrder(const OrderRecord &order, const OrderEvent &event) = 0;
    // Writes the order's mutable fields (state, provider (a retry may move a sale to another
    // method of the same gateway), provider references, verification, refunds)
    // together with the event that explains the change. `expectedState` is the state the
    // caller read: if another process changed the order meanwhile, nothing is written and the
    // error code is "conflict".
    virtual VoidResult updateOrder(const OrderRecord &order, PaymentState expectedState,
                                   const OrderEvent &event) = 0;
    virtual VoidResult appendEvent(const OrderEvent &event) = 0;

    virtual Result<std::optional<OrderRecord>> findOrder(const QString &orderId,
                                                         PhoneAccess access = PhoneAccess::Masked) = 0;
    // Orders not in a final state, oldest first: what recovery resumes at start.
    virtual Result<QList<OrderRecord>> openOrders() = 0;
    virtual Result<QList<OrderRecord>> findOrders(const OrderFilter &filter) = 0;
    virtual Result<qint64> countOrders(const OrderFilter &filter) = 0;
    virtual Result<QList<OrderEvent>> events(const QString &orderId) = 0;

    // Refunds are keyed by their idempotency key; inserting the same key twice fails with
    // "duplicate_refund".
    virtual VoidResult insertRefund(const RefundRecord &refund, const OrderEvent &event) = 0;
    virtual VoidResult updateRefund(const RefundRecord &refund, const OrderEvent &event) = 0;
    virtual Result<QList<RefundRecord>> refunds(const QString &orderId) = 0;

    virtual VoidResult appendAudit(const AuditEntry &entry) = 0;
    virtual Result<QList<AuditEntry>> auditLog(const QDateTime &since, int limit) = 0;

    // Reports, each computed by the engine in one statement (never summed in C++ over rows).
    // Orders matching the filter grouped by provider, method, state and currency, in that
    // order; the filter's limit, offset and keyset are ignored.
    virtual Result<QList<SalesTotalsRow>> salesTotals(const OrderFilter &filter) = 0;
    // Refunds created in [since, until) (an invalid bound is open), grouped by the order's
    // provider, the refund's currency and the refund's state (requested, pending, succeeded,
    // failed), in that order.
    virtual Result<QList<RefundTotalsRow>> refundTotals(const QDateTime &since, const QDateTime &until) = 0;
    // Orders created in [since, until) bucketed by
    // floor((created_ms + utcOffsetSeconds * 1000) / (bucketSeconds * 1000)); bucketStartMs is
    // reported back in UTC. Only non-empty buckets, oldest first. bucketSeconds must be > 0
    // (error "bad_bucket"). "Charged" counts charged, partially refunded and refunded orders;
    // "refunded" is what went back of those (OrderQuery::refundedSql, as the Z report's);
    // amounts of all currencies are added together (a store sells in one currency).
    virtual Result<QList<SalesBucket>> salesBuckets(const QDateTime &since, const QDateTime &until,
                                                    int bucketSeconds, int utcOffsetSeconds) = 0;
    // A full integrity check of the store on demand (slow on a big ledger: seconds). Error code
    // "damaged" with the engine's findings when it is not healthy.
    virtual VoidResult checkIntegrity() = 0;
};
