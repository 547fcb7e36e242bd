#include "app/cli/CliRunner.h"

#include "app/cli/TerminalQr.h"
#include "checkout/CheckoutEngine.h"
#include "checkout/RefundService.h"
#include "gateway/PaymentGateway.h"
#include "storage/Ledger.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

CliRunner::CliRunner(CliArguments arguments, QObject *parent)
    : QObject(parent), m_args(std::move(arguments)), m_out(m_args.format)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_services)
            m_services->engine().abandonPendingStarts(); // may end the command with its own verdict
        if (m_finished)
            return;
        // The last thing the gateway (did not) say decides: unreachable, refused, or just slow.
        int code = Unknown;
        QString why;
        for (auto it = m_lastErrors.cbegin(); it != m_lastErrors.cend(); ++it) {
            code = qMax(code, exitCodeForError(it.value()));
            why = it.value().toString();
        }
        if (code == Unreachable) {
            fail(code, QStringLiteral("Gave up after %1 s: the gateway could not be reached (%2). Check the network and "
                                      "the profile's base_url, then run the same command again: it asks the gateway "
                                      "first and never charges twice.")
                               .arg(m_args.timeoutSeconds)
                               .arg(why));
            return;
        }
        fail(Unknown, QStringLiteral("Gave up waiting after %1 s; the outcome is not known yet. Run `counterpay-cli "
                                     "status` or `resume` later; do not charge again.")
                              .arg(m_args.timeoutSeconds));
    });
}

CliRunner::~CliRunner() = default;

void CliRunner::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    emit done(code);
}

void CliRunner::fail(int code, const QString &message)
{
    CliOutput::error(message);
    finish(code);
}

void CliRunner::start()
{
    if (m_args.timeoutSeconds > 0)
        m_timeout.start(m_args.timeoutSeconds * 1000);
    // Refusals come before any file is made: the sale's own checks (the engine's, without a
    // ledger), an order asked about in a ledger that does not exist, then (in create) the
    // profile and the provider it configures.
    if (m_args.command == QLatin1String("pay")) {
        const Result<CheckoutRequest> checked = CheckoutEngine::validate(saleRequest(), m_args.app.saleCeilingMinor);
        if (!checked) {
            fail(BadInput, checked.errorMessage());
            return;
        }
        m_args.app.requiredProvider = m_args.provider;
    }
    if (m_args.command == QLatin1String("status") && !m_args.provider.isEmpty())
        m_args.app.requiredProvider = m_args.provider; // asked of that provider: it must be set up
    const QString ledger = AppServices::ledgerPathFor(m_args.app);
    if (!QFileInfo::exists(ledger)) {
        if ((m_args.command == QLatin1String("status") && m_args.provider.isEmpty()) || m_args.command == QLatin1String("refund")) {
            fail(BadInput, QStringLiteral("There is no order %1: the ledger %2 does not exist yet.").arg(m_args.orderId, ledger));
            return;
        }
        // Reading a ledger that is not there would make an empty one (and a device key).
        if (m_args.command == QLatin1String("history") || m_args.command == QLatin1String("check")) {
            fail(BadInput, QStringLiteral("There is no ledger at %1 yet: nothing has been sold with it (check --db).").arg(ledger));
            return;
        }
    }
    auto services = AppServices::create(m_args.app);
    if (!services) {
        const QString code = services.errorCode();
        fail(BadInput, services.errorMessage());
        Q_UNUSED(code);
        return;
    }
    m_services = std::move(services).value();

    CheckoutEngine &engine = m_services->engine();
    connect(&engine, &CheckoutEngine::gatewayFailed, this,
            [this](const QString &orderId, const GatewayError &error) { m_lastErrors.insert(orderId, error); });

    if (m_args.command == QLatin1String("pay"))
        pay();
    else if (m_args.command == QLatin1String("status"))
        status();
    else if (m_args.command == QLatin1String("resume"))
        resume();
    else if (m_args.command == QLatin1String("history"))
        history();
    else if (m_args.command == QLatin1String("check"))
        checkLedger();
    else
        refund();
}

void CliRunner::printOrder(const QString &orderId, const QString &message)
{
    const auto order = m_services->ledger().findOrder(orderId, PhoneAccess::Masked);
    QJsonObject extra;
    if (const QString uri = m_upiUris.value(orderId); !uri.isEmpty())
        extra.insert(QStringLiteral("upi_uri"), uri);
    if (order && order.value())
        m_out.order(*order.value(), message,
                    m_lastErrors.contains(orderId) ? m_lastErrors.value(orderId).toString() : QString(), extra);
}

int CliRunner::exitCodeForError(const GatewayError &error)
{
    using K = GatewayError::Kind;
    switch (error.kind) {
    case K::Unreachable:
    case K::Timeout:
    case K::Tls:
    case K::Truncated:
    case K::Server:
    case K::RateLimited:
        return Unreachable;
    case K::Auth:
        return BadInput; // the profile's credentials are wrong: nothing will work until fixed
    default:
        return Unknown;
    }
}

QString CliRunner::adviceFor(const GatewayError &error)
{
    if (error.kind == GatewayError::Kind::Auth)
        return QStringLiteral("The gateway refused the credentials (%1); check the API key or client secret in the "
                              "keychain or environment and the merchant id in the profile.").arg(error.toString());
    if (exitCodeForError(error) == Unreachable)
        return QStringLiteral("The gateway could not be reached (%1); check the network and the profile's base_url.")
                .arg(error.toString());
    return QStringLiteral("The gateway's answer could not be used (%1); the outcome is not known.").arg(error.toString());
}

int CliRunner::exitCodeFor(const QString &orderId) const
{
    const auto order = m_services->ledger().findOrder(orderId, PhoneAccess::Masked);
    if (!order || !order.value())
        return Unknown;
    const PaymentState state = order.value()->state;
    // A sale left without a verdict because the gateway could not be reached.
    if ((state == PaymentState::Failed || state == PaymentState::Unknown) && m_lastErrors.contains(orderId)
        && exitCodeForError(m_lastErrors.value(orderId)) == Unreachable)
        return Unreachable;
    return exitCodeForState(state);
}

int CliRunner::exitCodeForState(PaymentState state)
{
    switch (state) {
    case PaymentState::Charged:
    case PaymentState::Refunded:
    case PaymentState::PartiallyRefunded:
    case PaymentState::AwaitingCustomer:
        return Ok;
    case PaymentState::Failed:
    case PaymentState::Declined:
    case PaymentState::Expired:
    case PaymentState::Cancelled:
        return NotPaid;
    case PaymentState::Unknown:
    case PaymentState::Created:
    case PaymentState::Submitting:
        return Unknown;
    }
    return Unknown;
}

CheckoutRequest CliRunner::saleRequest() const
{
    CheckoutRequest request;
    request.provider = m_args.provider;
    if (m_args.amount)
        request.amount = *m_args.amount;
    request.mobile = m_args.mobile;
    request.orderId = m_args.orderId;
    request.note = m_args.note;
    request.cashier = qEnvironmentVariable("USER");
    return request;
}

void CliRunner::pay()
{
    CheckoutEngine &engine = m_services->engine();
    const CheckoutRequest request = saleRequest();

    connect(&engine, &CheckoutEngine::sessionStarted, this, [this](const QString &orderId, const PaymentSession &session) {
        if (!session.upiUri.isEmpty())
            m_upiUris.insert(orderId, session.upiUri);
        if (m_args.format == CliArguments::Format::Text) {
            if (!session.upiUri.isEmpty())
                m_out.text(QStringLiteral("Scan with any UPI app (%1): %2")
                                   .arg(session.payeeName.isEmpty() ? QStringLiteral("UPI QR") : session.payeeName,
                                        session.upiUri));
            else if (!session.authUrl.isEmpty())
                m_out.text(QStringLiteral("Customer authenticates at: %1").arg(session.authUrl.toString()));
            else
                m_out.text(QStringLiteral("A payment request was pushed to the customer's phone."));
            if (!session.intentUrl.isEmpty())
                m_out.text(QStringLiteral("Intent URL for the customer's device: %1").arg(session.intentUrl.toString()));
        }
        // The UPI intent where there is one (any UPI app pays it), else the page to open.
        const QString code = session.upiUri.isEmpty() ? session.authUrl.toString() : session.upiUri;
        if (m_args.qr && !code.isEmpty())
            m_out.terminal(TerminalQr::render(code));
        if (!m_args.wait && !m_finished) {
            printOrder(orderId, QStringLiteral("waiting for the customer; run `counterpay-cli status --order-id %1`").arg(orderId));
            finish(Ok);
        }
    });
    connect(&engine, &CheckoutEngine::stateChanged, this, [this](const QString &orderId, PaymentState, const QString &detail) {
        if (m_args.wait)
            printOrder(orderId, detail);
    });
    // A pay that attached to a sale already under way (a second press, another process)
    // reports after its first status check instead of waiting for a session it never started.
    connect(&engine, &CheckoutEngine::statusChecked, this, [this](const QString &orderId) {
        if (m_args.wait || m_finished)
            return;
        printOrder(orderId, QStringLiteral("this sale was already under way; no new payment was started"));
        finish(exitCodeFor(orderId));
    });
    // While the sale keeps trying by itself (--wait), each failed attempt is a progress note.
    connect(&engine, &CheckoutEngine::gatewayFailed, this, [this](const QString &orderId, const GatewayError &error) {
        if (m_args.wait && !m_finished && exitCodeForError(error) == Unreachable)
            CliOutput::error(QStringLiteral("note: order %1: %2").arg(orderId, error.toString()));
    });
    connect(&engine, &CheckoutEngine::alertRaised, this, [](const Alert &alert) {
        CliOutput::error(QStringLiteral("alert (%1) for order %2: %3").arg(Alert::kindName(alert.kind), alert.orderId, alert.message));
    });
    connect(&engine, &CheckoutEngine::finished, this, [this](const QString &orderId, PaymentState state) {
        if (m_finished)
            return;
        const int code = exitCodeFor(orderId);
        if (!m_args.wait || state == PaymentState::Unknown || code != Ok) {
            QString message = PaymentStates::name(state);
            if (m_lastErrors.contains(orderId))
                message = m_lastErrors.value(orderId).toString();
            if (!m_args.wait)
                printOrder(orderId, message);
        }
        if (code == Unreachable) {
            // One line with the real reason (a TLS failure says which: host name, expiry ...).
            const QString why = m_lastErrors.contains(orderId) ? QStringLiteral(" (%1)").arg(m_lastErrors.value(orderId).toString())
                                                               : QString();
            CliOutput::error(QStringLiteral("The gateway could not be reached%2; check the network and the profile's base_url, "
                                            "then run the same pay with --order-id %1: it asks the gateway first and "
                                            "never charges twice.").arg(orderId, why));
        }
        else if (code == Unknown)
            CliOutput::error(QStringLiteral("The outcome of order %1 is not known yet; run `counterpay-cli status --order-id %1` later. Do not charge again.").arg(orderId));
        else if (m_lastErrors.contains(orderId) && m_lastErrors.value(orderId).kind == GatewayError::Kind::Auth)
            CliOutput::error(adviceFor(m_lastErrors.value(orderId))); // a refused key is not the customer's doing
        finish(code);
    });

    const Result<QString> orderId = engine.pay(request);
    if (!orderId) {
        fail(BadInput, orderId.errorMessage());
        return;
    }
    if (m_args.format == CliArguments::Format::Text)
        m_out.text(QStringLiteral("Order %1 for %2 %3 via %4").arg(orderId.value(), request.amount.toDecimalString(),
                                                                   request.amount.currency().code(), request.provider));
}

void CliRunner::status()
{
    const auto stored = m_services->ledger().findOrder(m_args.orderId, PhoneAccess::Masked);
    if (!stored) {
        fail(BadInput, stored.errorMessage());
        return;
    }
    if (!stored.value()) {
        statusNotInLedger();
        return;
    }
    CheckoutEngine &engine = m_services->engine();
    const QString orderId = m_args.orderId;
    m_lastErrors.remove(orderId);
    auto report = [this, orderId] {
        if (m_finished)
            return;
        // Exit 0 only when this check got an answer; otherwise say why nothing was learnt.
        if (!m_lastErrors.contains(orderId)) {
            printOrder(orderId, QString());
            finish(exitCodeFor(orderId));
            return;
        }
        const GatewayError error = m_lastErrors.value(orderId);
        const auto order = m_services->ledger().findOrder(orderId, PhoneAccess::Masked);
        if (order && order.value())
            m_out.order(*order.value(), QStringLiteral("gateway: ") + error.toString(), error.toString());
        if (error.kind == GatewayError::Kind::NotFound) {
            // The tracker's verdict: a sale the gateway never had failed; anything else is odd.
            const int code = order && order.value() && order.value()->state == PaymentState::Failed ? int(NotPaid) : int(Unknown);
            fail(code, QStringLiteral("The gateway has no order %1.").arg(orderId));
            return;
        }
        fail(exitCodeForError(error), adviceFor(error));
    };
    connect(&engine, &CheckoutEngine::statusChecked, this, [orderId, report](const QString &id) {
        if (id == orderId)
            report();
    });
    connect(&engine, &CheckoutEngine::finished, this, [orderId, report](const QString &id) {
        if (id == orderId)
            report();
    });
    if (VoidResult checked = engine.checkNow(orderId); !checked)
        fail(BadInput, checked.errorMessage());
}

void CliRunner::statusNotInLedger()
{
    if (m_args.provider.isEmpty()) {
        fail(BadInput, QStringLiteral("Order %1 is not in this terminal's ledger; add --provider P to ask a gateway directly.")
                               .arg(m_args.orderId));
        return;
    }
    PaymentGateway *gateway = m_services->gateway(m_args.provider);
    if (!gateway) {
        fail(BadInput, QStringLiteral("The provider %1 is not configured in this profile.").arg(m_args.provider));
        return;
    }
    OrderRef ref;
    ref.orderId = m_args.orderId;
    ref.verifyAmount = false; // not ours: nothing to verify against, and no mismatch to report
    gateway->status(ref, this, [this](const GatewayResult<PaymentStatus> &result) {
        if (!result) {
            const GatewayError &error = result.error();
            const bool notFound = error.kind == GatewayError::Kind::NotFound;
            m_out.unverified(m_args.orderId, m_args.provider, PaymentStates::name(PaymentState::Unknown), QString(),
                             QString(), QString(), notFound ? QStringLiteral("the gateway has no such order") : QString(),
                             error.toString());
            fail(notFound ? int(NotPaid) : exitCodeForError(error),
                 notFound ? QStringLiteral("The gateway has no order %1.").arg(m_args.orderId) : adviceFor(error));
            return;
        }
        // The provider's own word, mapped; unverified because this ledger holds no amount for it.
        const PaymentStatus &status = result.value();
        const PaymentState state = status.state;
        m_out.unverified(m_args.orderId, m_args.provider, PaymentStates::name(state), status.rawStatus,
                         status.reportedAmount ? status.reportedAmount->toDecimalString() : QString(),
                         status.reportedAmount ? status.reportedAmount->currency().code() : QString(),
                         QStringLiteral("not in this terminal's ledger, so its amount cannot be verified"));
        finish(exitCodeForState(state));
    });
}

void CliRunner::resume()
{
    CheckoutEngine &engine = m_services->engine();
    connect(&engine, &CheckoutEngine::finished, this, [this](const QString &orderId, PaymentState state) {
        printOrder(orderId, QStringLiteral("resumed"));
        const int code = exitCodeFor(orderId);
        if (state == PaymentState::Unknown || code == Unknown || code == Unreachable)
            m_worstExit = qMax(m_worstExit, int(Unknown));
        m_waitingFor.remove(orderId);
        if (m_waitingFor.isEmpty())
            finish(m_worstExit);
    });
    const Result<QStringList> resumed = engine.resumeOpenOrders();
    if (!resumed) {
        fail(BadInput, resumed.errorMessage());
        return;
    }
    if (m_args.format == CliArguments::Format::Text)
        m_out.text(QStringLiteral("Resuming %1 open order(s) with status queries.").arg(resumed->size()));
    for (const QString &orderId : resumed.value())
        m_waitingFor.insert(orderId);
    if (m_waitingFor.isEmpty())
        finish(Ok);
}

void CliRunner::history()
{
    OrderFilter filter;
    filter.since = m_args.since;
    filter.until = m_args.until;
    filter.states = m_args.states;
    filter.provider = m_args.provider;
    filter.phoneLast4 = m_args.phoneLast4;
    filter.limit = m_args.limit;
    const Result<QList<OrderRecord>> orders = m_services->ledger().findOrders(filter);
    if (!orders) {
        fail(BadInput, orders.errorMessage());
        return;
    }
    if (m_args.format == CliArguments::Format::Csv) {
        m_out.csvHeader();
        for (const OrderRecord &order : orders.value())
            m_out.csvRow(order);
    } else {
        for (const OrderRecord &order : orders.value())
            m_out.order(order, QString());
    }
    finish(Ok);
}

void CliRunner::checkLedger()
{
    if (const VoidResult checked = m_services->ledger().checkIntegrity(); !checked) {
        fail(BadInput, checked.errorMessage());
        return;
    }
    const QString location = m_services->ledger().location();
    if (m_args.format == CliArguments::Format::Json) {
        const QJsonObject line { { QStringLiteral("ledger"), location }, { QStringLiteral("integrity"), QStringLiteral("ok") } };
        m_out.text(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
    } else {
        m_out.text(QStringLiteral("The ledger %1 is sound: every page was read and checked.").arg(location));
    }
    finish(Ok);
}

void CliRunner::refund()
{
    auto *service = new RefundService(m_services->ledger(), m_services->gateways(), Clock::system(), this);
    connect(service, &RefundService::refundFinished, this, [this](const QString &orderId, const RefundRecord &, const QString &message) {
        printOrder(orderId, message);
        finish(message.contains(QLatin1String("failed")) ? int(NotPaid) : int(Ok));
    });
    connect(service, &RefundService::refundFailed, this, [this](const QString &orderId, const GatewayError &error) {
        printOrder(orderId, QStringLiteral("refund not confirmed: ") + error.toString());
        fail(error.isTransport() ? int(Unreachable) : error.outcomeUnknown ? int(Unknown) : int(NotPaid),
             QStringLiteral("The refund was not confirmed (%1); run the same refund again: it will not be applied twice.")
                     .arg(error.toString()));
    });
    const Result<QString> requested = service->refund(m_args.orderId, m_args.amount, qEnvironmentVariable("USER"));
    if (!requested)
        fail(BadInput, requested.errorMessage());
}
