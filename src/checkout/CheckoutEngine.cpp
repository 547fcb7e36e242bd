#include "checkout/CheckoutEngine.h"

#include "checkout/CheckoutLogging.h"
#include "gateway/ProviderRules.h"
#include "checkout/SaleTracker.h"
#include "checkout/StatusQueue.h"
#include "core/OrderId.h"
#include "core/SaleNote.h"
#include "gateway/PaymentGateway.h"
#include "storage/Ledger.h"

CheckoutEngine::CheckoutEngine(Ledger &ledger, const QList<PaymentGateway *> &gateways, Config config,
                               const Clock &clock, QObject *parent)
    : Checkout(parent), m_ledger(ledger), m_config(std::move(config)), m_clock(clock),
      m_statusQueue(new StatusQueue(m_config.maxStatusQueries, this))
{
    for (PaymentGateway *gateway : gateways) {
        if (!m_gateways.contains(gateway->providerName()))
            m_providers.append(gateway->providerName());
        m_gateways.insert(gateway->providerName(), gateway);
    }
}

CheckoutEngine::~CheckoutEngine() = default;

QStringList CheckoutEngine::providers() const
{
    return m_providers;
}

Result<QString> CheckoutEngine::newOrderId() const
{
    const Result<OrderId> generated = OrderId::generate(m_config.terminal);
    if (!generated)
        return generated.error();
    return generated->toString();
}

qint64 CheckoutEngine::maxMinorUnits(const QString &provider)
{
    return ProviderRules::maxMinorUnits(provider);
}

bool CheckoutEngine::needsMobile(const QString &provider)
{
    return ProviderRules::needsMobile(provider);
}

PaymentGateway *CheckoutEngine::gatewayFor(const QString &provider) const
{
    return m_gateways.value(provider, nullptr);
}

PollPolicy CheckoutEngine::policyFor(const QString &provider) const
{
    return m_config.providerPolicies.value(provider, m_config.defaultPolicy);
}

SaleTracker *CheckoutEngine::track(const OrderRecord &order, const QString &provider)
{
    const QString next = provider.isEmpty() ? order.provider : provider;
    PaymentGateway *gateway = gatewayFor(next);
    if (SaleTracker *existing = m_trackers.value(order.orderId)) {
        if (!provider.isEmpty() && gateway)
            existing->useGateway(*gateway, policyFor(next));
        return gateway || provider.isEmpty() ? existing : nullptr;
    }
    if (!gateway)
        return nullptr;
    auto *tracker = new SaleTracker(order, *gateway, m_ledger, policyFor(next), m_clock, this,
                                    m_statusQueue);
    m_trackers.insert(order.orderId, tracker);
    connect(tracker, &SaleTracker::sessionStarted, this, &CheckoutEngine::sessionStarted);
    connect(tracker, &SaleTracker::stateChanged, this, &CheckoutEngine::stateChanged);
    connect(tracker, &SaleTracker::alertRaised, this, &CheckoutEngine::alertRaised);
    connect(tracker, &SaleTracker::statusChecked, this, &CheckoutEngine::statusChecked);
    connect(tracker, &SaleTracker::gatewayFailed, this, &CheckoutEngine::gatewayFailed);
    connect(tracker, &SaleTracker::finished, this, [this, tracker](const QString &orderId) {
        m_trackers.remove(orderId);
        const PaymentState state = tracker->order().state;
        tracker->deleteLater();
        emit finished(orderId, state);
    });
    return tracker;
}

Result<CheckoutRequest> CheckoutEngine::validate(const CheckoutRequest &request, qint64 saleCeilingMinor)
{
    const QStringList currencies = ProviderRules::currencies(request.provider);
    if (!currencies.isEmpty() && !currencies.contains(request.amount.currency().code())) {
        return Error::make("currency_not_supported", QStringLiteral("%1 takes %2 only, not %3.")
                                                           .arg(request.provider, currencies.join(QLatin1String(", ")),
                                                                request.amount.currency().code()));
    }
    if (std::optional<Error> bounds = request.amount.checkPaymentBounds(maxMinorUnits(request.provider)))
        return *bounds;
    if (request.amount.minorUnits() > saleCeilingMinor) {
        const Result<Money> ceiling = Money::fromMinorUnits(saleCeilingMinor, request.amount.currency());
        return Error::make("above_sale_ceiling",
                         QStringLiteral("The most one sale can be is %1 (this terminal's limit).")
                                 .arg(ceiling ? ceiling->toDisplayString(QLocale(QLocale::English, QLocale::India))
                                              : QString::number(saleCeilingMinor)));
    }
    if (needsMobile(request.provider) && !request.mobile)
        return Error::make("mobile_required", QStringLiteral("Enter the customer's mobile number."));
    if (const QString region = ProviderRules::mobileRegion(request.provider);
        request.mobile && !region.isEmpty() && request.mobile->regionCode() != region) {
        return Error::make("phone_region", QStringLiteral("%1 reaches Indian mobile numbers only (+91); %2 is not one.")
                                                 .arg(request.provider, request.mobile->countryCallingCode()));
    }
    const Result<QString> note = SaleNote::check(request.note);
    if (!note)
        return note.error();
    CheckoutRequest normalised = request;
    normalised.note = note.value();
    return normalised;
}

Result<QString> CheckoutEngine::pay(const CheckoutRequest &request)
{
    PaymentGateway *gateway = gatewayFor(request.provider);
    if (!gateway) {
        return Error::make("unknown_provider",
                         QStringLiteral("'%1' is not a configured payment method; configured: %2.")
                                 .arg(request.provider.left(40), providers().join(QLatin1String(", "))));
    }
    // Everything about the sale is checked before anything is written.
    const Result<CheckoutRequest> checked = validate(request, m_config.saleCeilingMinor);
    if (!checked)
        return checked.error();

    QString orderId = request.orderId;
    if (orderId.isEmpty()) {
        const Result<QString> generated = newOrderId();
        if (!generated)
            return generated.error();
        orderId = generated.value();
    } else if (const Result<OrderId> valid = OrderId::fromString(orderId); !valid) {
        return valid.error();
    }

    if (SaleTracker *active = m_trackers.value(orderId)) {
        if (active->order().amount != request.amount || active->order().provider != request.provider)
            return Error::make("order_id_in_use", QStringLiteral("Order %1 belongs to another sale.").arg(orderId));
        return orderId; // a double click: the sale is already under way
    }

    OrderRecord order;
    order.orderId = orderId;
    order.terminal = m_config.terminal;
    order.cashier = request.cashier;
    order.provider = request.provider;
    order.amount = request.amount;
    if (request.mobile) {
        order.phoneE164 = request.mobile->e164();
        order.phoneLast4 = request.mobile->lastFour();
    }
    order.note = checked->note;
    order.createdAt = m_clock.nowUtc();
    order.updatedAt = order.createdAt;

    OrderEvent created;
    created.orderId = orderId;
    created.at = order.createdAt;
    created.kind = QStringLiteral("created");
    created.toState = PaymentState::Created;
    created.outcome = QStringLiteral("ok");
    created.detail = QStringLiteral("%1 %2 via %3%4")
                             .arg(order.amount.toDecimalString(), order.amount.currency().code(), order.provider,
                                  request.mobile ? u" to " + request.mobile->masked() : QString());

    // Committed before any network call: a crash from here on leaves an order to resume.
    const VoidResult inserted = m_ledger.insertOrder(order, created);
    if (!inserted) {
        if (inserted.errorCode() != QLatin1String("duplicate_order"))
            return inserted.error();
        const auto existing = m_ledger.findOrder(orderId, PhoneAccess::Masked);
        if (!existing)
            return existing.error();
        const OrderRecord &stored = *existing.value();
        if (stored.amount != request.amount || stored.provider != request.provider)
            return Error::make("order_id_in_use", QStringLiteral("Order %1 belongs to another sale.").arg(orderId));
        order = stored;
        qCInfo(lcCheckout) << "pay for existing order" << orderId << "attaches to it";
    }

    SaleTracker *tracker = track(order);
    if (!tracker)
        return Error::make("unknown_provider", QStringLiteral("The order's provider is not configured."));
    // Created: nothing was sent yet. Failed or unknown: the gateway is asked first, and the
    // payment is created only if it has none (a blip, a request that never arrived).
    if (order.state == PaymentState::Created || order.state == PaymentState::Failed
        || order.state == PaymentState::Unknown)
        tracker->initiate(request.mobile, SaleTracker::StartMode::Pay);
    else if (!PaymentStates::isFinal(order.state))
        tracker->watch();
    else
        QMetaObject::invokeMethod(tracker, [tracker] { tracker->watch(); }, Qt::QueuedConnection);
    return orderId;
}

VoidResult CheckoutEngine::cancel(const QString &orderId, const QString &reason)
{
    SaleTracker *tracker = m_trackers.value(orderId);
    if (!tracker) {
        const auto stored = m_ledger.findOrder(orderId, PhoneAccess::Masked);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return Error::make("not_found", QStringLiteral("There is no order %1.").arg(orderId));
        tracker = track(*stored.value());
        if (!tracker)
            return Error::make("unknown_provider", QStringLiteral("The order's provider is not configured."));
    }
    return tracker->cancel(reason);
}

VoidResult CheckoutEngine::retry(const QString &orderId, const QString &provider)
{
    const auto stored = m_ledger.findOrder(orderId, PhoneAccess::Reveal);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error::make("not_found", QStringLiteral("There is no order %1.").arg(orderId));
    const OrderRecord &order = *stored.value();
    if (!PaymentStates::isRetryable(order.state)) {
        if (m_trackers.contains(orderId))
            return Error::make("in_progress", QStringLiteral("Order %1 is still in progress.").arg(orderId));
        return Error::make("not_retryable", QStringLiteral("Order %1 is %2; only failed, declined, expired or "
                                                         "unknown sales can be retried.")
                                                  .arg(orderId, PaymentStates::name(order.state)));
    }
    const bool switching = !provider.isEmpty() && provider != order.provider;
    if (switching && ProviderRules::upiQrFallback(order.provider) != provider) {
        return Error::make("not_switchable", QStringLiteral("Order %1 (%2) cannot go on as %3.")
                                                   .arg(orderId, order.provider, provider.left(40)));
    }
    if (switching && !gatewayFor(provider)) {
        return Error::make("unknown_provider",
                         QStringLiteral("'%1' is not a configured payment method.").arg(provider.left(40)));
    }
    std::optional<PhoneNumber> mobile;
    if (!order.phoneE164.isEmpty()) {
        const Result<PhoneNumber> parsed = PhoneNumber::parse(order.phoneE164);
        if (parsed)
            mobile = parsed.value();
    }
    // A tracker may still be watching (an expired sale in its grace period, an unknown one):
    // it takes the retry over, asking the gateway first.
    SaleTracker *tracker = track(order, switching ? provider : QString());
    if (!tracker)
        return Error::make("unknown_provider", QStringLiteral("The order's provider is not configured."));
    tracker->initiate(mobile, SaleTracker::StartMode::Retry);
    return ok();
}

VoidResult CheckoutEngine::checkNow(const QString &orderId)
{
    SaleTracker *tracker = m_trackers.value(orderId);
    if (!tracker) {
        const auto stored = m_ledger.findOrder(orderId, PhoneAccess::Masked);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return Error::make("not_found", QStringLiteral("There is no order %1 in the ledger.").arg(orderId));
        tracker = track(*stored.value());
        if (!tracker)
            return Error::make("unknown_provider", QStringLiteral("The order's provider is not configured."));
    }
    tracker->checkNow(); // one query now, even for a final order: the gateway may know more
    return ok();
}

Result<std::optional<OrderRecord>> CheckoutEngine::order(const QString &orderId) const
{
    return m_ledger.findOrder(orderId, PhoneAccess::Masked);
}

Result<QList<OrderRecord>> CheckoutEngine::unresolvedOrders(int limit) const
{
    OrderFilter filter;
    filter.states = { PaymentState::Unknown };
    filter.limit = limit;
    return m_ledger.findOrders(filter);
}

void CheckoutEngine::abandonPendingStarts()
{
    const QList<SaleTracker *> trackers = m_trackers.values();
    for (SaleTracker *tracker : trackers)
        tracker->abandonStart();
}

Result<QStringList> CheckoutEngine::resumeOpenOrders()
{
    const Result<QList<OrderRecord>> open = m_ledger.openOrders();
    if (!open)
        return open.error();
    QStringList resumed;
    for (const OrderRecord &order : open.value()) {
        SaleTracker *tracker = track(order);
        if (!tracker) {
            qCWarning(lcCheckout) << "cannot resume order" << order.orderId << "its provider" << order.provider
                                  << "is not configured";
            continue;
        }
        // Status queries only, never a new payment; spread over time so a terminal that
        // comes back with many open orders does not hit the gateway with all at once.
        tracker->watchAfter(qint64(resumed.size()) * 20);
        resumed.append(order.orderId);
    }
    qCInfo(lcCheckout) << "resumed" << resumed.size() << "open orders";
    return resumed;
}
