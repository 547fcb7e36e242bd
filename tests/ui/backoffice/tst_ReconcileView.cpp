#include "BackOfficeRig.h"
#include "SandboxGateways.h"
#include "backoffice/Reconciler.h"
#include "ui/backoffice/PinDialog.h"
#include "ui/backoffice/ReconcileView.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTableWidget>

// The Reconciliation tab with the real Reconciler asking the in-process sandbox over loopback
// about a seeded ledger's doubtful orders.
class tst_ReconcileView : public QObject
{
    Q_OBJECT

private slots:
    void listsTheDifferences();
    void pastDayAsksACashierForThePin();
    void withoutGatewaysSaysSo();
};

void tst_ReconcileView::listsTheDifferences()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    SandboxGateways gateways;
    QVERIFY(gateways.started());
    // Two orders of today whose outcome the ledger does not know; the sandbox never saw them.
    for (int i = 0; i < 2; ++i) {
        OrderRecord order = demoOrder(500 + i, rig.clock.nowUtc().addSecs(-600 + i), 25000 + i * 100,
                                      PaymentState::Unknown, demoProviders().first(), QStringLiteral("asha"));
        QVERIFY(rig.ledger->insertOrder(order, demoEvent(order.orderId, order.createdAt, QStringLiteral("created"), {},
                                                         PaymentState::Created, QStringLiteral("ok"), QString()))
                        .ok());
    }
    Reconciler reconciler(*rig.ledger, { gateways.good.get() });
    ReconcileView view(&reconciler, *rig.access, rig.clock, QLocale(QLocale::English, QLocale::India), rig.zone);
    view.show();
    QSignalSpy finished(&reconciler, &Reconciler::finished);
    view.findChild<QPushButton *>(QStringLiteral("runButton"))->click();
    QVERIFY(finished.wait(20000));
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("differencesTable"));
    QCOMPARE(table->rowCount(), 2);
    QStringList ids { table->item(0, 0)->text(), table->item(1, 0)->text() };
    ids.sort();
    QCOMPARE(ids, (QStringList { QStringLiteral("T01-000500"), QStringLiteral("T01-000501") }));
    QVERIFY(!table->item(0, 5)->text().isEmpty());
    QVERIFY(table->item(0, 4)->text().contains(QStringLiteral("\u20b9")));
    QVERIFY2(view.status().contains(QStringLiteral("2")), qPrintable(view.status()));
    // The ledger is not changed by reconciling.
    QCOMPARE(rig.ledger->findOrder(QStringLiteral("T01-000500"), PhoneAccess::Masked).value()->state, PaymentState::Unknown);
}

void tst_ReconcileView::pastDayAsksACashierForThePin()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin());
    SandboxGateways gateways;
    QVERIFY(gateways.started());
    Reconciler reconciler(*rig.ledger, { gateways.good.get() });
    ReconcileView view(&reconciler, *rig.access, rig.clock, QLocale(QLocale::English, QLocale::India), rig.zone);
    view.show();
    auto *day = view.findChild<QDateEdit *>(QStringLiteral("dayEdit"));
    day->setDate(day->date().addDays(-1));
    QSignalSpy progress(&reconciler, &Reconciler::finished);
    view.findChild<QPushButton *>(QStringLiteral("runButton"))->click();
    auto *pin = view.findChild<PinDialog *>(QStringLiteral("pinDialog"));
    QVERIFY(pin);
    QVERIFY(!reconciler.isRunning());
    pin->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QTest::qWait(100); // asserts an absence: a cancelled PIN must start no run, so no signal comes
    QVERIFY(!reconciler.isRunning());
    QCOMPARE(progress.count(), 0);
}

void tst_ReconcileView::withoutGatewaysSaysSo()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    ReconcileView view(nullptr, *rig.access, rig.clock, QLocale(QLocale::English, QLocale::India), rig.zone);
    QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("runButton"))->isEnabled());
    QVERIFY(!view.status().isEmpty());
}

QTEST_MAIN(tst_ReconcileView)
#include "tst_ReconcileView.moc"
