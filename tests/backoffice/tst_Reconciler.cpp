// Reconciliation against the real in-process sandbox: orders whose ledger state disagrees with
// what the sandbox knows are listed with the difference in words; agreeing and final verified
// orders are not; the ledger is not changed; at most 4 status queries run at once.
#include "../checkout/CheckoutRig.h"
#include "../checkout/CountingGateway.h"
#include "LedgerSeed.h"
#include "RefundScenario.h"
#include "backoffice/Reconciler.h"

#include <QTest>

Q_DECLARE_METATYPE(QList<ReconciliationLine>)

namespace {

const QTimeZone kKolkata("Asia/Kolkata");

} // namespace

class tst_Reconciler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsTheDifferences();
    void emptyDay();
    void linesCarryTheLedgersNet();
    void refundMadeOutsideCounterPayIsListed();

private:
    bool startAtSandbox(const QString &orderId, qint64 minor);
    void seed(const QString &orderId, qint64 minor, PaymentState state, bool verified = false,
              const QString &provider = kProvider, const QDateTime &at = QDateTime());
    QString fingerprint();

    std::unique_ptr<Rig> m_rig;
    QDate m_today;
};

void tst_Reconciler::initTestCase()
{
    QVERIFY(kKolkata.isValid());
    m_rig = std::make_unique<Rig>(QStringLiteral("manual"));
    QVERIFY(m_rig->started);
    m_today = QDateTime::currentDateTimeUtc().toTimeZone(kKolkata).date();
}

// Creates the order at the sandbox through the real client (as a sale would have).
bool tst_Reconciler::startAtSandbox(const QString &orderId, qint64 minor)
{
    PaymentRequest request;
    request.orderId = orderId;
    request.amount = Money::fromMinorUnits(minor, Currency::inr()).value();
    request.mobile = PhoneNumber::parse(u"9876543210").value();
    auto started = std::make_shared<std::optional<bool>>();
    m_rig->gateway->start(request, this, [started](const GatewayResult<PaymentSession> &result) { *started = result.ok(); });
    return QTest::qWaitFor([started]() { return started->has_value(); }, 5000) && started->value_or(false);
}

void tst_Reconciler::seed(const QString &orderId, qint64 minor, PaymentState state, bool verified, const QString &provider,
                          const QDateTime &at)
{
    OrderRecord order = seedOrder(orderId, at.isValid() ? at : QDateTime::currentDateTimeUtc(), minor, state, provider);
    order.verified = verified;
    QVERIFY(insert(*m_rig->ledger, order).ok());
}

QString tst_Reconciler::fingerprint()
{
    OrderFilter all;
    all.limit = 10'000;
    QStringList lines;
    for (const OrderRecord &order : m_rig->ledger->findOrders(all).value()) {
        lines.append(order.orderId + u'|' + PaymentStates::name(order.state) + u'|' + order.updatedAt.toString(Qt::ISODateWithMs)
                     + u'|' + QString::number(m_rig->ledger->events(order.orderId).value().size()));
    }
    return lines.join(u'\n');
}

void tst_Reconciler::listsTheDifferences()
{
    // Ledger unknown (the answer was lost), sandbox charged.
    QVERIFY(startAtSandbox(QStringLiteral("R-LOST"), 14950));
    QVERIFY(m_rig->sandbox->approve(QStringLiteral("R-LOST")));
    seed(QStringLiteral("R-LOST"), 14950, PaymentState::Unknown);
    // Ledger charged 149.50 (never verified), sandbox charged 200.00.
    QVERIFY(startAtSandbox(QStringLiteral("R-AMOUNT"), 20000));
    QVERIFY(m_rig->sandbox->approve(QStringLiteral("R-AMOUNT")));
    seed(QStringLiteral("R-AMOUNT"), 14950, PaymentState::Charged, false);
    // Ledger still waiting, the customer declined at the sandbox.
    QVERIFY(startAtSandbox(QStringLiteral("R-DECLINED"), 5000));
    QVERIFY(m_rig->sandbox->decline(QStringLiteral("R-DECLINED")));
    seed(QStringLiteral("R-DECLINED"), 5000, PaymentState::AwaitingCustomer);
    // Ledger unknown, the sandbox never saw it.
    seed(QStringLiteral("R-NEVER-SENT"), 7000, PaymentState::Unknown);
    // A provider this terminal has no gateway for.
    seed(QStringLiteral("R-CMCOM"), 7100, PaymentState::Unknown, false, QStringLiteral("cmcom"));
    // Agreeing: both waiting (12 of them, to see the concurrency bound).
    for (int i = 0; i < 12; ++i) {
        const QString id = QStringLiteral("R-WAIT-%1").arg(i);
        QVERIFY(startAtSandbox(id, 1000 + i));
        seed(id, 1000 + i, PaymentState::AwaitingCustomer);
    }
    // Not doubtful, so not asked (the sandbox would say "no such order" if it were).
    seed(QStringLiteral("R-FINAL-VERIFIED"), 8000, PaymentState::Charged, true);
    seed(QStringLiteral("R-FINAL-FAILED"), 8100, PaymentState::Failed);
    // Another day.
    seed(QStringLiteral("R-YESTERDAY"), 8200, PaymentState::Unknown, false, kProvider,
         QDateTime::currentDateTimeUtc().addDays(-1).addSecs(-3600));

    CountingGateway counting(*m_rig->gateway);
    Reconciler reconciler(*m_rig->ledger, { &counting });
    QSignalSpy progress(&reconciler, &Reconciler::progress);
    QSignalSpy finished(&reconciler, &Reconciler::finished);
    const QString before = fingerprint();
    reconciler.run(m_today, kKolkata);
    QVERIFY(reconciler.isRunning());
    reconciler.run(m_today, kKolkata); // ignored while running
    QVERIFY(finished.wait(20'000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!reconciler.isRunning());
    QCOMPARE(fingerprint(), before); // it changes nothing

    const int doubtful = 17; // lost, amount, declined, never-sent, cmcom, 12 waiting
    QCOMPARE(progress.count(), doubtful);
    for (int i = 0; i < progress.count(); ++i) {
        QCOMPARE(progress.at(i).at(0).toInt(), i + 1);
        QCOMPARE(progress.at(i).at(1).toInt(), doubtful);
    }
    QCOMPARE(counting.calls(), doubtful - 1); // cmcom has no gateway
    QVERIFY2(counting.maxInFlight() <= Reconciler::kConcurrency, qPrintable(QString::number(counting.maxInFlight())));
    QVERIFY(counting.maxInFlight() >= 2); // and they do overlap

    QHash<QString, ReconciliationLine> lines;
    for (const ReconciliationLine &line : finished.first().first().value<QList<ReconciliationLine>>())
        lines.insert(line.orderId, line);
    QCOMPARE(QSet<QString>(lines.keyBegin(), lines.keyEnd()),
             (QSet<QString> { QStringLiteral("R-LOST"), QStringLiteral("R-AMOUNT"), QStringLiteral("R-DECLINED"),
                              QStringLiteral("R-NEVER-SENT"), QStringLiteral("R-CMCOM") }));

    const ReconciliationLine lost = lines.value(QStringLiteral("R-LOST"));
    QCOMPARE(lost.ledgerState, PaymentState::Unknown);
    QCOMPARE(lost.gatewayState, QStringLiteral("charged"));
    QCOMPARE(lost.ledgerAmountMinorUnits, qint64(14950));
    QCOMPARE(lost.gatewayAmountMinorUnits, qint64(14950));
    QCOMPARE(lost.currency, QStringLiteral("INR"));
    QCOMPARE(lost.provider, kProvider);
    QVERIFY2(lost.difference.startsWith(QLatin1String("The ledger says unknown, the gateway says charged")), qPrintable(lost.difference));

    const ReconciliationLine amount = lines.value(QStringLiteral("R-AMOUNT"));
    QCOMPARE(amount.ledgerState, PaymentState::Charged);
    QCOMPARE(amount.gatewayState, QStringLiteral("charged"));
    QCOMPARE(amount.ledgerAmountMinorUnits, qint64(14950));
    QCOMPARE(amount.gatewayAmountMinorUnits, qint64(20000));
    QCOMPARE(amount.difference, QStringLiteral("The gateway charged 200.00 INR, but the ledger has 149.50 INR (ledger state charged)."));

    const ReconciliationLine declined = lines.value(QStringLiteral("R-DECLINED"));
    QCOMPARE(declined.ledgerState, PaymentState::AwaitingCustomer);
    QCOMPARE(declined.gatewayState, QStringLiteral("declined"));
    QVERIFY2(declined.difference.startsWith(QLatin1String("The ledger says awaiting_customer, the gateway says declined")),
             qPrintable(declined.difference));

    const ReconciliationLine never = lines.value(QStringLiteral("R-NEVER-SENT"));
    QCOMPARE(never.gatewayState, QStringLiteral("error"));
    QCOMPARE(never.gatewayAmountMinorUnits, qint64(-1));
    QCOMPARE(never.difference, QStringLiteral("The gateway has no such order, but the ledger says unknown."));

    QVERIFY(lines.value(QStringLiteral("R-CMCOM")).difference.startsWith(QLatin1String("No gateway is configured for cmcom")));
}

void tst_Reconciler::emptyDay()
{
    Reconciler reconciler(*m_rig->ledger, { m_rig->gateway.get() });
    QSignalSpy progress(&reconciler, &Reconciler::progress);
    QSignalSpy finished(&reconciler, &Reconciler::finished);
    reconciler.run(QDate(2025, 1, 1), kKolkata);
    QVERIFY(finished.wait(5000));
    QVERIFY(finished.first().first().value<QList<ReconciliationLine>>().isEmpty());
    QCOMPARE(progress.count(), 0);
}

void tst_Reconciler::linesCarryTheLedgersNet()
{
    // Never verified, so every sale is re-asked; the sandbox has none of them. Each line shows
    // the sale's net as the Z report counts it.
    const QDate day(2025, 6, 15);
    const RefundScenario scenario
            = seedRefundScenario(*m_rig->ledger, QDateTime(day, QTime(10, 0), kKolkata).toUTC(), QStringLiteral("N-"), false);
    Reconciler reconciler(*m_rig->ledger, { m_rig->gateway.get() });
    QSignalSpy finished(&reconciler, &Reconciler::finished);
    reconciler.run(day, kKolkata);
    QVERIFY(finished.wait(20'000));
    const QList<ReconciliationLine> lines = finished.first().first().value<QList<ReconciliationLine>>();
    QCOMPARE(lines.size(), 7); // the failed sale is final and took nothing: not doubtful
    for (const ReconciliationLine &line : lines) {
        QCOMPARE(line.ledgerNetMinorUnits, scenario.expectedNet.value(line.orderId));
        QCOMPARE(line.ledgerRefundedMinorUnits, scenario.expectedRefunded.value(line.orderId));
    }
}

void tst_Reconciler::refundMadeOutsideCounterPayIsListed()
{
    // Charged at the sandbox, then refunded there without the ledger knowing (a dashboard
    // refund); the ledger's sale was never verified, so it is re-asked.
    QVERIFY(startAtSandbox(QStringLiteral("R-DASH"), 30000));
    QVERIFY(m_rig->sandbox->approve(QStringLiteral("R-DASH")));
    RefundRequest refund;
    refund.order.orderId = QStringLiteral("R-DASH");
    refund.order.amount = Money::fromMinorUnits(30000, Currency::inr()).value();
    refund.amount = Money::fromMinorUnits(12000, Currency::inr()).value();
    refund.uniqueRequestId = QStringLiteral("DASH1");
    auto refunded = std::make_shared<std::optional<bool>>();
    m_rig->gateway->refund(refund, this, [refunded](const GatewayResult<RefundResult> &result) { *refunded = result.ok(); });
    QVERIFY(QTest::qWaitFor([refunded]() { return refunded->has_value(); }, 5000) && refunded->value_or(false));
    const QDate day(2025, 6, 16);
    seed(QStringLiteral("R-DASH"), 30000, PaymentState::Charged, false, kProvider,
         QDateTime(day, QTime(10, 0), kKolkata).toUTC());

    Reconciler reconciler(*m_rig->ledger, { m_rig->gateway.get() });
    QSignalSpy finished(&reconciler, &Reconciler::finished);
    reconciler.run(day, kKolkata);
    QVERIFY(finished.wait(20'000));
    const QList<ReconciliationLine> lines = finished.first().first().value<QList<ReconciliationLine>>();
    QCOMPARE(lines.size(), 1);
    const ReconciliationLine &line = lines.first();
    QCOMPARE(line.gatewayRefundedMinorUnits, qint64(12000));
    QCOMPARE(line.ledgerRefundedMinorUnits, qint64(0));
    QCOMPARE(line.ledgerNetMinorUnits, qint64(30000));
    QVERIFY2(line.difference.startsWith(QLatin1String("The gateway reports 120.00 INR refunded, the ledger 0.00 INR")),
             qPrintable(line.difference));
}

QTEST_GUILESS_MAIN(tst_Reconciler)
#include "tst_Reconciler.moc"
