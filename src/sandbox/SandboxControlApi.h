#pragma once

#include "sandbox/SandboxHttpRequest.h"
#include "sandbox/SandboxHttpResponse.h"
#include "sandbox/SandboxOrder.h"

#include <memory>

class SandboxContext;
class SandboxCustomer;
class SandboxUpiApp;

// The sandbox's own endpoints, for tests, demos and training (not part of any provider):
//   GET  /__sandbox/orders                       every order: state, amount, currency, charges
//   GET  /__sandbox/orders/{id}                  one order
//   POST /__sandbox/orders/{id}/approve|decline|expire|fail
//   GET  /__sandbox/keys/cred.pem                CRED phone-number public key (PEM)
//   GET  /__sandbox/keys/google-service-account.json
//   GET  /__sandbox/ca.pem                       the --tls CA certificate
//   GET|POST /__sandbox/scenario                 read or change the scenario
//   GET  /__sandbox/pay/{id}                     the customer page
//   GET|POST /v2/pay/start/{merchant}/{txn_uuid} Juspay's authentication URL (customer page)
//   GET|POST /__sandbox/upi/profile              read or replace the UPI_QR sdk_params profile
//                                                (JSON; a member left out takes its start-up
//                                                value, so {} restores SandboxOptions::upi)
//   POST /__sandbox/upi/pay                      the simulated UPI app (SandboxUpiApp); with
//                                                ?page=1 it answers with the customer page
class SandboxControlApi
{
public:
    SandboxControlApi(SandboxContext &context, SandboxCustomer &customer);
    ~SandboxControlApi();

    static bool handles(const SandboxHttpRequest &request);
    SandboxHttpResponse handle(const SandboxHttpRequest &request);

    void setCaCertificatePem(const QByteArray &pem) { m_caPem = pem; }

    // The provider's own status word for an order (PENDING_VBV, IN_PROGRESS, OPEN, ...).
    static QString providerStatus(const SandboxOrder &order);
    QJsonObject summary(const SandboxOrder &order) const;

private:
    SandboxHttpResponse orderAction(
        const SandboxHttpRequest &request, const QString &id, const QString &action);
    SandboxHttpResponse scenario(const SandboxHttpRequest &request);
    SandboxHttpResponse upiProfile(const SandboxHttpRequest &request);
    SandboxHttpResponse upiPay(const SandboxHttpRequest &request);
    SandboxHttpResponse customerPage(const SandboxOrder &order, const QString &notice = {}) const;

    SandboxContext &m_context;
    SandboxCustomer &m_customer;
    std::unique_ptr<SandboxUpiApp> m_upiApp;
    QByteArray m_caPem;
};
