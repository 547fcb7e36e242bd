#pragma once

#include "ui/CheckoutBackend.h"

#include <QList>
#include <QMetaObject>

class CheckoutEngine;

// The checkout engine behind the cashier's window: forwards the window's intents to
// CheckoutEngine and the engine's signals to CheckoutEvents (in the app, a CheckoutPort).
// Connections end with this object.
class EngineCheckoutBackend final : public CheckoutBackend
{
public:
    // `providers`: the configured providers in the profile's order (AppServices::providers());
    // the first is what the cashier's form offers first.
    EngineCheckoutBackend(CheckoutEngine &engine, QStringList providers, CheckoutEvents &events);
    ~EngineCheckoutBackend() override;
    EngineCheckoutBackend(const EngineCheckoutBackend &) = delete;
    EngineCheckoutBackend &operator=(const EngineCheckoutBackend &) = delete;

    QStringList providers() const override;
    Result<PhoneNumber> parsePhone(QStringView input, QStringView defaultRegion) const override;
    Result<QString> pay(const CheckoutRequest &request) override;
    VoidResult cancel(const QString &orderId, const QString &reason) override;
    VoidResult retry(const QString &orderId, const QString &provider) override;
    VoidResult checkNow(const QString &orderId) override;
    Result<std::optional<OrderRecord>> order(const QString &orderId) const override;
    Result<QList<OrderRecord>> unresolvedOrders(int limit) const override;

private:
    CheckoutEngine &m_engine;
    QStringList m_providers;
    QList<QMetaObject::Connection> m_connections;
};
