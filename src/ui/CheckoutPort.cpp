#include "ui/CheckoutPort.h"

#include <QCoreApplication>

namespace {

Error notReady()
{
    return Error { QStringLiteral("not_ready"),
                   QCoreApplication::translate("CheckoutPort", "CounterPay is still starting; try again in a moment.") };
}

} // namespace

CheckoutPort::CheckoutPort(QObject *parent) : QObject(parent) { }

CheckoutPort::~CheckoutPort() = default;

void CheckoutPort::setBackend(CheckoutBackend *backend)
{
    Q_ASSERT(!m_backend);
    m_backend = backend;
}

QStringList CheckoutPort::providers() const
{
    return m_backend ? m_backend->providers() : QStringList();
}

Result<PhoneNumber> CheckoutPort::parsePhone(QStringView input, QStringView defaultRegion) const
{
    if (!m_backend)
        return notReady();
    return m_backend->parsePhone(input, defaultRegion);
}

Result<QString> CheckoutPort::pay(const CheckoutRequest &request)
{
    if (!m_backend)
        return notReady();
    return m_backend->pay(request);
}

VoidResult CheckoutPort::cancel(const QString &orderId, const QString &reason)
{
    if (!m_backend)
        return notReady();
    return m_backend->cancel(orderId, reason);
}

VoidResult CheckoutPort::retry(const QString &orderId, const QString &provider)
{
    if (!m_backend)
        return notReady();
    return m_backend->retry(orderId, provider);
}

VoidResult CheckoutPort::checkNow(const QString &orderId)
{
    if (!m_backend)
        return notReady();
    return m_backend->checkNow(orderId);
}

Result<std::optional<OrderRecord>> CheckoutPort::order(const QString &orderId) const
{
    if (!m_backend)
        return notReady();
    return m_backend->order(orderId);
}

Result<QList<OrderRecord>> CheckoutPort::unresolvedOrders(int limit) const
{
    if (!m_backend)
        return notReady();
    return m_backend->unresolvedOrders(limit);
}

void CheckoutPort::onSessionStarted(const QString &orderId, const PaymentSession &session)
{
    emit sessionStarted(orderId, session);
}

void CheckoutPort::onStateChanged(const QString &orderId, PaymentState state, const QString &detail)
{
    emit stateChanged(orderId, state, detail);
}

void CheckoutPort::onAlertRaised(const Alert &alert)
{
    emit alertRaised(alert);
}

void CheckoutPort::onStatusChecked(const QString &orderId, const QDateTime &at)
{
    emit statusChecked(orderId, at);
}

void CheckoutPort::onGatewayFailed(const QString &orderId, const GatewayError &error)
{
    emit gatewayFailed(orderId, error);
}

void CheckoutPort::onFinished(const QString &orderId, PaymentState state)
{
    emit finished(orderId, state);
}
