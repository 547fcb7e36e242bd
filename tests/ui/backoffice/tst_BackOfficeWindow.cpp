#include "BackOfficeRig.h"
#include "backoffice/CsvExporter.h"
#include "ui/backoffice/AuditLogView.h"
#include "ui/backoffice/BackOfficeWindow.h"
#include "ui/backoffice/HistoryFilterBar.h"
#include "ui/backoffice/HistoryModel.h"
#include "ui/backoffice/HistoryView.h"
#include "ui/backoffice/OrderDetailPane.h"
#include "ui/backoffice/PinDialog.h"
#include "ui/backoffice/RefundDialog.h"
#include "ui/backoffice/SettingsDialog.h"

#include <QComboBox>
#include <QFile>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>

// The whole back-office window over a seeded real ledger: a cashier sees today only and is
// asked for the PIN for manager-only tabs and views (nothing changes without it); the lock
// button drops back to cashier.
class tst_BackOfficeWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cashierSeesTodayOnly();
    void managerTabAsksForPin();
    void pastHistoryAsksForPinAndFallsBackToToday();
    void lockReturnsToCashier();
    void settingsSaveIsManagerOnlyAndAudited();
    void exportIsManagerOnly();
    void closesFromTheKeyboard_data();
    void closesFromTheKeyboard();
    void closeButtonCloses();
    void escapeInADialogClosesOnlyTheDialog();
    void escapeInTheRefundDialogClosesOnlyTheDialog();
    void setupButtonOnlyInDemo();
    void stateColumnFitsTheLongestStateWord();

private:
    PinDialog *pinDialog() const { return m_window->findChild<PinDialog *>(QStringLiteral("pinDialog")); }
    void typePin(const QString &pin)
    {
        auto *edit = pinDialog()->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
        QTest::keyClicks(edit, pin);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    void cancelPin() { pinDialog()->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click(); }
    QString roleText() const { return m_window->findChild<QLabel *>(QStringLiteral("roleLabel"))->text(); }

    std::unique_ptr<BackOfficeRig> m_rig;
    std::unique_ptr<BackOfficeWindow> m_window;
    int m_today = 0;
};

void tst_BackOfficeWindow::init()
{
    m_rig = std::make_unique<BackOfficeRig>();
    QVERIFY2(m_rig->ready(), qPrintable(m_rig->openError));
    QVERIFY(m_rig->setPin());
    const auto seeded = seedDemoLedger(*m_rig->ledger, m_rig->clock.nowUtc().addSecs(-60), 120, 6, 2);
    QVERIFY2(seeded.ok(), qPrintable(seeded.errorMessage()));
    OrderFilter today;
    today.since = m_rig->actions->startOfTodayUtc();
    m_today = int(m_rig->ledger->countOrders(today).value());
    QVERIFY(m_today > 0 && m_today < 120);
    m_window = std::make_unique<BackOfficeWindow>(
            BackOfficeServices { *m_rig->actions, *m_rig->access, *m_rig->settings, m_rig->secrets, {}, m_rig->clock,
                                 QLocale(QLocale::English, QLocale::India), nullptr, m_rig->zone });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_BackOfficeWindow::cleanup()
{
    m_window.reset();
    m_rig.reset();
}

void tst_BackOfficeWindow::cashierSeesTodayOnly()
{
    QCOMPARE(roleText(), QStringLiteral("Cashier"));
    QCOMPARE(m_window->currentTab(), BackOfficeWindow::Tab::History);
    HistoryModel *model = m_window->history()->model();
    QCOMPARE(model->rowCount(), m_today);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->orderAt(row)->createdAt >= m_rig->actions->startOfTodayUtc());
}

void tst_BackOfficeWindow::managerTabAsksForPin()
{
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
    tabs->setCurrentIndex(int(BackOfficeWindow::Tab::AuditLog));
    QVERIFY(pinDialog());
    QCOMPARE(m_window->currentTab(), BackOfficeWindow::Tab::History);
    cancelPin();
    QTRY_VERIFY(!pinDialog());
    QCOMPARE(m_window->currentTab(), BackOfficeWindow::Tab::History);
    QCOMPARE(m_window->auditLog()->rowCount(), 0);

    m_window->showTab(BackOfficeWindow::Tab::AuditLog);
    QVERIFY(pinDialog());
    typePin(kRigPin);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentTab(), BackOfficeWindow::Tab::AuditLog, 5000);
    QCOMPARE(roleText(), QStringLiteral("Manager"));
    // The log shows the login and the PIN being set.
    QVERIFY(m_window->auditLog()->rowCount() >= 2);
}

void tst_BackOfficeWindow::pastHistoryAsksForPinAndFallsBackToToday()
{
    HistoryFilterBar *bar = m_window->history()->filterBar();
    bar->setPreset(HistoryFilterBar::Preset::ThisMonth);
    QVERIFY(pinDialog());
    QCOMPARE(m_window->history()->model()->rowCount(), m_today);
    cancelPin();
    QTRY_VERIFY(!pinDialog());
    QCOMPARE(bar->preset(), HistoryFilterBar::Preset::Today);
    QCOMPARE(m_window->history()->model()->rowCount(), m_today);

    bar->setPreset(HistoryFilterBar::Preset::ThisMonth);
    QVERIFY(pinDialog());
    typePin(kRigPin);
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->history()->model()->rowCount() > m_today,
                              qPrintable(m_window->history()->status() + QStringLiteral(" role ")
                                         + AccessControl::roleName(m_rig->access->role())
                                         + QString::number(int(bar->preset()))),
                              5000);
    QCOMPARE(bar->preset(), HistoryFilterBar::Preset::ThisMonth);
}

void tst_BackOfficeWindow::lockReturnsToCashier()
{
    QVERIFY(m_rig->unlock());
    QTRY_COMPARE(roleText(), QStringLiteral("Manager"));
    m_window->showTab(BackOfficeWindow::Tab::Settings);
    QCOMPARE(m_window->currentTab(), BackOfficeWindow::Tab::Settings);
    m_window->findChild<QPushButton *>(QStringLiteral("lockButton"))->click();
    QCOMPARE(m_rig->access->role(), AccessControl::Role::Cashier);
    QCOMPARE(roleText(), QStringLiteral("Cashier"));
    QCOMPARE(m_window->currentTab(), BackOfficeWindow::Tab::History);
    // The button now asks for the PIN.
    m_window->findChild<QPushButton *>(QStringLiteral("lockButton"))->click();
    QVERIFY(pinDialog());
    typePin(kRigPin);
    QTRY_COMPARE_WITH_TIMEOUT(roleText(), QStringLiteral("Manager"), 5000);
    // Idle for longer than the setting: back to cashier.
    m_rig->clock.advanceMs(qint64(m_rig->settings->integer(Settings::Key::IdleLockMinutes)) * 60'000 + 1000);
    m_rig->access->checkIdle();
    QTRY_COMPARE(roleText(), QStringLiteral("Cashier"));
}

void tst_BackOfficeWindow::settingsSaveIsManagerOnlyAndAudited()
{
    SettingsDialog *page = m_window->settingsPage();
    auto *name = page->findChild<QLineEdit *>(QStringLiteral("merchantNameEdit"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Cashier Was Here"));
    QVERIFY(!page->save());
    QVERIFY(page->message().contains(QStringLiteral("manager"), Qt::CaseInsensitive));
    QVERIFY(m_rig->settings->string(Settings::Key::MerchantName) != QStringLiteral("Cashier Was Here"));

    QVERIFY(m_rig->unlock());
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Sharma General Store"));
    auto *idle = page->findChild<QSpinBox *>(QStringLiteral("idleMinutesSpin"));
    idle->setValue(9);
    QVERIFY2(page->save(), qPrintable(page->message()));
    QCOMPARE(m_rig->settings->string(Settings::Key::MerchantName), QStringLiteral("Sharma General Store"));
    QCOMPARE(m_rig->settings->integer(Settings::Key::IdleLockMinutes), 9);
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("merchantLabel"))->text(), QStringLiteral("Sharma General Store"));
    QCOMPARE(m_rig->auditCount(QStringLiteral("settings_changed")), 1);
}

void tst_BackOfficeWindow::exportIsManagerOnly()
{
    const QString path = m_rig->dir.filePath(QStringLiteral("today.csv"));
    m_window->findChild<QPushButton *>(QStringLiteral("exportButton"))->click();
    QVERIFY(pinDialog());
    cancelPin();
    QTRY_VERIFY(!pinDialog());
    // The facade refuses a cashier too, whatever the UI does.
    const Result<qint64> refused = m_window->history()->exportTo(path);
    QCOMPARE(refused.errorCode(), QStringLiteral("manager_required"));
    QVERIFY(!QFile::exists(path));
    QVERIFY(m_window->history()->status().contains(QStringLiteral("manager"), Qt::CaseInsensitive));

    QVERIFY(m_rig->unlock());
    const Result<qint64> written = m_window->history()->exportTo(path);
    QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
    QCOMPARE(written.value(), qint64(m_today));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = CsvExporter::parse(file.readAll());
    QCOMPARE(rows.size(), m_today + 1);
    QVERIFY(m_window->history()->status().contains(path));
}

void tst_BackOfficeWindow::closesFromTheKeyboard_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("Esc") << int(Qt::Key_Escape) << int(Qt::NoModifier);
    QTest::newRow("Ctrl+W") << int(Qt::Key_W) << int(Qt::ControlModifier);
    QTest::newRow("F10") << int(Qt::Key_F10) << int(Qt::NoModifier);
}

void tst_BackOfficeWindow::closesFromTheKeyboard()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // From wherever the focus is: the history table.
    QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(focus, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QTRY_VERIFY(!m_window->isVisible());
}

void tst_BackOfficeWindow::closeButtonCloses()
{
    auto *close = m_window->findChild<QPushButton *>(QStringLiteral("closeButton"));
    QVERIFY(close && close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(!m_window->isVisible());
}

void tst_BackOfficeWindow::escapeInADialogClosesOnlyTheDialog()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->findChild<QPushButton *>(QStringLiteral("lockButton"))->click();
    QVERIFY(pinDialog());
    QTRY_VERIFY(pinDialog()->isActiveWindow());
    QTest::keyClick(pinDialog()->findChild<QLineEdit *>(QStringLiteral("pinEdit")), Qt::Key_Escape);
    QTRY_VERIFY(!pinDialog());
    QVERIFY(m_window->isVisible());
    // The next Esc, with no dialog open, closes the window.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QTRY_VERIFY(!m_window->isVisible());
}

void tst_BackOfficeWindow::escapeInTheRefundDialogClosesOnlyTheDialog()
{
    QVERIFY(m_rig->unlock());
    HistoryModel *model = m_window->history()->model();
    int row = -1;
    for (int i = 0; i < model->rowCount() && row < 0; ++i) {
        const OrderRecord *order = model->orderAt(i);
        if (order->state == PaymentState::Charged && order->provider.startsWith(QLatin1String("juspay")))
            row = i;
    }
    QVERIFY2(row >= 0, "the seed has a charged Juspay sale today");
    m_window->history()->selectOrder(model->orderAt(row)->orderId);
    auto *pane = m_window->findChild<OrderDetailPane *>(QStringLiteral("orderDetailPane"));
    QTRY_COMPARE(pane->orderId(), model->orderAt(row)->orderId);
    auto *refund = pane->findChild<QPushButton *>(QStringLiteral("refundButton"));
    QVERIFY(refund->isEnabled());
    refund->click();
    RefundDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = pane->findChild<RefundDialog *>(QStringLiteral("refundDialog"))) != nullptr);
    QTRY_VERIFY(dialog->isActiveWindow() && dialog->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());
    QTRY_VERIFY(!pane->findChild<RefundDialog *>(QStringLiteral("refundDialog")));
    QVERIFY(m_window->isVisible());
    // Ctrl+W and F10 (shortcuts of the window) do not close it under an open dialog either.
    refund->click();
    QTRY_VERIFY((dialog = pane->findChild<RefundDialog *>(QStringLiteral("refundDialog"))) != nullptr);
    // Also with the keys arriving at the window (the manager clicked it behind the dialog).
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QTest::keyClick(dialog, Qt::Key_F10);
    QTest::keyClick(dialog, Qt::Key_W, Qt::ControlModifier);
    QVERIFY(m_window->isVisible());
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

void tst_BackOfficeWindow::setupButtonOnlyInDemo()
{
    auto *setup = m_window->findChild<QPushButton *>(QStringLiteral("setupButton"));
    QVERIFY(setup);
    QVERIFY(m_rig->settings->setValue(Settings::Key::Environment, QStringLiteral("demo")).ok());
    QVERIFY(setup->isVisible());
    QSignalSpy asked(m_window.get(), &BackOfficeWindow::setupRequested);
    QTest::mouseClick(setup, Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QVERIFY(m_rig->settings->setValue(Settings::Key::Environment, QStringLiteral("production")).ok());
    QVERIFY(!setup->isVisible());
}

void tst_BackOfficeWindow::stateColumnFitsTheLongestStateWord()
{
    // Today holds only paid sales: the column must still fit the words other rows may show.
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    for (int i = 0; i < 3; ++i) {
        const OrderRecord order = demoOrder(9200 + i, rig.clock.nowUtc().addSecs(-60 * (i + 1)), 10000, PaymentState::Charged,
                                            demoProviders().first(), QStringLiteral("asha"));
        QVERIFY(rig.ledger->insertOrder(order, demoEvent(order.orderId, order.createdAt, QStringLiteral("created"), {},
                                                         PaymentState::Created, QStringLiteral("ok"), QString()))
                        .ok());
    }
    BackOfficeWindow window(BackOfficeServices { *rig.actions, *rig.access, *rig.settings, rig.secrets, {}, rig.clock,
                                                 QLocale(QLocale::English, QLocale::India), nullptr, rig.zone });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.history()->model()->rowCount(), 3);
    auto *table = window.findChild<QTableView *>(QStringLiteral("historyTable"));
    QVERIFY(table);
    const int width = table->columnWidth(HistoryModel::StateColumn);
    const QFontMetrics metrics(table->font());
    for (const QString &word : { QStringLiteral("Cancelled"), QStringLiteral("Expired"), QStringLiteral("Partly refunded"),
                                 QStringLiteral("Waiting for customer") })
        QVERIFY2(width >= metrics.horizontalAdvance(word) + 8, qPrintable(QStringLiteral("%1 px for %2").arg(width).arg(word)));
    // Reading again (a new filter) keeps it.
    window.history()->refresh();
    QVERIFY(table->columnWidth(HistoryModel::StateColumn) >= metrics.horizontalAdvance(QStringLiteral("Cancelled")) + 8);

    // A partly refunded sale's long amount text does not widen the Amount column past a large
    // plain amount (it pushed State out of sight and the other amounts past the edge).
    OrderRecord refunded = demoOrder(9300, rig.clock.nowUtc().addSecs(-30), 235600, PaymentState::PartiallyRefunded,
                                     demoProviders().first(), QStringLiteral("asha"));
    refunded.refundedMinorUnits = 117800;
    QVERIFY(rig.ledger->insertOrder(refunded, demoEvent(refunded.orderId, refunded.createdAt, QStringLiteral("created"), {},
                                                        PaymentState::Created, QStringLiteral("ok"), QString()))
                    .ok());
    window.history()->refresh();
    QTRY_COMPARE(window.history()->model()->rowCount(), 4);
    const QString longText = window.history()->model()->index(0, HistoryModel::AmountColumn).data().toString();
    QVERIFY2(longText.contains(QStringLiteral("net")), qPrintable(longText));
    const int plainAmount = metrics.horizontalAdvance(QStringLiteral("₹99,99,999.00"));
    QVERIFY2(table->columnWidth(HistoryModel::AmountColumn) < metrics.horizontalAdvance(longText),
             qPrintable(QStringLiteral("%1 px").arg(table->columnWidth(HistoryModel::AmountColumn))));
    QVERIFY(table->columnWidth(HistoryModel::AmountColumn) >= plainAmount);
    QVERIFY(table->columnWidth(HistoryModel::AmountColumn) <= plainAmount + 40);
}

QTEST_MAIN(tst_BackOfficeWindow)
#include "tst_BackOfficeWindow.moc"
