#pragma once

#include "checkout/Checkout.h"
#include "checkout/PollPolicy.h"
#include "gateway/ProviderRules.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "gateway/GatewayError.h"
#include "gateway/PaymentSession.h"
#include "storage/OrderRecord.h"

#include <QHash>

class Ledger;
class PaymentGateway;
class SaleTracker;
class StatusQueue;

// Decides; never draws. The UI and the CLI send intents (pay, cancel, retry, check) and render
// the signals (declared in Checkout). One SaleTracker per active sale does the work; this class
// validates, keeps the order id of a sale stable so Pay is idempotent, and resumes unfinished
// orders at start.
class CheckoutEngine final : public Checkout
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckoutEngine)

public:
    struct Config
    {
        QString terminal = QStringLiteral("T01");   // also the order id prefix
        PollPolicy defaultPolicy;
        QHash<QString, PollPolicy> providerPolicies; // by provider name
        // Status queries on the wire at once, across all orders (see StatusQueue); 6 is what
        // QNetworkAccessManager opens to one host anyway.
        int maxStatusQueries = 6;
        // The largest sale this terminal sends, in minor units (Settings' SaleCeilingMinor).
        qint64 saleCeilingMinor = ProviderRules::kDefaultSaleCeilingMinor;
    };

    CheckoutEngine(Ledger &ledger, const QList<PaymentGateway *> &gateways, Config config,
                   const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~CheckoutEngine() override;

    QStringList providers() const override;
    // OrderId::generate with this terminal's prefix.
    Result<QString> newOrderId() const override;
    // The largest amount a provider takes, in minor units.
    static qint64 maxMinorUnits(const QString &provider);
    // Whether a provider needs the customer's mobile number.
    static bool needsMobile(const QString &provider);

    // What pay() checks before it writes anything, without a ledger or gateways (the CLI asks
    // before it opens any file): the provider's currencies, the amount's bounds and this
    // terminal's ceiling, the mobile (needed, and Indian for the push methods), the note
    // (SaleNote: refused with control characters or over 200 characters, phone numbers
    // masked). Gives the request as it will be stored.
    static Result<CheckoutRequest> validate(const CheckoutRequest &request, qint64 saleCeilingMinor);

    // Validates, commits the order, then asks the gateway. Returns the order id at once; the
    // rest arrives as signals. The same orderId again (a double click, a retry after a lost
    // answer, another process) never starts a second payment: it attaches to the first. An
    // empty orderId gets a new one (newOrderId()).
    Result<QString> pay(const CheckoutRequest &request) override;
    VoidResult cancel(const QString &orderId, const QString &reason = {}) override;
    // A new transaction on the same order after failed / declined / expired. `provider`, when
    // given and not the order's, is where the sale goes on: only the one
    // ProviderRules::upiQrFallback names (a Juspay push retried as a UPI QR), and only when it
    // is configured. Errors: not_found, in_progress, not_retryable, not_switchable,
    // unknown_provider.
    VoidResult retry(const QString &orderId, const QString &provider = {}) override;
    // Ask the gateway now (and start watching an order that is not being watched).
    VoidResult checkNow(const QString &orderId) override;
    // The caller stops waiting: sales whose payment request the gateway has not accepted yet
    // are recorded as unknown (see SaleTracker::abandonStart). Others are left as they are.
    void abandonPendingStarts();
    // At start: every order not in a final state is watched again with status queries.
    Result<QStringList> resumeOpenOrders();

    // Read-only views for the faces (the UI never opens the ledger itself).
    Result<std::optional<OrderRecord>> order(const QString &orderId) const override;
    Result<QList<OrderRecord>> unresolvedOrders(int limit = 50) const override;

    bool isActive(const QString &orderId) const { return m_trackers.contains(orderId); }
    int activeCount() const { return int(m_trackers.size()); }

private:
    PaymentGateway *gatewayFor(const QString &provider) const;
    // The order's tracker, made if needed; `provider` (when given) is the gateway for its next
    // transaction instead of the order's.
    SaleTracker *track(const OrderRecord &order, const QString &provider = {});
    PollPolicy policyFor(const QString &provider) const;

    Ledger &m_ledger;
    QHash<QString, PaymentGateway *> m_gateways;
    QStringList m_providers; // in the order the gateways were given (the profile's)
    Config m_config;
    const Clock &m_clock;
    QHash<QString, SaleTracker *> m_trackers;
    StatusQueue *m_statusQueue;
};
