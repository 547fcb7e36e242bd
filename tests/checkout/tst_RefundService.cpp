// Refunds end to end: the real sandbox, the real Juspay client, a real SQLite ledger.
#include "CheckoutRig.h"
#include "checkout/RefundService.h"

#include <QTest>

Q_DECLARE_METATYPE(PaymentState)

namespace {

// Pays a sale and has the sandbox's customer approve it; returns the order id.
QString chargedSale(Rig &rig, qint64 minor)
{
    QSignalSpy finished(rig.engine.get(), &CheckoutEngine::finished);
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    const QString orderId = rig.engine->pay(rig.sale(minor)).value();
    if (!sessions.wait(5000) || !rig.sandbox->approve(orderId) || !finished.wait(5000))
        return {};
    return rig.stateOf(orderId) == PaymentState::Charged ? orderId : QString();
}

qint64 refundedAtSandbox(Rig &rig, const QString &orderId)
{
    for (const QJsonValue &value : rig.sandboxOrders()) {
        if (value.toObject().value(QLatin1String("order_id")).toString() == orderId)
            return value.toObject().value(QLatin1String("amount_refunded")).toInteger(-1);
    }
    return -1;
}

// A refund made in Juspay's dashboard: straight to the sandbox, CounterPay is not asked.
int dashboardRefund(Rig &rig, const QString &orderId)
{
    QNetworkRequest request(rig.base.resolved(QUrl(QStringLiteral("/orders/%1/refunds").arg(orderId))));
    request.setRawHeader("Authorization", "Basic " + QByteArrayLiteral("sandbox-juspay-key:").toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = rig.manager.post(request, QByteArrayLiteral("unique_request_id=DASHBOARD1&amount=50.00"));
    QSignalSpy posted(reply, &QNetworkReply::finished);
    posted.wait(5000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

struct Outcome
{
    bool finished = false;
    bool failed = false;
    QString message;
};

Outcome runRefund(RefundService &service, const QString &orderId, std::optional<Money> amount, Result<QString> *id = nullptr)
{
    QSignalSpy done(&service, &RefundService::refundFinished);
    QSignalSpy failed(&service, &RefundService::refundFailed);
    const Result<QString> requested = service.refund(orderId, amount, QStringLiteral("meera"));
    if (id)
        *id = requested;
    if (!requested)
        return {};
    // At most 10 s; the outcome (finished, failed or neither) is asserted by the caller.
    const bool answered = QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 10'000);
    Q_UNUSED(answered);
    Outcome outcome;
    outcome.finished = !done.isEmpty();
    outcome.failed = !failed.isEmpty();
    outcome.message = outcome.finished ? done.first().at(2).toString() : QString();
    return outcome;
}

Money inr(qint64 minor)
{
    return Money::fromMinorUnits(minor, Currency::inr()).value();
}

} // namespace

class tst_RefundService : public QObject
{
    Q_OBJECT

private slots:
    void fullRefund();
    void partialRefunds();
    void refusesWhatCannotBeRefunded();
    void lostAnswerIsResentWithTheSameKeyAndAppliedOnce();
    void refundMadeOutsideCounterPayIsSeenAndCounted();
    void paidAndRefundedBeforeTheFirstCheckIsRecordedBothWays();
};

void tst_RefundService::fullRefund()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    const QString orderId = chargedSale(rig, 14950);
    QVERIFY(!orderId.isEmpty());
    RefundService service(*rig.ledger, { rig.gateway.get() });
    Result<QString> id = QString();
    const Outcome outcome = runRefund(service, orderId, std::nullopt, &id);
    QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
    QVERIFY(outcome.finished);
    QCOMPARE(rig.stateOf(orderId), PaymentState::Refunded);
    QCOMPARE(refundedAtSandbox(rig, orderId), qint64(14950));
    const QList<RefundRecord> refunds = rig.ledger->refunds(orderId).value();
    QCOMPARE(refunds.size(), 1);
    QCOMPARE(refunds.first().uniqueRequestId, id.value());
    QCOMPARE(refunds.first().amountMinorUnits, qint64(14950));
    QVERIFY(!rig.ledger->auditLog(QDateTime(), 10).value().isEmpty()); // a manager action is audited
}

void tst_RefundService::partialRefunds()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    const QString orderId = chargedSale(rig, 14950);
    QVERIFY(!orderId.isEmpty());
    RefundService service(*rig.ledger, { rig.gateway.get() });
    QVERIFY(runRefund(service, orderId, inr(5000)).finished);
    QCOMPARE(rig.stateOf(orderId), PaymentState::PartiallyRefunded);
    QCOMPARE(rig.ledger->findOrder(orderId, PhoneAccess::Masked).value()->refundedMinorUnits, qint64(5000));

    Result<QString> tooMuch = QString();
    runRefund(service, orderId, inr(10000), &tooMuch);
    QCOMPARE(tooMuch.errorCode(), QStringLiteral("exceeds_refundable"));
    QVERIFY(tooMuch.errorMessage().contains(QStringLiteral("99.50")));

    QVERIFY(runRefund(service, orderId, std::nullopt).finished); // the rest
    QCOMPARE(rig.stateOf(orderId), PaymentState::Refunded);
    QCOMPARE(refundedAtSandbox(rig, orderId), qint64(14950));
    QCOMPARE(rig.ledger->refunds(orderId).value().size(), 2);
}

void tst_RefundService::refusesWhatCannotBeRefunded()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    RefundService service(*rig.ledger, { rig.gateway.get() });
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    const QString pending = rig.engine->pay(rig.sale()).value();
    QVERIFY(sessions.wait(5000));
    QCOMPARE(service.refund(pending, std::nullopt, QStringLiteral("meera")).errorCode(), QStringLiteral("not_refundable"));
    QCOMPARE(service.refund(QStringLiteral("T01NOSUCH"), std::nullopt, QStringLiteral("meera")).errorCode(),
             QStringLiteral("not_found"));
    QVERIFY(rig.ledger->refunds(pending).value().isEmpty()); // nothing recorded
}

void tst_RefundService::lostAnswerIsResentWithTheSameKeyAndAppliedOnce()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    const QString orderId = chargedSale(rig, 14950);
    QVERIFY(!orderId.isEmpty());
    RefundService service(*rig.ledger, { rig.gateway.get() });

    // The gateway applies the refund, but every answer comes after the client's 1.5 s timeout,
    // so even the client's own retries (same unique_request_id) end without an answer.
    QNetworkRequest request(rig.base.resolved(QUrl(QStringLiteral("/__sandbox/scenario"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    auto setScenario = [&rig, &request](const QByteArray &scenario) {
        QNetworkReply *reply = rig.manager.post(request, scenario);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(5000);
        const bool ok = reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    };
    QVERIFY(setScenario("slow:3000"));
    Result<QString> first = QString();
    const Outcome lost = runRefund(service, orderId, std::nullopt, &first);
    QVERIFY(first.ok());
    QVERIFY(lost.failed);
    // Nothing is left to drain: the sandbox applied the refund when each request arrived (the
    // slow scenario delays only the answers), the client gave up on those answers before
    // refundFailed, and a scenario change does not touch an answer already decided.
    QCOMPARE(rig.ledger->refunds(orderId).value().first().state, QStringLiteral("unknown"));
    QCOMPARE(refundedAtSandbox(rig, orderId), qint64(14950)); // it was applied

    // Running the refund again sends the same unique_request_id: applied once, not twice.
    QVERIFY(setScenario("manual"));
    Result<QString> again = QString();
    const Outcome resent = runRefund(service, orderId, std::nullopt, &again);
    QCOMPARE(again.value(), first.value());
    QVERIFY(resent.finished);
    QCOMPARE(refundedAtSandbox(rig, orderId), qint64(14950));
    QCOMPARE(rig.ledger->refunds(orderId).value().size(), 1);
    QCOMPARE(rig.stateOf(orderId), PaymentState::Refunded);
}

void tst_RefundService::refundMadeOutsideCounterPayIsSeenAndCounted()
{
    Rig rig(QStringLiteral("manual"));
    QVERIFY(rig.started);
    const QString orderId = chargedSale(rig, 14950);
    QVERIFY(!orderId.isEmpty());
    // The merchant refunds 50.00 in Juspay's dashboard: CounterPay is not asked.
    QCOMPARE(dashboardRefund(rig, orderId), 200);
    QCOMPARE(refundedAtSandbox(rig, orderId), qint64(5000));

    // The next status check sees it: partly refunded, with the amount kept.
    QVERIFY(rig.engine->checkNow(orderId).ok());
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::PartiallyRefunded, 5000);
    QCOMPARE(rig.ledger->findOrder(orderId, PhoneAccess::Masked).value()->refundedMinorUnits, qint64(5000));

    // What is left to refund from CounterPay is what the dashboard left.
    RefundService service(*rig.ledger, { rig.gateway.get() });
    Result<QString> tooMuch = QString();
    runRefund(service, orderId, inr(10000), &tooMuch);
    QCOMPARE(tooMuch.errorCode(), QStringLiteral("exceeds_refundable"));
    QVERIFY2(tooMuch.errorMessage().contains(QStringLiteral("99.50")), qPrintable(tooMuch.errorMessage()));
}

void tst_RefundService::paidAndRefundedBeforeTheFirstCheckIsRecordedBothWays()
{
    PollPolicy slow = fastPolicy();
    slow.firstCheckMs = 60'000; // nothing polls until the test asks
    slow.phases = { { 120'000, 60'000 } };
    Rig rig(QStringLiteral("manual"), slow);
    QVERIFY(rig.started);
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    const QString orderId = rig.engine->pay(rig.sale(14950)).value();
    QVERIFY(sessions.wait(5000));
    QVERIFY(rig.sandbox->approve(orderId));
    QCOMPARE(dashboardRefund(rig, orderId), 200);
    QCOMPARE(rig.stateOf(orderId), PaymentState::AwaitingCustomer);
    QVERIFY(rig.engine->checkNow(orderId).ok());
    // awaiting -> charged -> partially_refunded: the payment and the refund are both journalled.
    QTRY_COMPARE_WITH_TIMEOUT(rig.stateOf(orderId), PaymentState::PartiallyRefunded, 5000);
    const OrderRecord order = *rig.ledger->findOrder(orderId, PhoneAccess::Masked).value();
    QVERIFY(order.verified);
    QCOMPARE(order.refundedMinorUnits, qint64(5000));
}

QTEST_GUILESS_MAIN(tst_RefundService)
#include "tst_RefundService.moc"
