#pragma once

#include "gateway/GatewayResult.h"
#include "gateway/PaymentRequest.h"
#include "gateway/PaymentSession.h"
#include "gateway/PaymentStatus.h"
#include "gateway/RefundResult.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>

// The one asynchronous interface the checkout engine uses for every provider.
//
// Calling convention (callbacks with a context object, like QObject::connect):
// - Every call takes a `context` QObject and a callback. The callback runs exactly once, on
//   the context's thread, later (never inside the call itself, even for an immediate error),
//   unless `context` was destroyed in the meantime, in which case it never runs.
// - The callback receives a GatewayResult<T>: the typed value, or a GatewayError whose
//   `outcomeUnknown` says whether the request may have been applied anyway.
// - Nothing throws. Everything runs on the thread that owns the gateway (the GUI/CLI main
//   thread), through the HttpClient's event-driven QNetworkAccessManager.
class PaymentGateway : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(const GatewayResult<T> &)>;

    using QObject::QObject;
    ~PaymentGateway() override;

    // Stable provider name as the CLI spells it: "juspay-gpay", "juspay-cred",
    // "juspay-wallet:GOPAY", "googlepay", "cmcom".
    virtual QString providerName() const = 0;

    // Starts a payment. Safe to call again for the same order after a lost response only as
    // far as the provider allows: the engine should prefer status() to resolve `unknown`.
    virtual void start(const PaymentRequest &request, QObject *context,
                       Callback<PaymentSession> done) = 0;
    // Asks the provider for the order's status (the source of truth). Retried on transport
    // errors, 429 and 5xx by the HttpClient.
    virtual void status(const OrderRef &order, QObject *context, Callback<PaymentStatus> done) = 0;
    // Where the client names each transaction (Google Pay direct: a transactionId is one
    // payment attempt and cannot be paid twice), the id for a new attempt on `orderId` after
    // the attempt `lastTxnId` (empty: the first). Empty = the provider assigns transaction ids
    // and a new attempt goes on the same order (Juspay, CM.com).
    virtual QString transactionIdFor(const QString &orderId, const QString &lastTxnId) const;
    // Refunds `amount` of a charged order; idempotent on uniqueRequestId.
    virtual void refund(const RefundRequest &request, QObject *context,
                        Callback<RefundResult> done) = 0;

protected:
    // Queues `done(result)` on `context`; dropped if context is gone by then.
    template<typename T>
    static void deliver(QObject *context, Callback<T> done, GatewayResult<T> result)
    {
        if (!context || !done)
            return;
        QMetaObject::invokeMethod(
                context,
                [done = std::move(done), result = std::move(result)]() { done(result); },
                Qt::QueuedConnection);
    }
};
