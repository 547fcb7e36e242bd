// The checkout engine end to end: a real sandbox on 127.0.0.1, the real Juspay client over
// HTTP, a real SQLite ledger in a temporary folder. Polling is scaled down, never slept.
#include "CheckoutRig.h"
#include "CountingGateway.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(PaymentState)
Q_DECLARE_METATYPE(Alert)

namespace {

QStringList eventKinds(Ledger &ledger, const QString &orderId)
{
    QStringList kinds;
    for (const OrderEvent &event : ledger.events(orderId).value())
        kinds.append(event.kind);
    return kinds;
}

} // namespace

class tst_CheckoutEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void paidWhenTheCustomerApproves();
    void declinedIsFinalAndNeverCharged();
    void validationWritesNothing();
    void payIsIdempotent();
    void cancelThenLateChargeRaisesAlert();
    void lostResponseIsResolvedByStatus();
    void recoveryUsesStatusQueriesOnly();
    void manyResumedOrdersShareTheGatewayLink();
    void amountMismatchIsNeverCharged();
    void unreachableGatewayIsUnknownNotFailed();
    void retryAttachesToWhatTheGatewayHas();
    void noAnswerByTheDeadlineIsUnknown();
};

void tst_CheckoutEngine::initTestCase()
{
    qRegisterMetaType<PaymentState>();
    qRegisterMetaType<Alert>();
}

void tst_CheckoutEngine::paidWhenTheCustomerApproves()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    QSignalSpy finished(rig.engine.get(), &CheckoutEngine::finished);

    const Result<QString> orderId = rig.engine->pay(rig.sale());
    QVERIFY2(orderId.ok(), qPrintable(orderId.errorMessage()));
    QCOMPARE(rig.stateOf(orderId.value()), PaymentState::Submitting); // committed before the network
    QVERIFY(sessions.wait(5000));
    const PaymentSession session = sessions.first().at(1).value<PaymentSession>();
    QCOMPARE(session.authUrl.host(), QStringLiteral("127.0.0.1"));
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId.value()), PaymentState::AwaitingCustomer, 5000);

    QVERIFY(rig.sandbox->approve(orderId.value()));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().at(1).value<PaymentState>(), PaymentState::Charged);
    const OrderRecord order = *rig.ledger->findOrder(orderId.value(), PhoneAccess::Masked).value();
    QCOMPARE(order.state, PaymentState::Charged);
    QVERIFY(order.verified);
    QVERIFY(!order.txnId.isEmpty());
    QCOMPARE(order.providerStatus, QStringLiteral("CHARGED"));
    const QStringList kinds = eventKinds(*rig.ledger, orderId.value());
    QCOMPARE(kinds.first(), QStringLiteral("created"));
    QVERIFY(kinds.contains(QStringLiteral("request")));
    QVERIFY(kinds.contains(QStringLiteral("response")));
    QVERIFY(kinds.count(QStringLiteral("status")) >= 1);
    QVERIFY(!rig.engine->isActive(orderId.value()));
}

void tst_CheckoutEngine::declinedIsFinalAndNeverCharged()
{
    Rig rig(QStringLiteral("decline-after:100"));
    QVERIFY(rig.started);
    QSignalSpy finished(rig.engine.get(), &CheckoutEngine::finished);
    const QString orderId = rig.engine->pay(rig.sale()).value();
    QVERIFY(finished.wait(5000));
    QCOMPARE(rig.stateOf(orderId), PaymentState::Declined); // the customer said no: not a failure
}

void tst_CheckoutEngine::validationWritesNothing()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    CheckoutRequest noMobile = rig.sale();
    noMobile.mobile.reset();
    QCOMPARE(rig.engine->pay(noMobile).errorCode(), QStringLiteral("mobile_required"));
    CheckoutRequest unknown = rig.sale();
    unknown.provider = QStringLiteral("paypal");
    QCOMPARE(rig.engine->pay(unknown).errorCode(), QStringLiteral("unknown_provider"));
    QCOMPARE(rig.engine->pay(rig.sale(0)).errorCode(), QStringLiteral("not_positive"));
    CheckoutRequest badId = rig.sale();
    badId.orderId = QStringLiteral("bad id!");
    QCOMPARE(rig.engine->pay(badId).errorCode(), QStringLiteral("invalid_character"));
    QCOMPARE(rig.ledger->countOrders(OrderFilter()).value(), qint64(0));
    QCOMPARE(rig.sandboxOrders().size(), 0);
}

void tst_CheckoutEngine::payIsIdempotent()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    CheckoutRequest request = rig.sale();
    request.orderId = QStringLiteral("T01DOUBLE0001");
    for (int i = 0; i < 5; ++i)
        QCOMPARE(rig.engine->pay(request).value(), request.orderId);
    QVERIFY(sessions.wait(5000));
    // A second engine on the same ledger (another process) pays the same sale again.
    CheckoutEngine::Config config;
    config.defaultPolicy = fastPolicy();
    CheckoutEngine second(*rig.ledger, { rig.gateway.get() }, config);
    QSignalSpy secondSessions(&second, &CheckoutEngine::sessionStarted);
    QSignalSpy secondChecks(&second, &CheckoutEngine::statusChecked);
    QCOMPARE(second.pay(request).value(), request.orderId);
    // The second engine finds the sale in the ledger and watches it: its first status answer
    // is the known later event by which it would have sent a payment request, had it sent one.
    QVERIFY(secondChecks.wait(5000));
    QCOMPARE(secondSessions.size(), 0);
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(rig.ledger->countOrders(OrderFilter()).value(), qint64(1));
    const QJsonArray orders = rig.sandboxOrders();
    QCOMPARE(orders.size(), 1);
    QCOMPARE(orders.first().toObject().value(QLatin1String("order_id")).toString(), request.orderId);
    QCOMPARE(orders.first().toObject().value(QLatin1String("txns")).toInt(), 1); // one transaction, not two

    // A different sale may not borrow the id.
    CheckoutRequest other = request;
    other.amount = Money::fromMinorUnits(100, Currency::inr()).value();
    QCOMPARE(rig.engine->pay(other).errorCode(), QStringLiteral("order_id_in_use"));
}

void tst_CheckoutEngine::cancelThenLateChargeRaisesAlert()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    QSignalSpy alerts(rig.engine.get(), &CheckoutEngine::alertRaised);
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    const QString orderId = rig.engine->pay(rig.sale()).value();
    QVERIFY(sessions.wait(5000));
    QVERIFY(rig.engine->cancel(orderId, QStringLiteral("customer walked away")).ok());
    QCOMPARE(rig.stateOf(orderId), PaymentState::Cancelled);
    QVERIFY(rig.sandbox->approve(orderId)); // the customer pays anyway
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::Charged, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!alerts.isEmpty(), 2000);
    const Alert alert = alerts.last().first().value<Alert>();
    QCOMPARE(alert.kind, Alert::Kind::LateCharge);
    QVERIFY(alert.message.contains(QStringLiteral("refund")));
    QVERIFY(eventKinds(*rig.ledger, orderId).contains(QStringLiteral("alert")));
    QCOMPARE(rig.engine->cancel(orderId).errorCode(), QStringLiteral("not_cancellable"));
}

void tst_CheckoutEngine::lostResponseIsResolvedByStatus()
{
    Rig rig(QStringLiteral("drop-after-commit"));
    QVERIFY(rig.started);
    QSignalSpy failures(rig.engine.get(), &CheckoutEngine::gatewayFailed);
    const QString orderId = rig.engine->pay(rig.sale()).value();
    QVERIFY(failures.wait(5000));
    // The answer was lost after the gateway committed: the engine must not call it failed.
    QTRY_VERIFY_WITH_TIMEOUT(rig.stateOf(orderId) == PaymentState::Unknown
                                     || rig.stateOf(orderId) == PaymentState::AwaitingCustomer, 3000);
    QVERIFY(rig.stateOf(orderId) != PaymentState::Failed);
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::AwaitingCustomer, 5000);
    QVERIFY(rig.sandbox->approve(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::Charged, 5000);
    QCOMPARE(rig.sandboxOrders().size(), 1);
}

void tst_CheckoutEngine::recoveryUsesStatusQueriesOnly()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    const QString known = rig.engine->pay(rig.sale()).value();
    QVERIFY(sessions.wait(5000));

    // An order that crashed between commit and send: the sandbox never heard of it.
    OrderRecord orphan;
    orphan.orderId = QStringLiteral("T01ORPHAN0001");
    orphan.terminal = QStringLiteral("T01");
    orphan.provider = kProvider;
    orphan.amount = Money::fromMinorUnits(500, Currency::inr()).value();
    orphan.state = PaymentState::Submitting;
    orphan.createdAt = QDateTime::currentDateTimeUtc();
    OrderEvent created;
    created.orderId = orphan.orderId;
    created.kind = QStringLiteral("created");
    QVERIFY(rig.ledger->insertOrder(orphan, created).ok());

    // "Restart": a new engine on the same ledger.
    rig.openEngine(fastPolicy());
    QSignalSpy restartedSessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    const QStringList resumed = rig.engine->resumeOpenOrders().value();
    QCOMPARE(resumed.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orphan.orderId), PaymentState::Failed, 5000);
    QVERIFY(rig.sandbox->approve(known));
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(known), PaymentState::Charged, 5000);
    QCOMPARE(restartedSessions.size(), 0); // nothing was started again
    QCOMPARE(rig.sandboxOrders().size(), 1);
}

void tst_CheckoutEngine::manyResumedOrdersShareTheGatewayLink()
{
    // After a crash many orders are resumed at once. Their status queries go out a few at a
    // time (StatusQueue), so none waits out its answer timeout in a queue, and every order the
    // gateway charged ends charged.
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    QStringList orders;
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    for (int i = 0; i < 24; ++i)
        orders << rig.engine->pay(rig.sale(1000 + i)).value();
    QTRY_COMPARE_WITH_TIMEOUT(sessions.size(), 24, 15'000);
    rig.engine.reset(); // the crash
    for (const QString &orderId : std::as_const(orders))
        QVERIFY(rig.sandbox->approve(orderId));
    // Every answer now takes 200 ms, so queries sent all at once would overlap.
    QNetworkRequest request(rig.base.resolved(QUrl(QStringLiteral("/__sandbox/scenario"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = rig.manager.post(request, QByteArrayLiteral(R"({"scenario":"slow:200"})"));
    QSignalSpy posted(reply, &QNetworkReply::finished);
    QVERIFY(posted.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();

    CountingGateway counting(*rig.gateway);
    CheckoutEngine::Config config;
    config.defaultPolicy = fastPolicy();
    CheckoutEngine engine(*rig.ledger, { &counting }, config);
    QCOMPARE(engine.resumeOpenOrders().value().size(), 24);
    for (const QString &orderId : std::as_const(orders))
        QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::Charged, 20'000);
    QVERIFY2(counting.maxInFlight() <= config.maxStatusQueries, QByteArray::number(counting.maxInFlight()).constData());
    QVERIFY(counting.maxInFlight() >= 2); // they do overlap, up to the limit
}

void tst_CheckoutEngine::amountMismatchIsNeverCharged()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    const QString orderId = rig.engine->pay(rig.sale(14950)).value();
    QVERIFY(sessions.wait(5000));
    rig.engine.reset();
    rig.ledger.reset();
    {
        // The ledger says 100.00 while the gateway holds 149.50.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(rig.path);
        QVERIFY(raw.open());
        QVERIFY(QSqlQuery(raw).exec(QStringLiteral("UPDATE orders SET amount_minor = 10000")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    rig.openEngine(fastPolicy());
    QSignalSpy alerts(rig.engine.get(), &CheckoutEngine::alertRaised);
    QVERIFY(rig.sandbox->approve(orderId));
    QVERIFY(rig.engine->resumeOpenOrders().ok());
    QTRY_VERIFY_WITH_TIMEOUT(!alerts.isEmpty(), 5000);
    QCOMPARE(alerts.first().first().value<Alert>().kind, Alert::Kind::AmountMismatch);
    QCOMPARE(rig.stateOf(orderId), PaymentState::Unknown);
    QVERIFY(!rig.ledger->findOrder(orderId, PhoneAccess::Masked).value()->verified);
}

void tst_CheckoutEngine::unreachableGatewayIsUnknownNotFailed()
{
    PollPolicy policy = fastPolicy();
    policy.startRetryMs = 2'000;
    Rig rig(QStringLiteral("manual"), policy);
    QVERIFY(rig.started);
    rig.sandbox.reset(); // nothing listens on that port any more
    QSignalSpy failures(rig.engine.get(), &CheckoutEngine::gatewayFailed);
    QSignalSpy states(rig.engine.get(), &CheckoutEngine::stateChanged);
    QSignalSpy finished(rig.engine.get(), &CheckoutEngine::finished);
    const QString orderId = rig.engine->pay(rig.sale()).value();
    QVERIFY(finished.wait(10000));
    QCOMPARE(failures.first().at(1).value<GatewayError>().kind, GatewayError::Kind::Unreachable);
    QVERIFY2(failures.size() >= 2, "the sale tries again by itself within its start window");
    // No verdict came, so none is recorded: the gateway may or may not have the order.
    QCOMPARE(rig.stateOf(orderId), PaymentState::Unknown);
    for (const QList<QVariant> &change : std::as_const(states))
        QVERIFY(change.at(1).value<PaymentState>() != PaymentState::Failed);
}

void tst_CheckoutEngine::retryAttachesToWhatTheGatewayHas()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    const QString orderId = rig.engine->pay(rig.sale()).value();
    QVERIFY(sessions.wait(5000));
    // The ledger lost track (a crash, a manager's edit): it says unknown while the gateway
    // still holds the pending transaction.
    rig.engine.reset();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
    {
        db.setDatabaseName(rig.path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE orders SET state = 'unknown'")));
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    rig.openEngine(fastPolicy());
    QCOMPARE(rig.stateOf(orderId), PaymentState::Unknown);
    QVERIFY(rig.engine->retry(orderId).ok());
    // Retry asked first and attached: no second transaction, and the customer can still pay.
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::AwaitingCustomer, 5000);
    QVERIFY(rig.sandbox->approve(orderId));
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::Charged, 5000);
    QCOMPARE(rig.sandboxOrders().first().toObject().value(QLatin1String("txns")).toInt(), 1);
}

void tst_CheckoutEngine::noAnswerByTheDeadlineIsUnknown()
{
    PollPolicy policy = fastPolicy();
    policy.defaultExpiryMs = 400;
    policy.graceAfterExpiryMs = 300;
    Rig rig(QStringLiteral("never"), policy);
    QVERIFY(rig.started);
    QSignalSpy alerts(rig.engine.get(), &CheckoutEngine::alertRaised);
    QSignalSpy finished(rig.engine.get(), &CheckoutEngine::finished);
    const QString orderId = rig.engine->pay(rig.sale()).value();
    QVERIFY(finished.wait(5000));
    QCOMPARE(rig.stateOf(orderId), PaymentState::Unknown);
    QCOMPARE(alerts.last().first().value<Alert>().kind, Alert::Kind::UnknownOutcome);
    const auto unknown = rig.ledger->findOrders([] {
        OrderFilter filter;
        filter.states = { PaymentState::Unknown };
        return filter;
    }());
    QCOMPARE(unknown->size(), 1); // listed for manual resolution
}

QTEST_GUILESS_MAIN(tst_CheckoutEngine)
#include "tst_CheckoutEngine.moc"
