#include "BackOfficeRig.h"
#include "ui/backoffice/PinDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

// The PIN dialog against the real AccessControl: the wrong PIN and the lockout are shown at
// the field, the right PIN makes a manager, and a manager-only action runs only after it.
class tst_PinDialog : public QObject
{
    Q_OBJECT

private slots:
    void rightPinMakesAManager();
    void wrongPinShowsAtTheField();
    void lockedOutSaysUntilWhen();
    void managerOnlyActionWaitsForThePin();
    void noPinSetSaysSo();

private:
    static void enter(PinDialog &dialog, const QString &pin);
};

void tst_PinDialog::enter(PinDialog &dialog, const QString &pin)
{
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("pinEdit"));
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, pin);
    QTest::keyClick(edit, Qt::Key_Return);
}

void tst_PinDialog::rightPinMakesAManager()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin());
    PinDialog dialog(*rig.access, QStringLiteral("Refunds need the manager PIN."));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    enter(dialog, kRigPin);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5000);
    QCOMPARE(rig.access->role(), AccessControl::Role::Manager);
    QVERIFY(dialog.errorText().isEmpty());
}

void tst_PinDialog::wrongPinShowsAtTheField()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin());
    PinDialog dialog(*rig.access, QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    enter(dialog, QStringLiteral("1111"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 5000);
    // How many are left before the lockout (defaults: 5 in a row, 15 minutes).
    QCOMPARE(dialog.errorText(), QStringLiteral("\u26a0 Wrong PIN. 4 more wrong PINs and the PIN is refused for 15 minutes."));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(rig.access->role(), AccessControl::Role::Cashier);
    // The message sits right under the PIN field, and the field is empty and focused again.
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("pinEdit"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("pinError"));
    QVERIFY(edit && error && error->isVisible());
    QVERIFY(error->geometry().top() >= edit->geometry().bottom());
    QVERIFY(error->geometry().top() - edit->geometry().bottom() < 30);
    QVERIFY(edit->text().isEmpty());
    QCOMPARE(rig.auditCount(QStringLiteral("login_failed")), 1);
}

void tst_PinDialog::lockedOutSaysUntilWhen()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin());
    const int failures = rig.settings->integer(Settings::Key::LockoutFailures);
    const int minutes = rig.settings->integer(Settings::Key::LockoutMinutes);
    PinDialog dialog(*rig.access, QString());
    dialog.show();
    for (int i = 0; i < failures; ++i) {
        enter(dialog, QStringLiteral("0000"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty() && !dialog.isBusy(), 5000);
    }
    const QString until = rig.clock.nowUtc().addSecs(minutes * 60).toLocalTime().toString(QStringLiteral("HH:mm"));
    QVERIFY2(dialog.errorText().contains(QStringLiteral("until ") + until), qPrintable(dialog.errorText()));
    // Even the right PIN is refused now, and the message still says until when.
    enter(dialog, kRigPin);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 5000);
    QCOMPARE(rig.access->role(), AccessControl::Role::Cashier);
    QVERIFY2(dialog.errorText().contains(until), qPrintable(dialog.errorText()));
    // A new dialog shows the lockout before anything is typed.
    PinDialog again(*rig.access, QString());
    again.show();
    QVERIFY2(again.errorText().contains(until), qPrintable(again.errorText()));
    // After the lockout the right PIN works.
    rig.clock.advanceMs(qint64(minutes) * 60 * 1000 + 1000);
    enter(again, kRigPin);
    QTRY_COMPARE_WITH_TIMEOUT(rig.access->role(), AccessControl::Role::Manager, 5000);
}

void tst_PinDialog::managerOnlyActionWaitsForThePin()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    QVERIFY(rig.setPin());
    QWidget parent;
    parent.show();
    int granted = 0;
    PinDialog::requireManager(*rig.access, AccessControl::Action::Refund, &parent, [&granted] { ++granted; });
    auto *dialog = parent.findChild<PinDialog *>(QStringLiteral("pinDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(granted, 0);
    // Cancel: nothing happens.
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QTRY_VERIFY(!parent.findChild<PinDialog *>(QStringLiteral("pinDialog")));
    QCOMPARE(granted, 0);
    // A wrong PIN: still nothing.
    PinDialog::requireManager(*rig.access, AccessControl::Action::Refund, &parent, [&granted] { ++granted; });
    dialog = parent.findChild<PinDialog *>(QStringLiteral("pinDialog"));
    QVERIFY(dialog);
    enter(*dialog, QStringLiteral("9999"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 5000);
    QCOMPARE(granted, 0);
    // The right PIN: the action runs once.
    enter(*dialog, kRigPin);
    QTRY_COMPARE_WITH_TIMEOUT(granted, 1, 5000);
    // A manager is not asked again.
    PinDialog::requireManager(*rig.access, AccessControl::Action::Export, &parent, [&granted] { ++granted; });
    QCOMPARE(granted, 2);
}

void tst_PinDialog::noPinSetSaysSo()
{
    BackOfficeRig rig;
    QVERIFY2(rig.ready(), qPrintable(rig.openError));
    PinDialog dialog(*rig.access, QString());
    dialog.show();
    enter(dialog, QStringLiteral("1234"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 5000);
    QVERIFY2(dialog.errorText().contains(QStringLiteral("No manager PIN")), qPrintable(dialog.errorText()));
}

QTEST_MAIN(tst_PinDialog)
#include "tst_PinDialog.moc"
