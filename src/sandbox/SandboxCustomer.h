#pragma once

#include "core/Result.h"
#include "sandbox/SandboxOrder.h"
#include "sandbox/SandboxScenario.h"

#include <QObject>

#include <optional>

class SandboxContext;

// The simulated customer: approves, declines or lets a payment expire, when the customer page
// or the control API says so, or on its own after the delay the scenario sets.
class SandboxCustomer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxCustomer)

public:
    enum class Action { Approve, Decline, Expire, Fail };

    SandboxCustomer(SandboxContext &context, SandboxScenario scenario, QObject *parent = nullptr);

    const SandboxScenario &scenario() const { return m_scenario; }
    void setScenario(const SandboxScenario &scenario) { m_scenario = scenario; }

    static std::optional<Action> actionFromName(QStringView name);
    static QString actionName(Action action);

    // Finds the order by any of its ids (Juspay order_id, Google transactionId, CM.com id or
    // reference), preferring one that is still pending; `provider` narrows the search.
    std::optional<SandboxOrder> findOrder(const QString &id, const QString &provider = {}) const;

    // Error codes: sandbox_not_found (404), sandbox_not_pending (409: already final).
    Result<SandboxOrder> act(const QString &id, Action action, const QString &provider = {});
    Result<SandboxOrder> actOnKey(const QString &orderKey, Action action);

    // Arms the scenario's timer for a payment that was just initiated.
    void paymentStarted(const QString &orderKey);
    // Expires a pending order whose own expiry time (Google expiryTime, CM.com expiresAt) passed.
    void expireIfDue(const QString &orderKey);

private:
    SandboxContext &m_context;
    SandboxScenario m_scenario;
};
