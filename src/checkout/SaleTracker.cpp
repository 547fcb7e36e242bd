#include "checkout/SaleTracker.h"

#include "checkout/CheckoutLogging.h"
#include "checkout/StatusQueue.h"
#include "core/PaymentStateMachine.h"
#include "storage/Ledger.h"

namespace {

bool isOneOf(PaymentState state, std::initializer_list<PaymentState> states)
{
    return std::find(states.begin(), states.end(), state) != states.end();
}

} // namespace

SaleTracker::SaleTracker(OrderRecord order, PaymentGateway &gateway, Ledger &ledger,
                         PollPolicy policy, const Clock &clock, QObject *parent, StatusQueue *statusQueue)
    : QObject(parent)
    , m_order(std::move(order))
    , m_gateway(gateway)
    , m_ledger(ledger)
    , m_policy(std::move(policy))
    , m_clock(clock)
    , m_random(QRandomGenerator::securelySeeded())
    , m_statusQueue(statusQueue)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SaleTracker::poll);
}

SaleTracker::~SaleTracker()
{
    // Our answer will never be delivered now (the gateway drops callbacks whose context is
    // gone), so give the slot back.
    if (m_holdsStatusSlot && m_statusQueue)
        m_statusQueue->release();
}

bool SaleTracker::transition(PaymentState next, const Change &change)
{
    const PaymentState from = m_order.state;
    if (next == from && !change.mutate) {
        recordEvent(change);
        return true;
    }
    PaymentStateMachine machine(from, m_order.orderId);
    if (next != from && !machine.transitionTo(next, change.detail)) {
        Change refused = change;
        refused.kind = "refused";
        refused.detail = QStringLiteral("illegal %1 -> %2 not applied; %3")
                                 .arg(PaymentStates::name(from), PaymentStates::name(next), change.detail);
        recordEvent(refused);
        return false;
    }

    OrderRecord updated = m_order;
    if (change.mutate)
        change.mutate(updated);
    updated.state = next;
    updated.updatedAt = now();
    OrderEvent event;
    event.orderId = m_order.orderId;
    event.at = updated.updatedAt;
    event.kind = QString::fromLatin1(change.kind);
    if (next != from) {
        event.fromState = from;
        event.toState = next;
    }
    event.providerStatus = change.providerStatus;
    event.outcome = change.outcome;
    event.detail = change.detail;

    const VoidResult written = m_ledger.updateOrder(updated, from, event);
    if (!written) {
        if (written.errorCode() == QLatin1String("conflict")) {
            // Another process moved this order on; adopt what the ledger now says.
            const auto reloaded = m_ledger.findOrder(m_order.orderId, PhoneAccess::Masked);
            if (reloaded && reloaded.value()) {
                m_order = *reloaded.value();
                emit stateChanged(m_order.orderId, m_order.state,
                                  QStringLiteral("changed by another CounterPay process"));
            }
        } else {
            raise(Alert::Kind::LedgerFailure, written.errorMessage());
        }
        return false;
    }
    m_order = updated;
    if (next == from)
        return true; // references updated, no state change to announce
    qCInfo(lcCheckout).noquote() << "order" << m_order.orderId << PaymentStates::name(from) << "->"
                                 << PaymentStates::name(next) << change.outcome;
    emit stateChanged(m_order.orderId, next, change.detail);
    return true;
}

void SaleTracker::recordEvent(const Change &change)
{
    OrderEvent event;
    event.orderId = m_order.orderId;
    event.at = now();
    event.kind = QString::fromLatin1(change.kind);
    event.providerStatus = change.providerStatus;
    event.outcome = change.outcome;
    event.detail = change.detail;
    if (const VoidResult written = m_ledger.appendEvent(event); !written)
        raise(Alert::Kind::LedgerFailure, written.errorMessage());
}

void SaleTracker::raise(Alert::Kind kind, const QString &message)
{
    Alert alert { m_order.orderId, kind, message, now() };
    qCWarning(lcCheckout).noquote() << "alert" << Alert::kindName(kind) << "order" << m_order.orderId << message;
    if (kind != Alert::Kind::LedgerFailure) {
        OrderEvent event;
        event.orderId = m_order.orderId;
        event.at = alert.at;
        event.kind = QStringLiteral("alert");
        event.outcome = Alert::kindName(kind);
        event.detail = message;
        m_ledger.appendEvent(event);
    }
    emit alertRaised(alert);
}

void SaleTracker::initiate(const std::optional<PhoneNumber> &mobile)
{
    if (m_inFlight)
        return;
    if (!isOneOf(m_order.state, { PaymentState::Created, PaymentState::Failed,
                                  PaymentState::Declined, PaymentState::Expired })) {
        watch();
        return;
    }
    const bool retry = m_order.state != PaymentState::Created;
    if (!transition(PaymentState::Submitting,
                    { "request", QString(), QStringLiteral("sending"),
                      retry ? QStringLiteral("retry: a new transaction on the same order")
                            : QStringLiteral("payment request sent to %1").arg(m_gateway.providerName()),
                      {} })) {
        // Someone else (another process, a double click) owns the request: just watch.
        watch();
        return;
    }
    PaymentRequest request;
    request.orderId = m_order.orderId;
    request.amount = m_order.amount;
    request.mobile = mobile;
    request.description = m_order.note.isEmpty() ? QStringLiteral("Order %1").arg(m_order.orderId) : m_order.note;
    m_inFlight = true;
    m_gateway.start(request, this, [this](const GatewayResult<PaymentSession> &result) { onStarted(result); });
}

void SaleTracker::onStarted(const GatewayResult<PaymentSession> &result)
{
    m_inFlight = false;
    if (!result) {
        const GatewayError &error = result.error();
        emit gatewayFailed(m_order.orderId, error);
        if (error.outcomeUnknown) {
            transition(PaymentState::Unknown,
                       { "response", QString(), GatewayError::kindName(error.kind),
                         QStringLiteral("no usable answer (%1); asking the gateway for the status").arg(error.toString()), {} });
            beginWatching();
        } else {
            transition(PaymentState::Failed, { "response", error.providerCode, GatewayError::kindName(error.kind), error.toString(), {} });
            finish();
        }
        return;
    }

    const PaymentSession &session = result.value();
    // A start answer is never proof of payment: only a status query with a matching amount is.
    PaymentState next = session.state;
    if (!isOneOf(next, { PaymentState::Failed, PaymentState::Declined }))
        next = PaymentState::AwaitingCustomer;
    const QDateTime expiry = session.expiresAt.isValid()
            ? session.expiresAt.toUTC()
            : m_order.createdAt.addMSecs(m_policy.defaultExpiryMs);
    const Change change { "response", session.rawStatus, QStringLiteral("ok"),
                          QStringLiteral("txn %1, authenticate with %2").arg(session.txnId, PaymentSession::methodName(session.method)),
                          [&session, expiry](OrderRecord &order) {
                              if (!session.txnId.isEmpty())
                                  order.txnId = session.txnId;
                              if (!session.txnUuid.isEmpty())
                                  order.txnUuid = session.txnUuid;
                              order.authUrl = session.authUrl.toString();
                              order.expiresAt = expiry;
                          } };
    if (m_order.state == PaymentState::Cancelled) {
        // Cancelled while the request was on its way: keep the references, announce nothing,
        // and watch for a charge the customer may still make.
        transition(PaymentState::Cancelled, change);
        beginWatching();
        return;
    }
    if (!transition(next, change))
        return;
    emit sessionStarted(m_order.orderId, session);
    if (next == PaymentState::AwaitingCustomer)
        beginWatching();
    else
        finish();
}

void SaleTracker::watch()
{
    if (m_finished || m_timer.isActive() || m_inFlight)
        return;
    beginWatching();
}

void SaleTracker::watchAfter(qint64 delayMs)
{
    if (m_finished || m_timer.isActive() || m_inFlight)
        return;
    m_watchStartMs = m_clock.monotonicMs();
    m_checksSinceWatch = 0;
    m_lastDelayMs = delayMs + m_policy.firstCheckMs;
    m_timer.start(int(qMin<qint64>(m_lastDelayMs, std::numeric_limits<int>::max())));
}

void SaleTracker::beginWatching()
{
    m_watchStartMs = m_clock.monotonicMs();
    m_lastDelayMs = 0;
    m_checksSinceWatch = 0;
    schedule(-1);
}

void SaleTracker::schedule(qint64 retryAfterMs)
{
    if (m_finished)
        return;
    if (!keepWatching()) {
        conclude();
        return;
    }
    const qint64 elapsed = m_clock.monotonicMs() - m_watchStartMs;
    const qint64 delay = m_policy.nextDelayMs(elapsed, m_lastDelayMs, retryAfterMs, m_random.generateDouble());
    m_lastDelayMs = delay;
    m_timer.start(int(qMin<qint64>(delay, std::numeric_limits<int>::max())));
}

void SaleTracker::checkNow()
{
    if (m_finished || m_inFlight)
        return;
    if (!m_timer.isActive() && m_checksSinceWatch == 0) {
        m_watchStartMs = m_clock.monotonicMs();
        m_lastDelayMs = 0;
    }
    m_timer.stop();
    poll();
}

void SaleTracker::poll()
{
    if (m_inFlight || m_finished)
        return;
    m_inFlight = true;
    if (!m_statusQueue) {
        sendStatusQuery();
        return;
    }
    m_statusQueue->enqueue(this, [this] {
        if (m_finished) { // the sale ended while this query waited its turn: nothing to ask
            m_inFlight = false;
            m_statusQueue->release();
            return;
        }
        m_holdsStatusSlot = true;
        sendStatusQuery();
    });
}

void SaleTracker::sendStatusQuery()
{
    OrderRef ref;
    ref.orderId = m_order.orderId;
    ref.amount = m_order.amount;
    ref.providerTxnId = m_order.txnId;
    m_gateway.status(ref, this, [this](const GatewayResult<PaymentStatus> &result) {
        if (m_holdsStatusSlot) {
            m_holdsStatusSlot = false;
            if (m_statusQueue)
                m_statusQueue->release();
        }
        onStatus(result);
    });
}

void SaleTracker::onStatus(const GatewayResult<PaymentStatus> &result)
{
    m_inFlight = false;
    ++m_checksSinceWatch;
    // Announced after the answer is applied, so a listener reading the ledger sees it.
    const QString orderId = m_order.orderId;
    const QPointer<SaleTracker> alive(this);
    handleStatus(result);
    if (alive)
        emit statusChecked(orderId, now());
}

void SaleTracker::handleStatus(const GatewayResult<PaymentStatus> &result)
{
    if (result) {
        m_unansweredChecks = 0;
        onStatusValue(result.value());
        return;
    }
    ++m_unansweredChecks;
    const GatewayError &error = result.error();
    emit gatewayFailed(m_order.orderId, error);
    if (error.kind == GatewayError::Kind::NotFound
        && isOneOf(m_order.state, { PaymentState::Created, PaymentState::Submitting, PaymentState::Unknown })) {
        transition(PaymentState::Failed,
                   { "status", QString(), QStringLiteral("not_found"),
                     QStringLiteral("the gateway has no record of this order, so nothing was charged"), {} });
        finish();
        return;
    }
    recordEvent({ "status", QString(), GatewayError::kindName(error.kind), error.toString(), {} });
    schedule(error.retryAfterMs);
}

void SaleTracker::onStatusValue(const PaymentStatus &status)
{
    const bool matches = status.amountVerified && status.reportedAmount
            && *status.reportedAmount == m_order.amount;
    if (status.amountMismatch || (status.state == PaymentState::Charged && !matches)) {
        const QString reported = status.reportedAmount
                ? status.reportedAmount->toDecimalString() + u' ' + status.reportedAmount->currency().code()
                : QStringLiteral("no amount");
        const QString message = QStringLiteral("the gateway reports %1 paid (%2) but the sale was for %3 %4; "
                                               "not treated as paid")
                                        .arg(reported, status.rawStatus, m_order.amount.toDecimalString(),
                                             m_order.amount.currency().code());
        transition(PaymentState::Unknown, { "status", status.rawStatus, QStringLiteral("mismatch"), message, {} });
        raise(Alert::Kind::AmountMismatch, message);
        finish();
        return;
    }

    const auto references = [status](OrderRecord &order) {
        if (!status.txnId.isEmpty())
            order.txnId = status.txnId;
        if (!status.txnUuid.isEmpty())
            order.txnUuid = status.txnUuid;
        if (!status.googleTransactionId.isEmpty())
            order.providerReference = status.googleTransactionId;
        if (!status.upiRrn.isEmpty())
            order.upiRrn = status.upiRrn;
        order.providerStatus = status.rawStatus;
    };
    const PaymentState was = m_order.state;
    switch (status.state) {
    case PaymentState::Charged: {
        // Late only if this process saw the payment still pending after the expiry; a charge
        // merely discovered late (say, at recovery) may have been made in time.
        const bool late = m_pendingAfterExpiry;
        const Change change { "status", status.rawStatus, QStringLiteral("verified"),
                              QStringLiteral("paid: %1 %2 confirmed by the gateway")
                                      .arg(m_order.amount.toDecimalString(), m_order.amount.currency().code()),
                              [references](OrderRecord &order) {
                                  references(order);
                                  order.verified = true;
                              } };
        if (transition(PaymentState::Charged, change)) {
            if (was == PaymentState::Cancelled) {
                raise(Alert::Kind::LateCharge,
                      QStringLiteral("The customer paid after the sale was cancelled; refund %1 %2 or "
                                     "complete the sale.").arg(m_order.amount.toDecimalString(), m_order.amount.currency().code()));
            } else if (late || was == PaymentState::Expired) {
                raise(Alert::Kind::LateSuccess,
                      QStringLiteral("The payment succeeded after the provider's expiry."));
            }
        }
        finish();
        return;
    }
    case PaymentState::Failed:
    case PaymentState::Declined:
    case PaymentState::Refunded:
    case PaymentState::PartiallyRefunded:
        transition(status.state, { "status", status.rawStatus, status.failureCode,
                                   status.failureMessage.isEmpty() ? status.rawStatus : status.failureMessage,
                                   references });
        finish();
        return;
    case PaymentState::Cancelled:
        // The customer cancelled at the provider: final, nothing was charged.
        if (was != PaymentState::Cancelled)
            transition(PaymentState::Declined, { "status", status.rawStatus, QStringLiteral("cancelled_by_customer"),
                                                 QStringLiteral("the customer cancelled"), references });
        finish();
        return;
    case PaymentState::Expired:
        transition(PaymentState::Expired, { "status", status.rawStatus, QStringLiteral("expired"),
                                            QStringLiteral("the request expired before the customer paid"), references });
        break; // keep watching through the grace period for a late success
    case PaymentState::AwaitingCustomer:
    case PaymentState::Submitting:
    case PaymentState::Created:
        if (m_order.expiresAt.isValid() && now() > m_order.expiresAt)
            m_pendingAfterExpiry = true;
        if (isOneOf(was, { PaymentState::Submitting, PaymentState::Unknown }))
            transition(PaymentState::AwaitingCustomer, { "status", status.rawStatus, QStringLiteral("pending"),
                                                         QStringLiteral("waiting for the customer"), references });
        else
            recordEvent({ "status", status.rawStatus, QStringLiteral("pending"), QString(), {} });
        break;
    case PaymentState::Unknown:
        recordEvent({ "status", status.rawStatus, status.knownStatus ? QStringLiteral("unknown") : QStringLiteral("unmapped"),
                      QStringLiteral("status '%1' does not say paid or failed").arg(status.rawStatus.left(40)), {} });
        break;
    }
    schedule(-1);
}

QDateTime SaleTracker::deadline() const
{
    const QDateTime expiry = m_order.expiresAt.isValid()
            ? m_order.expiresAt
            : m_order.createdAt.addMSecs(m_policy.defaultExpiryMs);
    return expiry.addMSecs(m_policy.graceAfterExpiryMs);
}

bool SaleTracker::keepWatching() const
{
    if (!isOneOf(m_order.state, { PaymentState::Created, PaymentState::Submitting, PaymentState::AwaitingCustomer,
                                  PaymentState::Unknown, PaymentState::Cancelled, PaymentState::Expired }))
        return false;
    // Always ask at least once, even for an order recovered long after its deadline.
    if (m_checksSinceWatch == 0 || now() < deadline())
        return true;
    // Past the deadline, a check the gateway did not answer (timeout, 5xx, unreachable) says
    // nothing about the order: ask again (up to 3 times) before calling the outcome unknown.
    constexpr int kMaxUnansweredAfterDeadline = 3;
    return m_unansweredChecks > 0 && m_unansweredChecks < kMaxUnansweredAfterDeadline;
}

void SaleTracker::conclude()
{
    if (isOneOf(m_order.state, { PaymentState::Created, PaymentState::Submitting, PaymentState::AwaitingCustomer,
                                 PaymentState::Unknown })) {
        const QString message = QStringLiteral("No final answer from the gateway by the expiry and grace "
                                               "period; resolve this order by hand.");
        transition(PaymentState::Unknown, { "deadline", m_order.providerStatus, QStringLiteral("unresolved"), message, {} });
        raise(Alert::Kind::UnknownOutcome, message);
    }
    finish();
}

void SaleTracker::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    emit finished(m_order.orderId);
}

VoidResult SaleTracker::cancel(const QString &reason)
{
    if (!isOneOf(m_order.state, { PaymentState::Created, PaymentState::Submitting,
                                  PaymentState::AwaitingCustomer, PaymentState::Unknown })) {
        return Error { QStringLiteral("not_cancellable"),
                       QStringLiteral("Order %1 is %2 and cannot be cancelled.")
                               .arg(m_order.orderId, PaymentStates::name(m_order.state)) };
    }
    const bool sent = m_order.state != PaymentState::Created;
    if (!transition(PaymentState::Cancelled,
                    { "cancel", QString(), QStringLiteral("cashier"),
                      reason.isEmpty() ? QStringLiteral("cancelled by the cashier") : reason, {} })) {
        return Error { QStringLiteral("write_failed"), QStringLiteral("The cancellation could not be recorded.") };
    }
    if (!sent)
        finish();
    else if (!m_timer.isActive() && !m_inFlight && !m_finished)
        beginWatching();
    return ok();
}
