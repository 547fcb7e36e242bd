#pragma once

#include "core/Clock.h"
#include "gateway/PaymentGateway.h"
#include "gateway/juspay/JuspayConfig.h"

class HttpClient;

// Juspay: Google Pay push, CRED, the dynamic UPI QR, and wallets through the inline order.
//
// start():
// - GooglePayPush, Cred and UpiQr: POST /orders (idempotent on order_id, so retried), then
//   POST /txns (never retried). UpiQr needs no mobile: its order carries
//   metadata.expiryInMins (JuspayConfig::upiQrLifetimeMinutes), its transaction is
//   txn_type=UPI_QR, and the session's upiUri is the upi://pay URI built from sdk_params
//   (refused, Kind::Refused, when its amount is not the order's or pa / tr is missing); the
//   session expires that many minutes after the transaction unless Juspay says otherwise. A failed /orders means no transaction exists, so its error
//   never has outcomeUnknown; a /txns whose answer is lost does.
// - Wallet: one POST /txns with the order.* fields (never retried).
// status(): GET /orders/{id} (retried), mapped by JuspayParser with the amount check.
// refund(): POST /orders/{id}/refunds with unique_request_id (idempotent, retried).
// Every call carries Basic auth, version, x-merchantid and the same x-routing-id (see
// JuspayConfig::RoutingPolicy). Callbacks as PaymentGateway documents.
class JuspayGateway final : public PaymentGateway
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JuspayGateway)

public:
    enum class Flow { GooglePayPush, Cred, UpiQr, Wallet };

    JuspayGateway(HttpClient *http, JuspayConfig config, Flow flow, QString walletMethod = {},
                  const Clock &clock = Clock::system(), QObject *parent = nullptr);

    QString providerName() const override;
    void start(const PaymentRequest &request, QObject *context, Callback<PaymentSession> done) override;
    void status(const OrderRef &order, QObject *context, Callback<PaymentStatus> done) override;
    void refund(const RefundRequest &request, QObject *context, Callback<RefundResult> done) override;

    const JuspayConfig &config() const { return m_config; }

private:
    void sendTxn(const PaymentRequest &request, QObject *context, Callback<PaymentSession> done);
    std::optional<GatewayError> validate(const PaymentRequest &request) const;

    HttpClient *m_http;
    JuspayConfig m_config;
    Flow m_flow;
    QString m_walletMethod;
    const Clock &m_clock;
};
