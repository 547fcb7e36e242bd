#pragma once

#include "ui/CheckoutBackend.h"

#include <QObject>

// The checkout engine as the cashier's widgets see it: its intents (forwarded to a
// CheckoutBackend) and its events as Qt signals with the engine's names. Until a backend is
// set (the terminal plugin is still opening the ledger and gateways) every intent answers
// `not_ready` and no signal is emitted.
class CheckoutPort final : public QObject, public CheckoutEvents
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckoutPort)

public:
    explicit CheckoutPort(QObject *parent = nullptr);
    ~CheckoutPort() override;

    // Not owned; set once, and it must outlive its use here.
    void setBackend(CheckoutBackend *backend);
    bool hasBackend() const { return m_backend != nullptr; }

    QStringList providers() const;
    Result<PhoneNumber> parsePhone(QStringView input, QStringView defaultRegion) const;
    Result<QString> pay(const CheckoutRequest &request);
    VoidResult cancel(const QString &orderId, const QString &reason = {});
    VoidResult retry(const QString &orderId, const QString &provider = {});
    VoidResult checkNow(const QString &orderId);
    Result<std::optional<OrderRecord>> order(const QString &orderId) const;
    Result<QList<OrderRecord>> unresolvedOrders(int limit = 50) const;

signals:
    void sessionStarted(const QString &orderId, const PaymentSession &session);
    void stateChanged(const QString &orderId, PaymentState state, const QString &detail);
    void alertRaised(const Alert &alert);
    void statusChecked(const QString &orderId, const QDateTime &at);
    void gatewayFailed(const QString &orderId, const GatewayError &error);
    void finished(const QString &orderId, PaymentState state);

private:
    void onSessionStarted(const QString &orderId, const PaymentSession &session) override;
    void onStateChanged(const QString &orderId, PaymentState state, const QString &detail) override;
    void onAlertRaised(const Alert &alert) override;
    void onStatusChecked(const QString &orderId, const QDateTime &at) override;
    void onGatewayFailed(const QString &orderId, const GatewayError &error) override;
    void onFinished(const QString &orderId, PaymentState state) override;

    CheckoutBackend *m_backend = nullptr;
};
