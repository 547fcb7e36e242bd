#pragma once

#include "checkout/Alert.h"
#include "checkout/CheckoutRequest.h"
#include "core/PaymentState.h"
#include "core/PhoneNumber.h"
#include "core/Result.h"
#include "gateway/GatewayError.h"
#include "gateway/PaymentSession.h"
#include "storage/OrderRecord.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The two halves of the line between the cashier's window and the checkout engine. The window
// (counterpay_ui, in the executable) links neither the engine nor the libraries under it
// (Qt Network, Qt Sql, OpenSSL, libphonenumber); the engine is opened behind the window in the
// terminal plugin, which implements CheckoutBackend and calls CheckoutEvents. Only plain data
// crosses: no QObject, so the plugin and the executable need not share a meta-object.

// What the engine tells the window; CheckoutPort turns each call into a Qt signal.
class CheckoutEvents
{
public:
    virtual ~CheckoutEvents() = default;

    virtual void onSessionStarted(const QString &orderId, const PaymentSession &session) = 0;
    virtual void onStateChanged(const QString &orderId, PaymentState state, const QString &detail) = 0;
    virtual void onAlertRaised(const Alert &alert) = 0;
    virtual void onStatusChecked(const QString &orderId, const QDateTime &at) = 0;
    virtual void onGatewayFailed(const QString &orderId, const GatewayError &error) = 0;
    virtual void onFinished(const QString &orderId, PaymentState state) = 0;
};

// The engine's intents and read-only views, as CheckoutEngine documents them.
class CheckoutBackend
{
public:
    virtual ~CheckoutBackend() = default;

    // The configured gateways' provider names.
    virtual QStringList providers() const = 0;
    // PhoneNumber::parse (libphonenumber lives behind this line).
    virtual Result<PhoneNumber> parsePhone(QStringView input, QStringView defaultRegion) const = 0;
    virtual Result<QString> pay(const CheckoutRequest &request) = 0;
    virtual VoidResult cancel(const QString &orderId, const QString &reason) = 0;
    // `provider`: see CheckoutEngine::retry (empty: the order's own).
    virtual VoidResult retry(const QString &orderId, const QString &provider) = 0;
    virtual VoidResult checkNow(const QString &orderId) = 0;
    virtual Result<std::optional<OrderRecord>> order(const QString &orderId) const = 0;
    virtual Result<QList<OrderRecord>> unresolvedOrders(int limit) const = 0;
};
