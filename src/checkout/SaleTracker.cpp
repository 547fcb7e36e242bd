#include "checkout/SaleTracker.h"

#include "checkout/CheckoutLogging.h"
#include "gateway/ProviderRules.h"
#include "checkout/StatusQueue.h"
#include "core/PaymentStateMachine.h"
#include "storage/Ledger.h"

namespace {

bool isOneOf(PaymentState state, std::initializer_list<PaymentState> states)
{
    return std::find(states.begin(), states.end(), state) != states.end();
}

// Errors that say nothing about the order, only that the gateway did not answer usefully now:
// a payment request that got one is tried again (after a look-up if it may have arrived).
bool isTransient(const GatewayError &error)
{
    using K = GatewayError::Kind;
    return error.kind == K::Unreachable || error.kind == K::Timeout || error.kind == K::Truncated
            || error.kind == K::Server || error.kind == K::RateLimited;
}

} // namespace

SaleTracker::SaleTracker(OrderRecord order, PaymentGateway &gateway, Ledger &ledger,
                         PollPolicy policy, const Clock &clock, QObject *parent, StatusQueue *statusQueue)
    : QObject(parent)
    , m_order(std::move(order))
    , m_gateway(&gateway)
    , m_ledger(ledger)
    , m_policy(std::move(policy))
    , m_clock(clock)
    , m_random(QRandomGenerator::securelySeeded())
    , m_statusQueue(statusQueue)
{
    m_timer.setSingleShot(true);
    // The poll cap (4.4 s) is what a waiting customer tolerates; a coarse timer may fire 5 % late.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SaleTracker::poll);
    m_startTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        if (m_finished || m_inFlight || !isOneOf(m_order.state, { PaymentState::Submitting, PaymentState::Unknown }))
            return;
        // A request that may have arrived is looked up before it is sent again.
        if (m_startMaybeApplied || m_order.state == PaymentState::Unknown)
            probe();
        else
            send();
    });
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

void SaleTracker::recordPending(const QString &rawStatus)
{
    // Every check that finds the sale still pending used to be a synced ledger write: 57 in a
    // 3-minute sale, all on the event thread. The journal keeps what changes: a new provider
    // status, and a heartbeat a minute so the history still shows the sale was being watched.
    constexpr qint64 kHeartbeatMs = 60'000;
    const qint64 nowMs = m_clock.monotonicMs();
    if (rawStatus == m_lastPendingStatus && nowMs - m_lastPendingWriteMs < kHeartbeatMs)
        return;
    m_lastPendingStatus = rawStatus;
    m_lastPendingWriteMs = nowMs;
    recordEvent({ "status", rawStatus, QStringLiteral("pending"), QString(), {} });
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

void SaleTracker::useGateway(PaymentGateway &gateway, PollPolicy policy)
{
    m_gateway = &gateway;
    m_policy = policy;
}

void SaleTracker::initiate(const std::optional<PhoneNumber> &mobile, StartMode mode)
{
    if (m_finished)
        return;
    if (m_order.state != PaymentState::Created && !PaymentStates::isRetryable(m_order.state)) {
        watch();
        return;
    }
    m_mobile = mobile;
    m_startMode = mode;
    m_startAttempts = 0;
    m_startMaybeApplied = false;
    m_startUntilMs = m_clock.monotonicMs() + m_policy.startRetryMs;
    if (m_inFlight) {
        m_startPending = true; // acted on once the answer on the wire is in
        return;
    }
    beginStart();
}

bool SaleTracker::beginStart()
{
    const PaymentState state = m_order.state;
    if (state != PaymentState::Created && !PaymentStates::isRetryable(state))
        return false;
    m_timer.stop();
    m_startTimer.stop();
    if (state == PaymentState::Created) {
        // Nothing was ever sent for an order still in `created`.
        if (!claimAndSend(QStringLiteral("payment request sent to %1").arg(m_gateway->providerName())))
            watch();
        return true;
    }
    if (state != PaymentState::Unknown) {
        // Claim the retry first, so a second press or another process only watches.
        if (!transition(PaymentState::Submitting,
                        { "request", QString(), QStringLiteral("looking_up"),
                          QStringLiteral("retry: asking the gateway what it holds for this order first"), {} })) {
            watch();
            return true;
        }
    }
    probe();
    return true;
}

void SaleTracker::probe()
{
    OrderRef ref;
    ref.orderId = m_order.orderId;
    ref.amount = m_order.amount;
    ref.providerTxnId = m_order.txnId;
    m_inFlight = true;
    m_gateway->status(ref, this, [this](const GatewayResult<PaymentStatus> &result) {
        m_inFlight = false;
        onProbe(result);
    });
}

void SaleTracker::onProbe(const GatewayResult<PaymentStatus> &result)
{
    if (result) {
        const PaymentStatus &status = result.value();
        const bool lastOneEnded = PaymentStates::endedUnpaid(status.state);
        // A UPI QR is paid only by scanning the code this till shows, and a retried QR sale
        // shows none (its QR was refused, its answer never came, or it expired here): a
        // transaction still pending there can be paid by no one, so a new one goes out.
        const bool unseenQr = m_startMode == StartMode::Retry && ProviderRules::isUpiQr(m_gateway->providerName())
                && status.state == PaymentState::AwaitingCustomer;
        if (status.noTransaction || (m_startMode == StartMode::Retry && lastOneEnded) || unseenQr) {
            const QString why = status.noTransaction
                    ? QStringLiteral("the gateway holds the order but no payment on it; sending the payment request")
                    : unseenQr
                    ? QStringLiteral("retry: a new UPI QR on the same order (the pending one was never shown)")
                    : QStringLiteral("retry: a new transaction on the same order (the last one is %1)").arg(status.rawStatus.left(40));
            // A gateway that names each attempt (Google direct) needs a new name for it.
            if (!claimAndSend(why, !status.noTransaction))
                watch();
            return;
        }
        // The gateway holds a payment for this order (pending, paid or with a verdict):
        // attach to it, never a second one.
        m_checksSinceWatch = 0;
        m_watchStartMs = m_clock.monotonicMs();
        m_lastDelayMs = 0;
        const QString orderId = m_order.orderId;
        const QPointer<SaleTracker> alive(this);
        onStatusValue(status);
        if (alive)
            emit statusChecked(orderId, now());
        return;
    }
    const GatewayError &error = result.error();
    // CM.com can only be asked by its own transaction id: without one nothing was created
    // there that the customer could pay.
    const bool cannotExist = error.kind == GatewayError::Kind::NotFound
            || (error.kind == GatewayError::Kind::Config && m_order.txnId.isEmpty());
    if (cannotExist) {
        if (!claimAndSend(QStringLiteral("the gateway has no payment for this order; sending the payment request")))
            watch();
        return;
    }
    emit gatewayFailed(m_order.orderId, error);
    if (retryStartLater(error))
        return;
    const QString message = QStringLiteral("could not ask the gateway about this order (%1); nothing new was sent")
                                    .arg(error.toString());
    if (m_order.state == PaymentState::Submitting) {
        // Claimed for a retry that never went out: the outcome of the earlier request is open.
        transition(PaymentState::Unknown, { "status", QString(), GatewayError::kindName(error.kind), message, {} });
    } else {
        recordEvent({ "status", QString(), GatewayError::kindName(error.kind), message, {} });
        emit stateChanged(m_order.orderId, m_order.state, message);
    }
    finish();
}

bool SaleTracker::claimAndSend(const QString &why, bool newAttempt)
{
    // Where the client names each transaction (Google direct), the attempt's id is written to
    // the ledger before the request goes out: a lost answer, a retry of the same request or a
    // restart then asks about (and resends) this attempt, never a new one.
    QString attempt;
    if (!m_gateway->transactionIdFor(m_order.orderId, QString()).isEmpty()) {
        attempt = newAttempt || m_order.txnId.isEmpty()
                ? m_gateway->transactionIdFor(m_order.orderId, newAttempt ? m_order.txnId : QString())
                : m_order.txnId;
    }
    Change claim { "request", QString(), QStringLiteral("sending"), why, {} };
    const QString provider = m_gateway->providerName();
    const bool switched = provider != m_order.provider;
    if (switched)
        claim.detail += QStringLiteral(" (now %1, was %2)").arg(provider, m_order.provider);
    if (!attempt.isEmpty() && attempt != m_order.txnId)
        claim.detail += QStringLiteral(" (transaction %1)").arg(attempt);
    if (switched || (!attempt.isEmpty() && attempt != m_order.txnId)) {
        claim.mutate = [attempt, provider](OrderRecord &order) {
            if (!attempt.isEmpty())
                order.txnId = attempt;
            order.provider = provider;
        };
    }
    if (m_order.state == PaymentState::Submitting && !claim.mutate) {
        recordEvent(claim);
    } else if (!transition(PaymentState::Submitting, claim)) {
        return false; // someone else (another process, a double click) owns the request
    }
    m_attemptTxnId = attempt;
    send();
    return true;
}

void SaleTracker::send()
{
    PaymentRequest request;
    request.orderId = m_order.orderId;
    request.amount = m_order.amount;
    request.mobile = m_mobile;
    request.transactionId = m_attemptTxnId;
    request.description = m_order.note.isEmpty() ? QStringLiteral("Order %1").arg(m_order.orderId) : m_order.note;
    ++m_startAttempts;
    m_inFlight = true;
    m_gateway->start(request, this, [this](const GatewayResult<PaymentSession> &result) { onStarted(result); });
}

bool SaleTracker::retryStartLater(const GatewayError &error)
{
    if (!isOneOf(m_order.state, { PaymentState::Submitting, PaymentState::Unknown }) || !isTransient(error))
        return false;
    // 0.5, 1, 2, 4 then 5 s apart, or what the gateway asked for in Retry-After.
    const qint64 backoff = qMin<qint64>(qint64(500) << qMin(m_startAttempts, 4), 5'000);
    const qint64 delay = error.retryAfterMs >= 0 ? error.retryAfterMs : backoff;
    if (m_clock.monotonicMs() + delay >= m_startUntilMs)
        return false;
    recordEvent({ "response", error.providerCode, GatewayError::kindName(error.kind),
                  QStringLiteral("no answer yet (%1); trying again in %2 ms").arg(error.toString()).arg(delay), {} });
    m_startTimer.start(int(delay));
    return true;
}

void SaleTracker::onStarted(const GatewayResult<PaymentSession> &result)
{
    m_inFlight = false;
    if (!result) {
        const GatewayError &error = result.error();
        emit gatewayFailed(m_order.orderId, error);
        m_startMaybeApplied = m_startMaybeApplied || error.outcomeUnknown;
        if (error.kind == GatewayError::Kind::IdentityMismatch)
            raise(Alert::Kind::IdentityMismatch,
                  QStringLiteral("The gateway's answer to the payment request names another order (%1).")
                          .arg(error.message));
        if (m_order.state == PaymentState::Submitting && retryStartLater(error))
            return;
        if (m_startMaybeApplied) {
            transition(PaymentState::Unknown,
                       { "response", QString(), GatewayError::kindName(error.kind),
                         QStringLiteral("no usable answer (%1); asking the gateway for the status").arg(error.toString()), {} });
            beginWatching();
        } else if (isTransient(error)) {
            // No verdict: the gateway may or may not hold the order. Retry looks it up first.
            transition(PaymentState::Unknown,
                       { "response", error.providerCode, GatewayError::kindName(error.kind),
                         QStringLiteral("the gateway did not accept the payment request in time (%1); "
                                        "Retry asks the gateway first and sends it only if it has none")
                                 .arg(error.toString()), {} });
            finish();
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
                          session.method == PaymentSession::Method::None
                                  ? QStringLiteral("txn %1").arg(session.txnId)
                                  : QStringLiteral("txn %1, authenticate with %2").arg(session.txnId, PaymentSession::methodName(session.method)),
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
    if (m_finished || m_timer.isActive() || m_inFlight || m_startTimer.isActive())
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
    if (m_startTimer.isActive()) {
        // Still trying to get the payment request accepted: try now instead of later.
        m_startTimer.stop();
        if (m_startMaybeApplied || m_order.state == PaymentState::Unknown)
            probe();
        else
            send();
        return;
    }
    if (!m_timer.isActive() && m_checksSinceWatch == 0) {
        m_watchStartMs = m_clock.monotonicMs();
        m_lastDelayMs = 0;
    }
    m_timer.stop();
    poll();
}

void SaleTracker::abandonStart()
{
    if (m_finished || m_order.state != PaymentState::Submitting || m_startAttempts == 0)
        return;
    m_startTimer.stop();
    transition(PaymentState::Unknown,
               { "abandoned", QString(), QStringLiteral("not_accepted"),
                 QStringLiteral("CounterPay stopped waiting before the gateway accepted the payment request; "
                                "Pay or Retry asks the gateway first"), {} });
    finish();
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
    m_gateway->status(ref, this, [this](const GatewayResult<PaymentStatus> &result) {
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
    if (!alive)
        return;
    emit statusChecked(orderId, now());
    if (alive && m_startPending && !m_inFlight && !m_finished) {
        m_startPending = false;
        beginStart();
    }
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
    if (error.kind == GatewayError::Kind::IdentityMismatch) {
        // Evidence about another order proves nothing about this one; keep asking.
        raise(Alert::Kind::IdentityMismatch,
              QStringLiteral("The gateway's status answer names another order or merchant (%1); it was not "
                             "applied to this sale.").arg(error.message));
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
        // A refund made anywhere (CounterPay, the provider's dashboard) as the provider counts it.
        if (status.refundedAmount && status.refundedAmount->currency() == order.amount.currency())
            order.refundedMinorUnits = qMax(order.refundedMinorUnits, status.refundedAmount->minorUnits());
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
    case PaymentState::Refunded:
    case PaymentState::PartiallyRefunded:
        // Paid and (partly) refunded before this terminal saw it paid: record the payment first,
        // so the journal shows the money that moved both ways.
        if (!PaymentStates::isLegalTransition(was, status.state) && PaymentStates::isLegalTransition(was, PaymentState::Charged))
            transition(PaymentState::Charged, { "status", status.rawStatus, QStringLiteral("verified"),
                                                QStringLiteral("paid: %1 %2 confirmed by the gateway, since refunded")
                                                        .arg(m_order.amount.toDecimalString(), m_order.amount.currency().code()),
                                                [references](OrderRecord &order) {
                                                    references(order);
                                                    order.verified = true;
                                                } });
        [[fallthrough]];
    case PaymentState::Failed:
    case PaymentState::Declined:
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
            recordPending(status.rawStatus);
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
    if (m_startPending && !m_inFlight) {
        // Retry was asked for while the answer that ends this sale was on the wire.
        m_startPending = false;
        if (beginStart())
            return;
    }
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
    // Not sent: nothing yet, or only requests that never reached the gateway and wait for a retry.
    const bool neverArrived = m_startTimer.isActive() && !m_startMaybeApplied;
    const bool sent = m_order.state != PaymentState::Created && !neverArrived;
    m_startTimer.stop();
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
