#include "EngineCheckoutBackend.h"

#include "checkout/CheckoutEngine.h"

EngineCheckoutBackend::EngineCheckoutBackend(CheckoutEngine &engine, QStringList providers, CheckoutEvents &events)
    : m_engine(engine), m_providers(std::move(providers))
{
    CheckoutEvents *sink = &events;
    m_connections << QObject::connect(&engine, &CheckoutEngine::sessionStarted, &engine,
                                      [sink](const QString &orderId, const PaymentSession &session) {
                                          sink->onSessionStarted(orderId, session);
                                      });
    m_connections << QObject::connect(&engine, &CheckoutEngine::stateChanged, &engine,
                                      [sink](const QString &orderId, PaymentState state, const QString &detail) {
                                          sink->onStateChanged(orderId, state, detail);
                                      });
    m_connections << QObject::connect(&engine, &CheckoutEngine::alertRaised, &engine,
                                      [sink](const Alert &alert) { sink->onAlertRaised(alert); });
    m_connections << QObject::connect(&engine, &CheckoutEngine::statusChecked, &engine,
                                      [sink](const QString &orderId, const QDateTime &at) {
                                          sink->onStatusChecked(orderId, at);
                                      });
    m_connections << QObject::connect(&engine, &CheckoutEngine::gatewayFailed, &engine,
                                      [sink](const QString &orderId, const GatewayError &error) {
                                          sink->onGatewayFailed(orderId, error);
                                      });
    m_connections << QObject::connect(&engine, &CheckoutEngine::finished, &engine,
                                      [sink](const QString &orderId, PaymentState state) {
                                          sink->onFinished(orderId, state);
                                      });
}

EngineCheckoutBackend::~EngineCheckoutBackend()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        QObject::disconnect(connection);
}

QStringList EngineCheckoutBackend::providers() const
{
    return m_providers;
}

Result<PhoneNumber> EngineCheckoutBackend::parsePhone(QStringView input, QStringView defaultRegion) const
{
    return PhoneNumber::parse(input, defaultRegion);
}

Result<QString> EngineCheckoutBackend::pay(const CheckoutRequest &request)
{
    return m_engine.pay(request);
}

VoidResult EngineCheckoutBackend::cancel(const QString &orderId, const QString &reason)
{
    return m_engine.cancel(orderId, reason);
}

VoidResult EngineCheckoutBackend::retry(const QString &orderId, const QString &provider)
{
    return m_engine.retry(orderId, provider);
}

VoidResult EngineCheckoutBackend::checkNow(const QString &orderId)
{
    return m_engine.checkNow(orderId);
}

Result<std::optional<OrderRecord>> EngineCheckoutBackend::order(const QString &orderId) const
{
    return m_engine.order(orderId);
}

Result<QList<OrderRecord>> EngineCheckoutBackend::unresolvedOrders(int limit) const
{
    return m_engine.unresolvedOrders(limit);
}
