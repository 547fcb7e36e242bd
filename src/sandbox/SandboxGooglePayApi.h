#pragma once

#include "sandbox/SandboxHttpRequest.h"
#include "sandbox/SandboxHttpResponse.h"
#include "sandbox/SandboxOrder.h"

#include <optional>

class SandboxContext;
class SandboxCustomer;

// Google Pay Omnichannel (NBU): POST /v1/merchantPayments:initiate,
// POST /v1/merchantTransactions:get, and the OAuth 2.0 token endpoint POST /token that takes a
// JWT-bearer assertion signed RS256 with the service account the sandbox issues.
class SandboxGooglePayApi
{
public:
    static constexpr auto kScope = "https://www.googleapis.com/auth/nbupaymentsmerchants";

    SandboxGooglePayApi(SandboxContext &context, SandboxCustomer &customer);

    static bool handles(const SandboxHttpRequest &request);
    static bool isTokenEndpoint(const SandboxHttpRequest &request);
    static QString transactionIdOf(const SandboxHttpRequest &request);
    SandboxHttpResponse handle(const SandboxHttpRequest &request);

    // IN_PROGRESS, SUCCESS, DECLINED, EXPIRED, FAILURE (PAYMENT_NOT_INITIATED before initiate).
    static QString statusName(const SandboxOrder &order);
    // {"error":{"code","status","message"}}
    static SandboxHttpResponse error(int code, const QString &status, const QString &message);

private:
    SandboxHttpResponse token(const SandboxHttpRequest &request);
    SandboxHttpResponse initiate(const SandboxHttpRequest &request);
    SandboxHttpResponse get(const SandboxHttpRequest &request);
    std::optional<SandboxHttpResponse> checkBearer(const SandboxHttpRequest &request) const;
    std::optional<SandboxHttpResponse> checkMerchant(const QJsonObject &body) const;
    QJsonObject transactionObject(const SandboxOrder &order) const;

    SandboxContext &m_context;
    SandboxCustomer &m_customer;
};
