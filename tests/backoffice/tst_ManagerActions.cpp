// ManagerActions end to end: the real sandbox, the real Juspay client, a real SQLite ledger
// (the checkout tests' rig), AccessControl on a ManualClock. A cashier is refused every manager
// action with "manager_required", the ledger stays as it was and the refusal is audited.
#include "../checkout/CheckoutRig.h"
#include "AsyncWait.h"
#include "LedgerSeed.h"
#include "backoffice/ManagerActions.h"
#include "backoffice/MemorySecretStore.h"
#include "checkout/RefundService.h"
#include "core/ManualClock.h"

#include <QDir>
#include <QTest>

Q_DECLARE_METATYPE(AccessControl::Action)

namespace {

const QString kPin = QStringLiteral("2468");
const QTimeZone kKolkata("Asia/Kolkata");

enum class Call {
    Refund, ResolveUnknown, ExportCsv, History, CountHistory, Order, Timeline, Refunds, SalesTotals,
    SalesBuckets, ZReportYesterday, AuditLog, ChangeSetting, ChangeSecret,
};

} // namespace

Q_DECLARE_METATYPE(Call)

class tst_ManagerActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cashierIsRefused_data();
    void cashierIsRefused();
    void everyActionIsCovered();
    void cashierReadsToday();
    void managerRefundsThroughTheSandbox();
    void resolveUnknown();
    void resolveUnknownRules();
    void recheckIsForAnyone();
    void managerExportsAndReads();
    void settingsAndSecrets();
    void idleManagerIsRefused();

private:
    VoidResult unlock();
    QString fingerprint();
    QString chargedSale(qint64 minor);

    std::unique_ptr<Rig> m_rig;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Settings> m_settings;
    MemorySecretStore m_secrets;
    std::unique_ptr<RefundService> m_refundService;
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<ManagerActions> m_actions;
    QString m_charged;    // today, charged at the sandbox
    QString m_unknown;    // today, unknown
    QString m_yesterday;  // two days ago, charged
    QSet<AccessControl::Action> m_covered;
};

void tst_ManagerActions::initTestCase()
{
    QVERIFY(kKolkata.isValid());
    m_rig = std::make_unique<Rig>(QStringLiteral("manual"));
    QVERIFY(m_rig->started);
    m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
    m_settings = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_rig->dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    QVERIFY(m_settings->setValue(Settings::Key::Cashier, QStringLiteral("asha")).ok());
    m_refundService = std::make_unique<RefundService>(*m_rig->ledger, QList<PaymentGateway *> { m_rig->gateway.get() });

    m_charged = chargedSale(14950);
    QVERIFY(!m_charged.isEmpty());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_unknown = QStringLiteral("T01-UNKNOWN-1");
    QVERIFY(insert(*m_rig->ledger, seedOrder(m_unknown, now, 25000, PaymentState::Unknown)).ok());
    m_yesterday = QStringLiteral("T01-OLD-1");
    QVERIFY(insert(*m_rig->ledger, seedOrder(m_yesterday, now.addDays(-2), 9900, PaymentState::Charged)).ok());
}

void tst_ManagerActions::init()
{
    m_access = std::make_unique<AccessControl>(*m_rig->ledger, m_secrets, *m_settings, *m_clock);
    m_access->setPinIterationsForTests(1000);
    if (!m_secrets.contains(SecretStore::managerPinKey())) {
        const std::optional<VoidResult> set = awaitCallback<VoidResult>([this](auto done) { m_access->setPin(kPin, done); });
        QVERIFY(set && set->ok());
    }
    m_actions = std::make_unique<ManagerActions>(*m_rig->ledger, *m_rig->engine, *m_refundService, *m_access, *m_clock);
    m_actions->setTimeZone(kKolkata);
}

void tst_ManagerActions::cleanup()
{
    m_actions.reset();
    m_access.reset();
}

VoidResult tst_ManagerActions::unlock()
{
    return awaitCallback<VoidResult>([this](auto done) { m_access->unlock(kPin, done); })
            .value_or(VoidResult(Error { QStringLiteral("timeout"), QString() }));
}

QString tst_ManagerActions::chargedSale(qint64 minor)
{
    QSignalSpy finished(m_rig->engine.get(), &CheckoutEngine::finished);
    QSignalSpy sessions(m_rig->engine.get(), &CheckoutEngine::sessionStarted);
    const QString orderId = m_rig->engine->pay(m_rig->sale(minor)).value();
    if (!sessions.wait(5000) || !m_rig->sandbox->approve(orderId) || !finished.wait(5000))
        return {};
    return m_rig->stateOf(orderId) == PaymentState::Charged ? orderId : QString();
}

// Everything a manager action could change: orders, their events, refunds, and files.
QString tst_ManagerActions::fingerprint()
{
    OrderFilter all;
    all.limit = 10'000;
    QStringList lines;
    for (const OrderRecord &order : m_rig->ledger->findOrders(all).value()) {
        lines.append(QStringList { order.orderId, PaymentStates::name(order.state), QString::number(order.refundedMinorUnits),
                                   order.note, order.updatedAt.toString(Qt::ISODateWithMs),
                                   QString::number(m_rig->ledger->events(order.orderId).value().size()),
                                   QString::number(m_rig->ledger->refunds(order.orderId).value().size()) }
                             .join(u'|'));
    }
    lines.append(QDir(m_rig->dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).join(u','));
    lines.append(m_settings->string(Settings::Key::MerchantName));
    lines.append(m_secrets.peek(QStringLiteral("juspay-api-key")));
    return lines.join(u'\n');
}

void tst_ManagerActions::cashierIsRefused_data()
{
    QTest::addColumn<Call>("call");
    QTest::addColumn<AccessControl::Action>("action");
    using A = AccessControl::Action;
    QTest::newRow("refund") << Call::Refund << A::Refund;
    QTest::newRow("resolveUnknown") << Call::ResolveUnknown << A::ResolveUnknown;
    QTest::newRow("exportCsv") << Call::ExportCsv << A::Export;
    QTest::newRow("history before today") << Call::History << A::HistoryBeyondToday;
    QTest::newRow("countHistory before today") << Call::CountHistory << A::HistoryBeyondToday;
    QTest::newRow("order from before today") << Call::Order << A::HistoryBeyondToday;
    QTest::newRow("timeline from before today") << Call::Timeline << A::HistoryBeyondToday;
    QTest::newRow("refunds from before today") << Call::Refunds << A::HistoryBeyondToday;
    QTest::newRow("salesTotals before today") << Call::SalesTotals << A::HistoryBeyondToday;
    QTest::newRow("salesBuckets over 30 days") << Call::SalesBuckets << A::HistoryBeyondToday;
    QTest::newRow("zReport for yesterday") << Call::ZReportYesterday << A::HistoryBeyondToday;
    QTest::newRow("auditLog") << Call::AuditLog << A::ViewAudit;
    QTest::newRow("changeSetting") << Call::ChangeSetting << A::Settings;
    QTest::newRow("changeSecret") << Call::ChangeSecret << A::Settings;
}

void tst_ManagerActions::cashierIsRefused()
{
    QFETCH(Call, call);
    QFETCH(AccessControl::Action, action);
    m_covered.insert(action);
    QCOMPARE(m_access->role(), AccessControl::Role::Cashier);
    const QString before = fingerprint();
    const qsizetype auditBefore = m_rig->ledger->auditLog(QDateTime(), 100'000).value().size();
    const QDateTime now = m_clock->nowUtc();
    OrderFilter lastWeek;
    lastWeek.since = now.addDays(-7);
    const QString exportPath = m_rig->dir.filePath(QStringLiteral("refused.csv"));

    QString code;
    switch (call) {
    case Call::Refund: code = m_actions->refund(m_charged, std::nullopt).errorCode(); break;
    case Call::ResolveUnknown:
        code = m_actions->resolveUnknown(m_unknown, PaymentState::Charged, QStringLiteral("bank says paid")).errorCode();
        break;
    case Call::ExportCsv: code = m_actions->exportCsv(OrderFilter(), exportPath).errorCode(); break;
    case Call::History: code = m_actions->history(lastWeek).errorCode(); break;
    case Call::CountHistory: code = m_actions->countHistory(OrderFilter()).errorCode(); break;
    case Call::Order: code = m_actions->order(m_yesterday).errorCode(); break;
    case Call::Timeline: code = m_actions->timeline(m_yesterday).errorCode(); break;
    case Call::Refunds: code = m_actions->refunds(m_yesterday).errorCode(); break;
    case Call::SalesTotals: code = m_actions->salesTotals(lastWeek).errorCode(); break;
    case Call::SalesBuckets: code = m_actions->salesBuckets(now.addDays(-30), now, 86400, 19800).errorCode(); break;
    case Call::ZReportYesterday:
        code = m_actions->zReport(now.toTimeZone(kKolkata).date().addDays(-1), kKolkata).errorCode();
        break;
    case Call::AuditLog: code = m_actions->auditLog(QDateTime(), 10).errorCode(); break;
    case Call::ChangeSetting:
        code = m_actions->changeSetting(*m_settings, Settings::Key::MerchantName, QStringLiteral("Evil Corp")).errorCode();
        break;
    case Call::ChangeSecret: {
        const std::optional<VoidResult> done = awaitCallback<VoidResult>([this](auto callback) {
            m_actions->changeSecret(m_secrets, QStringLiteral("juspay-api-key"), QStringLiteral("stolen"), callback);
        });
        QVERIFY(done.has_value());
        code = done->errorCode();
        break;
    }
    }
    QCOMPARE(code, QStringLiteral("manager_required"));
    QTest::qWait(100); // nothing to await: give anything the refused call might have started a chance to show
    QCOMPARE(fingerprint(), before);
    QVERIFY(!QFile::exists(exportPath));
    const QList<AuditEntry> audit = m_rig->ledger->auditLog(QDateTime(), 100'000).value();
    QCOMPARE(audit.size(), auditBefore + 1);
    QCOMPARE(audit.first().action, QStringLiteral("denied"));
    QCOMPARE(audit.first().detail, AccessControl::actionName(action));
    QCOMPARE(audit.first().role, QStringLiteral("cashier"));
    QCOMPARE(audit.first().actor, QStringLiteral("asha"));
}

void tst_ManagerActions::everyActionIsCovered()
{
    const QMetaEnum actions = QMetaEnum::fromType<AccessControl::Action>();
    for (int i = 0; i < actions.keyCount(); ++i)
        QVERIFY2(m_covered.contains(AccessControl::Action(actions.value(i))), actions.key(i));
}

void tst_ManagerActions::cashierReadsToday()
{
    const qsizetype auditBefore = m_rig->ledger->auditLog(QDateTime(), 100'000).value().size();
    OrderFilter today;
    today.since = m_actions->startOfTodayUtc();
    QCOMPARE(today.since.toTimeZone(kKolkata).time(), QTime(0, 0));
    const Result<QList<OrderRecord>> orders = m_actions->history(today);
    QVERIFY2(orders.ok(), qPrintable(orders.errorMessage()));
    QStringList ids;
    for (const OrderRecord &order : orders.value())
        ids.append(order.orderId);
    QVERIFY(ids.contains(m_charged));
    QVERIFY(ids.contains(m_unknown));
    QVERIFY(!ids.contains(m_yesterday));
    QCOMPARE(m_actions->countHistory(today).value(), qint64(ids.size()));
    QVERIFY(m_actions->timeline(m_charged).value().size() >= 3);
    QVERIFY(m_actions->order(m_charged).value().has_value());
    QVERIFY(m_actions->zReport(m_clock->nowUtc().toTimeZone(kKolkata).date(), kKolkata).ok());
    QCOMPARE(m_actions->order(QStringLiteral("T01-NOSUCH")).errorCode(), QStringLiteral("not_found"));
    QCOMPARE(m_rig->ledger->auditLog(QDateTime(), 100'000).value().size(), auditBefore); // nothing refused
    // One millisecond before local midnight is "before today".
    OrderFilter justBefore;
    justBefore.since = m_actions->startOfTodayUtc().addMSecs(-1);
    QCOMPARE(m_actions->history(justBefore).errorCode(), QStringLiteral("manager_required"));
    QCOMPARE(m_actions->salesTotals(justBefore).errorCode(), QStringLiteral("manager_required"));
    QVERIFY(m_actions->salesTotals(today).ok());
}

void tst_ManagerActions::managerRefundsThroughTheSandbox()
{
    const QString orderId = chargedSale(20000);
    QVERIFY(!orderId.isEmpty());
    QVERIFY(unlock().ok());
    QSignalSpy finished(m_actions.get(), &ManagerActions::refundFinished);
    const Result<QString> partial = m_actions->refund(orderId, Money::fromMinorUnits(5000, Currency::inr()).value());
    QVERIFY2(partial.ok(), qPrintable(partial.errorMessage()));
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.first().at(0).toString(), orderId);
    QCOMPARE(m_rig->stateOf(orderId), PaymentState::PartiallyRefunded);
    QVERIFY(m_actions->refund(orderId, std::nullopt).ok());
    QVERIFY(finished.wait(10'000));
    QCOMPARE(m_rig->stateOf(orderId), PaymentState::Refunded);
    QCOMPARE(m_actions->refunds(orderId).value().size(), 2);
    QCOMPARE(m_actions->refund(orderId, std::nullopt).errorCode(), QStringLiteral("not_refundable"));
    // Both refunds are in the audit log as the terminal's cashier setting acting as manager.
    int audited = 0;
    for (const AuditEntry &entry : m_actions->auditLog(QDateTime(), 100).value()) {
        if (entry.action == QLatin1String("refund") && entry.orderId == orderId) {
            ++audited;
            QCOMPARE(entry.actor, QStringLiteral("asha"));
            QCOMPARE(entry.role, QStringLiteral("manager"));
        }
    }
    QCOMPARE(audited, 2);
}

void tst_ManagerActions::resolveUnknown()
{
    const QString orderId = QStringLiteral("T01-UNKNOWN-2");
    QVERIFY(insert(*m_rig->ledger, seedOrder(orderId, m_clock->nowUtc(), 31400, PaymentState::Unknown)).ok());
    QVERIFY(unlock().ok());
    const QString reason = QStringLiteral("Bank statement shows RRN 412345678901 credited, \u092A\u0941\u0937\u094D\u091F\u093F");
    const VoidResult resolved = m_actions->resolveUnknown(orderId, PaymentState::Charged, reason);
    QVERIFY2(resolved.ok(), qPrintable(resolved.errorMessage()));
    const OrderRecord order = m_actions->order(orderId).value().value();
    QCOMPARE(order.state, PaymentState::Charged);
    QCOMPARE(order.note, reason);
    const OrderEvent last = m_actions->timeline(orderId).value().last();
    QCOMPARE(last.kind, QStringLiteral("note"));
    QCOMPARE(last.fromState, std::optional<PaymentState>(PaymentState::Unknown));
    QCOMPARE(last.toState, std::optional<PaymentState>(PaymentState::Charged));
    QCOMPARE(last.detail, reason);
    const AuditEntry audit = m_actions->auditLog(QDateTime(), 1).value().first();
    QCOMPARE(audit.action, QStringLiteral("resolve_unknown"));
    QCOMPARE(audit.orderId, orderId);
    QVERIFY(audit.detail.contains(reason));
    QCOMPARE(audit.role, QStringLiteral("manager"));
    // Only once: it is no longer unknown.
    QCOMPARE(m_actions->resolveUnknown(orderId, PaymentState::Failed, QStringLiteral("again")).errorCode(),
             QStringLiteral("not_unknown"));
}

void tst_ManagerActions::resolveUnknownRules()
{
    const QString orderId = QStringLiteral("T01-UNKNOWN-3");
    QVERIFY(insert(*m_rig->ledger, seedOrder(orderId, m_clock->nowUtc(), 31400, PaymentState::Unknown)).ok());
    QVERIFY(unlock().ok());
    const QString before = fingerprint();
    QCOMPARE(m_actions->resolveUnknown(orderId, PaymentState::Failed, QStringLiteral("   ")).errorCode(),
             QStringLiteral("reason_required"));
    QCOMPARE(m_actions->resolveUnknown(orderId, PaymentState::Unknown, QStringLiteral("x")).errorCode(),
             QStringLiteral("bad_outcome"));
    QCOMPARE(m_actions->resolveUnknown(orderId, PaymentState::Refunded, QStringLiteral("x")).errorCode(),
             QStringLiteral("bad_outcome"));
    QCOMPARE(m_actions->resolveUnknown(m_charged, PaymentState::Failed, QStringLiteral("x")).errorCode(),
             QStringLiteral("not_unknown"));
    QCOMPARE(m_actions->resolveUnknown(QStringLiteral("T01-NOSUCH"), PaymentState::Failed, QStringLiteral("x")).errorCode(),
             QStringLiteral("not_found"));
    QCOMPARE(fingerprint(), before);
    QVERIFY(m_actions->resolveUnknown(orderId, PaymentState::Failed, QStringLiteral("customer's bank: not debited")).ok());
    QCOMPARE(m_rig->stateOf(orderId), PaymentState::Failed);
}

void tst_ManagerActions::recheckIsForAnyone()
{
    QSignalSpy checked(m_rig->engine.get(), &CheckoutEngine::statusChecked);
    QCOMPARE(m_access->role(), AccessControl::Role::Cashier);
    QVERIFY(m_actions->recheck(m_charged).ok());
    QVERIFY(checked.wait(5000));
    QCOMPARE(checked.first().first().toString(), m_charged);
}

void tst_ManagerActions::managerExportsAndReads()
{
    QVERIFY(unlock().ok());
    const QString path = m_rig->dir.filePath(QStringLiteral("export.csv"));
    const Result<qint64> written = m_actions->exportCsv(OrderFilter(), path);
    QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
    QCOMPARE(written.value(), m_actions->countHistory(OrderFilter()).value());
    QVERIFY(QFile::exists(path));
    const AuditEntry audit = m_actions->auditLog(QDateTime(), 1).value().first();
    QCOMPARE(audit.action, QStringLiteral("export"));
    QVERIFY(audit.detail.contains(path));
    QVERIFY(m_actions->order(m_yesterday).value().has_value());
    QVERIFY(!m_actions->timeline(m_yesterday).value().isEmpty());
    const QDateTime now = m_clock->nowUtc();
    const Result<QList<SalesBucket>> buckets = m_actions->salesBuckets(now.addDays(-30), now.addSecs(60), 86400, 19800);
    QVERIFY2(buckets.ok(), qPrintable(buckets.errorMessage()));
    QVERIFY(buckets->size() >= 2); // today and two days ago
    QVERIFY(m_actions->zReport(now.toTimeZone(kKolkata).date().addDays(-2), kKolkata)->chargedCount() >= 1);
}

void tst_ManagerActions::settingsAndSecrets()
{
    QVERIFY(unlock().ok());
    QVERIFY(m_actions->changeSetting(*m_settings, Settings::Key::LockoutMinutes, 20).ok());
    QCOMPARE(m_settings->integer(Settings::Key::LockoutMinutes), 20);
    QCOMPARE(m_actions->changeSetting(*m_settings, Settings::Key::Environment, QStringLiteral("live")).errorCode(),
             QStringLiteral("bad_setting_value"));
    AuditEntry audit = m_actions->auditLog(QDateTime(), 1).value().first();
    QCOMPARE(audit.action, QStringLiteral("settings_changed"));
    QCOMPARE(audit.detail, QStringLiteral("security/lockoutMinutes = 20"));

    const std::optional<VoidResult> stored = awaitCallback<VoidResult>([this](auto done) {
        m_actions->changeSecret(m_secrets, QStringLiteral("cmcom-client-secret"), QStringLiteral("s3cret-value"), done);
    });
    QVERIFY(stored && stored->ok());
    QCOMPARE(m_secrets.peek(QStringLiteral("cmcom-client-secret")), QStringLiteral("s3cret-value"));
    audit = m_actions->auditLog(QDateTime(), 1).value().first();
    QCOMPARE(audit.action, QStringLiteral("secret_changed"));
    QVERIFY(!audit.detail.contains(QLatin1String("s3cret-value")));
    QVERIFY(m_actions->changeSetting(*m_settings, Settings::Key::LockoutMinutes, 15).ok());
}

void tst_ManagerActions::idleManagerIsRefused()
{
    QVERIFY(unlock().ok());
    QVERIFY(m_actions->auditLog(QDateTime(), 1).ok());
    m_clock->advanceMs(4 * 60'000);
    QVERIFY(m_actions->auditLog(QDateTime(), 1).ok()); // activity restarts the countdown
    m_clock->advanceMs(4 * 60'000);
    QVERIFY(m_actions->auditLog(QDateTime(), 1).ok());
    m_clock->advanceMs(5 * 60'000); // 5 minutes without anything
    QCOMPARE(m_actions->refund(m_charged, std::nullopt).errorCode(), QStringLiteral("manager_required"));
    QCOMPARE(m_rig->stateOf(m_charged), PaymentState::Charged);
}

QTEST_GUILESS_MAIN(tst_ManagerActions)
#include "tst_ManagerActions.moc"
