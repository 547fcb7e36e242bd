#include "BackOfficeRig.h"
#include "SandboxGateways.h"
#include "../../backoffice/RefundScenario.h"
#include "ui/ReceiptPrinter.h"
#include "ui/backoffice/AuditLogView.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui/backoffice/HistoryModel.h"
#include "ui/backoffice/OrderDetailPane.h"
#include "ui/backoffice/PinDialog.h"
#include "ui/backoffice/RefundDialog.h"
#include "ui/backoffice/ResolveDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QComboBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>

// One order's pane over a seeded real ledger: the timeline shows every seeded event in
// order; refund and settle ask a cashier for the PIN and do nothing without it.
class tst_OrderDetailPane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheTimelineOfASeededOrder();
    void cashierRefundAsksForPinAndDoesNothingWithoutIt();
    void managerRefundShowsTheConfirmation();
    void settleUnknownNeedsPinAndReason();
    void partialRefundThroughTheSandbox();
    void historyPaneAndReprintShowTheNet();
    void googlePayDirectSaysWhereToRefund();
    void googlePayDirectRefundIsRefusedUpFront();
    void refusedRefundIsNotAuditedAsARefund();
    void repeatedStatusChecksAreOneRow();

private:
    static void clickButton(QDialog *dialog, QDialogButtonBox::StandardButton which)
    {
        dialog->findChild<QDialogButtonBox *>()->button(which)->click();
    }

    std::unique_ptr<BackOfficeRig> m_rig;
    QStringList m_ids;
    OrderRecord m_unknown;
};

void tst_OrderDetailPane::init()
{
    m_rig = std::make_unique<BackOfficeRig>();
    QVERIFY2(m_rig->ready(), qPrintable(m_rig->openError));
    QVERIFY(m_rig->setPin());
    const auto seeded = seedDemoLedger(*m_rig->ledger, m_rig->clock.nowUtc().addSecs(-60), 40, 4, 5);
    QVERIFY2(seeded.ok(), qPrintable(seeded.errorMessage()));
    m_ids = seeded.value().ids;
    m_unknown = demoOrder(9001, m_rig->clock.nowUtc().addSecs(-30), 45000, PaymentState::Unknown, demoProviders().first(),
                          QStringLiteral("asha"));
    QVERIFY(m_rig->ledger->insertOrder(m_unknown, demoEvent(m_unknown.orderId, m_unknown.createdAt, QStringLiteral("created"),
                                                            {}, PaymentState::Created, QStringLiteral("ok"), QString()))
                    .ok());
}

void tst_OrderDetailPane::cleanup()
{
    m_rig.reset();
}

void tst_OrderDetailPane::showsTheTimelineOfASeededOrder()
{
    OrderDetailPane pane(*m_rig->actions, QLocale(QLocale::English, QLocale::India), m_rig->zone);
    pane.show();
    pane.showOrder(m_ids.first());
    auto *tree = pane.findChild<QTreeWidget *>(QStringLiteral("timelineTree"));
    QVERIFY(tree);
    const Result<QList<OrderEvent>> events = m_rig->ledger->events(m_ids.first());
    QVERIFY(events.ok());
    QCOMPARE(events.value().size(), 5);
    QCOMPARE(tree->topLevelItemCount(), 5);
    const QStringList kinds { QStringLiteral("created"), QStringLiteral("request"), QStringLiteral("response"),
                              QStringLiteral("status"), QStringLiteral("status") };
    for (int i = 0; i < kinds.size(); ++i)
        QCOMPARE(tree->topLevelItem(i)->data(0, Qt::UserRole).toString(), kinds.at(i));
    QCOMPARE(tree->topLevelItem(1)->text(1), QStringLiteral("Request sent"));
    QCOMPARE(tree->topLevelItem(2)->text(3), QStringLiteral("PENDING_VBV"));
    // Times are local (Kolkata, +05:30): the seeded order was created at 09:29 UTC = 14:59.
    QVERIFY2(tree->topLevelItem(0)->text(0).startsWith(QStringLiteral("14:59")), qPrintable(tree->topLevelItem(0)->text(0)));

    const OrderRecord order = *pane.order();
    auto *title = pane.findChild<QLabel *>(QStringLiteral("titleLabel"));
    QVERIFY(title->text().contains(order.orderId));
    QVERIFY(title->text().contains(order.amount.toDisplayString(QLocale(QLocale::English, QLocale::India))));
    // The phone: last 4 only.
    const QString phone = pane.findChild<QLabel *>(QStringLiteral("phoneValue"))->text();
    QVERIFY(phone.endsWith(order.phoneLast4));
    QCOMPARE(phone.size(), 10);
}

void tst_OrderDetailPane::cashierRefundAsksForPinAndDoesNothingWithoutIt()
{
    OrderDetailPane pane(*m_rig->actions, QLocale(QLocale::English, QLocale::India), m_rig->zone);
    pane.show();
    QString charged;
    for (const QString &id : std::as_const(m_ids)) {
        const auto order = m_rig->ledger->findOrder(id, PhoneAccess::Masked);
        if (order.ok() && order.value() && order.value()->state == PaymentState::Charged) {
            charged = id;
            break;
        }
    }
    QVERIFY(!charged.isEmpty());
    pane.showOrder(charged);
    auto *refund = pane.findChild<QPushButton *>(QStringLiteral("refundButton"));
    QVERIFY(refund && refund->isEnabled());
    QCOMPARE(m_rig->access->role(), AccessControl::Role::Cashier);

    refund->click();
    auto *pin = pane.findChild<PinDialog *>(QStringLiteral("pinDialog"));
    QVERIFY(pin);
    QTRY_VERIFY(pin->isVisible());
    QVERIFY(!pane.findChild<RefundDialog *>());
    // A wrong PIN, then Cancel: no refund dialog, no refund in the ledger.
    QTest::keyClicks(pin->findChild<QLineEdit *>(QStringLiteral("pinEdit")), QStringLiteral("1111"));
    QTest::keyClick(pin->findChild<QLineEdit *>(QStringLiteral("pinEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!pin->errorText().isEmpty(), 5000);
    clickButton(pin, QDialogButtonBox::Cancel);
    QTRY_VERIFY(!pane.findChild<PinDialog *>(QStringLiteral("pinDialog")));
    QVERIFY(!pane.findChild<RefundDialog *>());
    QVERIFY(m_rig->ledger->refunds(charged).value().isEmpty());
    QCOMPARE(m_rig->access->role(), AccessControl::Role::Cashier);
    // And ManagerActions itself refuses the cashier (the UI is not the only guard).
    QCOMPARE(m_rig->actions->refund(charged, std::nullopt).errorCode(), QStringLiteral("manager_required"));
    QVERIFY(m_rig->ledger->refunds(charged).value().isEmpty());
}

void tst_OrderDetailPane::managerRefundShowsTheConfirmation()
{
    OrderDetailPane pane(*m_rig->actions, QLocale(QLocale::English, QLocale::India), m_rig->zone);
    pane.show();
    QString charged;
    for (const QString &id : std::as_const(m_ids)) {
        const auto order = m_rig->ledger->findOrder(id, PhoneAccess::Masked);
        if (order.ok() && order.value() && order.value()->state == PaymentState::Charged) {
            charged = id;
            break;
        }
    }
    pane.showOrder(charged);
    pane.findChild<QPushButton *>(QStringLiteral("refundButton"))->click();
    auto *pin = pane.findChild<PinDialog *>(QStringLiteral("pinDialog"));
    QVERIFY(pin);
    QTest::keyClicks(pin->findChild<QLineEdit *>(QStringLiteral("pinEdit")), kRigPin);
    QTest::keyClick(pin->findChild<QLineEdit *>(QStringLiteral("pinEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(pane.findChild<RefundDialog *>(QStringLiteral("refundDialog")), 5000);
    auto *dialog = pane.findChild<RefundDialog *>(QStringLiteral("refundDialog"));
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("confirmLabel"))->text().contains(QStringLiteral("cannot be undone")));
    // A partial amount above what was paid is refused at the field.
    dialog->findChild<QRadioButton *>(QStringLiteral("partialRadio"))->setChecked(true);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("amountEdit")), QStringLiteral("99,99,999"));
    QVERIFY(!dialog->amountError().isEmpty());
    QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    clickButton(dialog, QDialogButtonBox::Cancel);
    QVERIFY(m_rig->ledger->refunds(charged).value().isEmpty());
}

void tst_OrderDetailPane::settleUnknownNeedsPinAndReason()
{
    OrderDetailPane pane(*m_rig->actions, QLocale(QLocale::English, QLocale::India), m_rig->zone);
    pane.show();
    pane.showOrder(m_unknown.orderId);
    auto *resolve = pane.findChild<QPushButton *>(QStringLiteral("resolveButton"));
    QVERIFY(resolve->isEnabled());
    resolve->click();
    auto *pin = pane.findChild<PinDialog *>(QStringLiteral("pinDialog"));
    QVERIFY(pin);
    clickButton(pin, QDialogButtonBox::Cancel);
    QTRY_VERIFY(!pane.findChild<PinDialog *>(QStringLiteral("pinDialog")));
    QVERIFY(!pane.findChild<ResolveDialog *>());
    QCOMPARE(m_rig->ledger->findOrder(m_unknown.orderId, PhoneAccess::Masked).value()->state, PaymentState::Unknown);

    resolve->click();
    pin = pane.findChild<PinDialog *>(QStringLiteral("pinDialog"));
    QTest::keyClicks(pin->findChild<QLineEdit *>(QStringLiteral("pinEdit")), kRigPin);
    QTest::keyClick(pin->findChild<QLineEdit *>(QStringLiteral("pinEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(pane.findChild<ResolveDialog *>(QStringLiteral("resolveDialog")), 5000);
    auto *dialog = pane.findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    auto *outcome = dialog->findChild<QComboBox *>(QStringLiteral("outcomeCombo"));
    outcome->setCurrentIndex(outcome->findData(int(PaymentState::Charged)));
    // No reason: refused at the field.
    clickButton(dialog, QDialogButtonBox::Ok);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("reasonError"))->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")), QStringLiteral("Bank statement shows the credit"));
    clickButton(dialog, QDialogButtonBox::Ok);
    QTRY_COMPARE(m_rig->ledger->findOrder(m_unknown.orderId, PhoneAccess::Masked).value()->state, PaymentState::Charged);
    QVERIFY2(pane.message().contains(QStringLiteral("Paid")), qPrintable(pane.message()));
    auto *tree = pane.findChild<QTreeWidget *>(QStringLiteral("timelineTree"));
    QCOMPARE(tree->topLevelItem(tree->topLevelItemCount() - 1)->data(0, Qt::UserRole).toString(), QStringLiteral("note"));
    QVERIFY(tree->topLevelItem(tree->topLevelItemCount() - 1)->text(4).contains(QStringLiteral("Bank statement")));
}

void tst_OrderDetailPane::partialRefundThroughTheSandbox()
{
    // A real sale: the engine pays through the Juspay client to the loopback sandbox, whose
    // customer approves; then a manager refunds part of it from the pane.
    SandboxGateways gateways;
    QVERIFY(gateways.started());
    BackOfficeRig rig(QDateTime::currentDateTimeUtc(), { gateways.good.get() });
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    CheckoutRequest request;
    request.provider = gateways.good->providerName();
    request.amount = Money::fromMinorUnits(149950, Currency::inr()).value();
    request.mobile = PhoneNumber::parse(u"9876543210").value();
    request.cashier = QStringLiteral("asha");
    QSignalSpy sessions(rig.engine.get(), &CheckoutEngine::sessionStarted);
    QSignalSpy finished(rig.engine.get(), &CheckoutEngine::finished);
    const Result<QString> paid = rig.engine->pay(request);
    QVERIFY2(paid.ok(), qPrintable(paid.errorMessage()));
    QVERIFY(sessions.wait(5000));
    QVERIFY(gateways.sandbox->approve(paid.value()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(rig.ledger->findOrder(paid.value(), PhoneAccess::Masked).value()->state, PaymentState::Charged);

    QVERIFY(rig.setPin() && rig.unlock());
    const QLocale locale(QLocale::English, QLocale::India);
    OrderDetailPane pane(*rig.actions, locale, rig.zone);
    pane.show();
    pane.showOrder(paid.value());
    QCOMPARE(pane.findChild<QLabel *>(QStringLiteral("phoneValue"))->text(), QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u20223210"));
    QVERIFY(pane.timeline().size() >= 3);
    pane.findChild<QPushButton *>(QStringLiteral("refundButton"))->click();
    auto *dialog = pane.findChild<RefundDialog *>(QStringLiteral("refundDialog"));
    QVERIFY(dialog); // a manager is not asked for the PIN again
    dialog->findChild<QRadioButton *>(QStringLiteral("partialRadio"))->setChecked(true);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("amountEdit")), QStringLiteral("500"));
    QVERIFY2(dialog->amountError().isEmpty(), qPrintable(dialog->amountError()));
    QSignalSpy refunded(rig.actions.get(), &ManagerActions::refundFinished);
    clickButton(dialog, QDialogButtonBox::Ok);
    QVERIFY(refunded.wait(10000));
    QTRY_COMPARE(rig.ledger->findOrder(paid.value(), PhoneAccess::Masked).value()->state, PaymentState::PartiallyRefunded);
    QCOMPARE(rig.ledger->findOrder(paid.value(), PhoneAccess::Masked).value()->refundedMinorUnits, qint64(50000));
    QTRY_VERIFY(pane.findChild<QLabel *>(QStringLiteral("refundsValue"))->text().contains(QStringLiteral("\u20b9500.00")));
    // The refund's state in words (translated), never the ledger's code ("succeeded").
    QVERIFY2(pane.findChild<QLabel *>(QStringLiteral("refundsValue"))->text().startsWith(QStringLiteral("\u20b9500.00: Refunded (")),
             qPrintable(pane.findChild<QLabel *>(QStringLiteral("refundsValue"))->text()));
    QVERIFY(pane.findChild<QLabel *>(QStringLiteral("titleLabel"))->text().contains(QStringLiteral("Partly refunded")));
    QVERIFY(!pane.message().isEmpty());
}

void tst_OrderDetailPane::historyPaneAndReprintShowTheNet()
{
    // Refunded in CounterPay and reported by the provider too (net 400.00, not 300.00), and
    // refunded only in the provider's dashboard (net 150.00): the history row, the pane and the
    // reprinted receipt all say what the Z report counts.
    const QLocale india(QLocale::English, QLocale::India);
    const RefundScenario scenario
            = seedRefundScenario(*m_rig->ledger, m_rig->clock.nowUtc().addSecs(-3600), QStringLiteral("NET-"));
    QVERIFY(m_rig->unlock()); // the whole history is the manager's
    HistoryModel model({ [this](const OrderFilter &filter) { return m_rig->actions->history(filter); },
                         [this](const OrderFilter &filter) { return m_rig->actions->countHistory(filter); } },
                       india, m_rig->zone);
    const QList<std::pair<QString, QString>> expected {
        { QStringLiteral("NET-BOTH"), QStringLiteral("\u20B9500.00 (refunded \u20B9100.00, net \u20B9400.00)") },
        { QStringLiteral("NET-OUTP"), QStringLiteral("\u20B9200.00 (refunded \u20B950.00, net \u20B9150.00)") },
        { QStringLiteral("NET-CPO"), QStringLiteral("\u20B9400.00 (refunded \u20B9100.00, net \u20B9300.00)") },
        { QStringLiteral("NET-CHG"), QStringLiteral("\u20B9100.00") },
    };
    for (const auto &[orderId, text] : expected) {
        OrderFilter filter;
        filter.search = orderId;
        model.setFilter(filter);
        QVERIFY2(model.rowCount() == 1, qPrintable(model.lastError()));
        QCOMPARE(model.index(0, HistoryModel::AmountColumn).data().toString(), text);

        OrderDetailPane pane(*m_rig->actions, india, m_rig->zone);
        pane.showOrder(orderId);
        QVERIFY2(pane.findChild<QLabel *>(QStringLiteral("titleLabel"))->text().contains(text),
                 qPrintable(pane.findChild<QLabel *>(QStringLiteral("titleLabel"))->text()));
        QVERIFY(pane.order());
        QCOMPARE(pane.order()->netMinorUnits(), scenario.expectedNet.value(orderId));
        const ReceiptPrinter::Receipt receipt = OrderDetailPane::receiptFor(*pane.order(), QStringLiteral("Sharma Stores"), india);
        QCOMPARE(receipt.amountText, text);
        QVERIFY(ReceiptPrinter::html(receipt).contains(text.toHtmlEscaped()));
    }
}

void tst_OrderDetailPane::googlePayDirectSaysWhereToRefund()
{
    QVERIFY(m_rig->unlock());
    const QDateTime at = m_rig->clock.nowUtc().addSecs(-20);
    const OrderRecord direct = demoOrder(9101, at, 25000, PaymentState::Charged,
                                         { QStringLiteral("googlepay"), QStringLiteral("GOOGLEPAY") }, QStringLiteral("asha"));
    const OrderRecord viaJuspay = demoOrder(9102, at, 25000, PaymentState::Charged,
                                            { QStringLiteral("juspay-gpay"), QStringLiteral("GOOGLEPAY") }, QStringLiteral("asha"));
    for (const OrderRecord &order : { direct, viaJuspay }) {
        QVERIFY(m_rig->ledger->insertOrder(order, demoEvent(order.orderId, order.createdAt, QStringLiteral("created"), {},
                                                            PaymentState::Created, QStringLiteral("ok"), QString()))
                        .ok());
    }
    OrderDetailPane pane(*m_rig->actions, QLocale(QLocale::English, QLocale::India), m_rig->zone);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *refund = pane.findChild<QPushButton *>(QStringLiteral("refundButton"));
    auto *words = pane.findChild<QLabel *>(QStringLiteral("refundElsewhereLabel"));
    QVERIFY(refund && words);

    pane.showOrder(direct.orderId);
    // The button is there but cannot be pressed; the reason is in words beside it.
    QVERIFY(refund->isVisible());
    QVERIFY(!refund->isEnabled());
    QVERIFY(words->isVisible());
    QCOMPARE(pane.refundUnavailableText(), words->text());
    QCOMPARE(refund->toolTip(), words->text());
    QVERIFY2(words->text().contains(QLatin1String("Google Pay direct payments are refunded through your PSP or Google's "
                                                  "merchant console")),
             qPrintable(words->text()));
    // Alt+R (the button's shortcut) opens nothing either.
    QTest::keyClick(&pane, Qt::Key_R, Qt::AltModifier);
    QVERIFY(!pane.findChild<QDialog *>(QStringLiteral("refundDialog")));

    pane.showOrder(viaJuspay.orderId); // through Juspay, CounterPay refunds it itself
    QVERIFY(refund->isVisible());
    QVERIFY(refund->isEnabled());
    QVERIFY(!words->isVisible());
}

void tst_OrderDetailPane::googlePayDirectRefundIsRefusedUpFront()
{
    // Even asked directly (not through the disabled button), nothing is sent or recorded as a refund.
    QVERIFY(m_rig->unlock());
    const OrderRecord direct = demoOrder(9103, m_rig->clock.nowUtc().addSecs(-20), 32000, PaymentState::Charged,
                                         { QStringLiteral("googlepay"), QStringLiteral("GOOGLEPAY") }, QStringLiteral("asha"));
    QVERIFY(m_rig->ledger->insertOrder(direct, demoEvent(direct.orderId, direct.createdAt, QStringLiteral("created"), {},
                                                         PaymentState::Created, QStringLiteral("ok"), QString()))
                    .ok());
    const Result<QString> refused = m_rig->actions->refund(direct.orderId, std::nullopt);
    QCOMPARE(refused.errorCode(), QStringLiteral("refund_unsupported"));
    QVERIFY(m_rig->ledger->refunds(direct.orderId).value().isEmpty());
    QCOMPARE(m_rig->auditCount(QStringLiteral("refund")), 0);
    QCOMPARE(m_rig->auditCount(QStringLiteral("refund_refused")), 1);
    const AuditEntry last = m_rig->ledger->auditLog(QDateTime(), 1).value().first();
    QVERIFY2(last.detail.startsWith(QLatin1String("refund refused: Google Pay direct")), qPrintable(last.detail));
    QCOMPARE(last.orderId, direct.orderId);
}

void tst_OrderDetailPane::refusedRefundIsNotAuditedAsARefund()
{
    // The gateway says no (a real Juspay client with a key the sandbox refuses, over loopback).
    SandboxGateways gateways;
    QVERIFY(gateways.started());
    BackOfficeRig rig(QDateTime::currentDateTimeUtc(), { gateways.wrongKey.get() });
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    const OrderRecord sale = demoOrder(9104, rig.clock.nowUtc().addSecs(-20), 32000, PaymentState::Charged,
                                       { gateways.wrongKey->providerName(), QStringLiteral("GOOGLEPAY") },
                                       QStringLiteral("asha"));
    QVERIFY(rig.ledger->insertOrder(sale, demoEvent(sale.orderId, sale.createdAt, QStringLiteral("created"), {},
                                                    PaymentState::Created, QStringLiteral("ok"), QString()))
                    .ok());
    QVERIFY(rig.setPin() && rig.unlock());
    const QLocale locale(QLocale::English, QLocale::India);
    OrderDetailPane pane(*rig.actions, locale, rig.zone);
    pane.show();
    pane.showOrder(sale.orderId);
    auto *button = pane.findChild<QPushButton *>(QStringLiteral("refundButton"));
    QVERIFY(button->isEnabled());
    button->click();
    auto *dialog = pane.findChild<RefundDialog *>(QStringLiteral("refundDialog"));
    QVERIFY(dialog);
    QSignalSpy failed(rig.actions.get(), &ManagerActions::refundFailed);
    clickButton(dialog, QDialogButtonBox::Ok);
    QVERIFY(failed.wait(10000));
    QTRY_VERIFY(pane.message().contains(QStringLiteral("The refund failed")));
    QCOMPARE(rig.ledger->findOrder(sale.orderId, PhoneAccess::Masked).value()->state, PaymentState::Charged);

    // The audit: the request, then the refusal with its reason; never "refunded".
    QCOMPARE(rig.auditCount(QStringLiteral("refund_done")), 0);
    QCOMPARE(rig.auditCount(QStringLiteral("refund_refused")), 1);
    const AuditEntry last = rig.ledger->auditLog(QDateTime(), 1).value().first();
    QCOMPARE(last.action, QStringLiteral("refund_refused"));
    QVERIFY2(last.detail.startsWith(QLatin1String("refund refused: ")) && last.detail.size() > 20, qPrintable(last.detail));

    AuditLogView view(*rig.actions, locale, rig.zone);
    view.refresh();
    QVERIFY(view.rowCount() >= 2);
    QStringList actions;
    for (int row = 0; row < view.rowCount(); ++row) {
        if (view.cell(row, 4) == sale.orderId)
            actions << view.cell(row, 3);
    }
    // Newest first.
    QCOMPARE(actions, QStringList({ QStringLiteral("Refund refused"), QStringLiteral("Refund requested") }));
}

void tst_OrderDetailPane::repeatedStatusChecksAreOneRow()
{
    // 23 polls that all found the customer still deciding, then the one that saw the payment.
    const QDateTime at = m_rig->clock.nowUtc().addSecs(-300);
    const OrderRecord sale = demoOrder(9105, at, 14950, PaymentState::Charged, demoProviders().first(), QStringLiteral("asha"));
    QVERIFY(m_rig->ledger->insertOrder(sale, demoEvent(sale.orderId, at, QStringLiteral("created"), {}, PaymentState::Created,
                                                       QStringLiteral("ok"), QString()))
                    .ok());
    QVERIFY(m_rig->ledger->appendEvent(demoEvent(sale.orderId, at.addSecs(1), QStringLiteral("response"), PaymentState::Submitting,
                                                 PaymentState::AwaitingCustomer, QStringLiteral("ok"), QStringLiteral("HTTP 200"),
                                                 QStringLiteral("PENDING_VBV")))
                    .ok());
    for (int i = 0; i < 23; ++i) {
        QVERIFY(m_rig->ledger->appendEvent(demoEvent(sale.orderId, at.addSecs(5 + 5 * i), QStringLiteral("status"), {}, {},
                                                     QStringLiteral("pending"), QString(), QStringLiteral("PENDING_VBV")))
                        .ok());
    }
    QVERIFY(m_rig->ledger->appendEvent(demoEvent(sale.orderId, at.addSecs(125), QStringLiteral("status"),
                                                 PaymentState::AwaitingCustomer, PaymentState::Charged,
                                                 QStringLiteral("verified"), QString(), QStringLiteral("CHARGED")))
                    .ok());
    OrderDetailPane pane(*m_rig->actions, QLocale(QLocale::English, QLocale::India), m_rig->zone);
    pane.show();
    pane.showOrder(sale.orderId);
    QCOMPARE(pane.timeline().size(), 26); // every event is still there
    auto *tree = pane.findChild<QTreeWidget *>(QStringLiteral("timelineTree"));
    QCOMPARE(tree->topLevelItemCount(), 4); // created, answered, 23 checks, the check that saw it paid
    const QString first = BackOfficeText::time(at.addSecs(5), m_rig->zone, QLocale(QLocale::English, QLocale::India));
    const QString last = BackOfficeText::time(at.addSecs(5 + 5 * 22), m_rig->zone, QLocale(QLocale::English, QLocale::India));
    QTreeWidgetItem *folded = tree->topLevelItem(2);
    QCOMPARE(folded->text(1), QStringLiteral("Checked 23 times, %1\u2013%2").arg(first, last));
    QCOMPARE(folded->text(0), first);
    QCOMPARE(folded->text(3), QStringLiteral("PENDING_VBV"));
    QCOMPARE(tree->topLevelItem(3)->text(1), QStringLiteral("Status checked"));
    QCOMPARE(tree->topLevelItem(3)->text(3), QStringLiteral("CHARGED"));
}

QTEST_MAIN(tst_OrderDetailPane)
#include "tst_OrderDetailPane.moc"
