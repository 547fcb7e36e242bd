#pragma once

#include "checkout/Alert.h"
#include "checkout/CheckoutRequest.h"
#include "core/PaymentState.h"
#include "core/Result.h"
#include "gateway/GatewayError.h"
#include "gateway/PaymentSession.h"
#include "storage/OrderRecord.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

// The checkout as the faces see it: the intents the cashier's window sends, the read-only views
// it shows, and the events it renders. CheckoutEngine is the one implementation the product
// runs; the window's tests put a scripted one in its place (tests/ui/FakeCheckout.h), so they
// need neither a ledger nor a sandbox.
class Checkout : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Checkout)

public:
    using QObject::QObject;
    ~Checkout() override = default;

    // The configured gateways' provider names, in the profile's order.
    virtual QStringList providers() const = 0;
    // A fresh order id for a new sale, not yet in the ledger. The face keeps it and passes it
    // in CheckoutRequest::orderId, so every event of its sale is known to be its own and a
    // second Pay of the same sale attaches to the first.
    virtual Result<QString> newOrderId() const = 0;
    // See CheckoutEngine for the rules and error codes of each.
    virtual Result<QString> pay(const CheckoutRequest &request) = 0;
    virtual VoidResult cancel(const QString &orderId, const QString &reason = {}) = 0;
    virtual VoidResult retry(const QString &orderId, const QString &provider = {}) = 0;
    virtual VoidResult checkNow(const QString &orderId) = 0;
    virtual Result<std::optional<OrderRecord>> order(const QString &orderId) const = 0;
    // Orders whose outcome is unknown and need a person, newest first.
    virtual Result<QList<OrderRecord>> unresolvedOrders(int limit = 50) const = 0;

signals:
    void sessionStarted(const QString &orderId, const PaymentSession &session);
    void stateChanged(const QString &orderId, PaymentState state, const QString &detail);
    void alertRaised(const Alert &alert);
    void statusChecked(const QString &orderId, const QDateTime &at);
    void gatewayFailed(const QString &orderId, const GatewayError &error);
    // The order needs no more attention from the checkout (final, or unknown and listed).
    void finished(const QString &orderId, PaymentState state);
};
