#pragma once

#include "checkout/Checkout.h"

#include <QList>
#include <QPair>

#include <functional>

// A scripted checkout for window tests: no ledger, no gateway, no sandbox. It hands out order
// ids T01FAKE1, T01FAKE2 ..., records every intent the window sends, and answers as told; the
// test plays the engine's events with the signals (emit fake.stateChanged(...)).
class FakeCheckout final : public Checkout
{
public:
    QStringList providerNames { QStringLiteral("juspay-gpay"), QStringLiteral("juspay-upi-qr"),
                                QStringLiteral("cmcom") };
    QList<CheckoutRequest> payments;                 // every pay() request, in order
    QList<QPair<QString, QString>> retries;          // (order id, provider)
    QStringList cancels, checks;
    // Run inside pay(), before it returns (the engine emits its first events there).
    std::function<void(const CheckoutRequest &)> duringPay;
    std::optional<Error> refusePay;                  // set: pay() refuses with it
    std::optional<OrderRecord> stored;               // what order() answers for any id
    int issuedIds = 0;

    QStringList providers() const override { return providerNames; }
    Result<QString> newOrderId() const override
    {
        return QStringLiteral("T01FAKE%1").arg(++const_cast<FakeCheckout *>(this)->issuedIds);
    }
    Result<QString> pay(const CheckoutRequest &request) override
    {
        payments.append(request);
        if (refusePay)
            return *refusePay;
        if (duringPay)
            duringPay(request);
        return request.orderId;
    }
    VoidResult cancel(const QString &orderId, const QString &) override
    {
        cancels.append(orderId);
        return ok();
    }
    VoidResult retry(const QString &orderId, const QString &provider) override
    {
        retries.append({ orderId, provider });
        return ok();
    }
    VoidResult checkNow(const QString &orderId) override
    {
        checks.append(orderId);
        return ok();
    }
    Result<std::optional<OrderRecord>> order(const QString &) const override { return stored; }
    Result<QList<OrderRecord>> unresolvedOrders(int) const override { return QList<OrderRecord>(); }
};
