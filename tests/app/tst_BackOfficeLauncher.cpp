#include "BackOfficeLauncher.h"

#include "app/common/AppServices.h"
#include "backoffice/AccessControl.h"
#include "backoffice/MemorySecretStore.h"
#include "backoffice/Settings.h"
#include "ui/backoffice/BackOfficeWindow.h"
#include "ui/backoffice/FirstRunWizard.h"

#include <QApplication>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

// The manager's side as the app wires it: F10 opens one back-office window (created once), and
// the first-run wizard appears only while set-up has not been finished.
class tst_BackOfficeLauncher final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openShowsOneBackOfficeWindow();
    void wizardOnlyOnAFirstStart();
    void demoFirstStartHasNoWizardAndSetupOpensIt();
    void lockingTheBackOfficeIsAnnounced();

private:
    template<typename T>
    static QList<T *> visible()
    {
        QList<T *> found;
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *typed = qobject_cast<T *>(widget); typed && typed->isVisible())
                found << typed;
        }
        return found;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<QWidget> m_window;
};

void tst_BackOfficeLauncher::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_BackOfficeLauncher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    AppOptions options;
    options.demo = true;
    options.dbPath = m_dir->filePath(QStringLiteral("ledger.sqlite"));
    auto services = AppServices::create(options);
    QVERIFY2(services.ok(), qPrintable(services.errorMessage()));
    m_services = std::move(services).value();
    m_settings = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    m_window = std::make_unique<QWidget>();
    m_window->resize(1024, 600);
    m_window->show();
}

void tst_BackOfficeLauncher::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_services.reset();
    m_dir.reset();
}

void tst_BackOfficeLauncher::openShowsOneBackOfficeWindow()
{
    BackOfficeLauncher launcher(*m_services, *m_settings, QLocale(QLocale::English, QLocale::India), m_window.get());
    QVERIFY(visible<BackOfficeWindow>().isEmpty()); // nothing is built before it is asked for
    launcher.open();
    QTRY_COMPARE(visible<BackOfficeWindow>().size(), 1);
    BackOfficeWindow *first = visible<BackOfficeWindow>().first();
    // Beside the cashier's window, not exactly over it.
    QVERIFY(first->geometry() != m_window->geometry());
    launcher.open(); // F10 again: the same window comes forward
    QCOMPARE(visible<BackOfficeWindow>().size(), 1);
    QCOMPARE(visible<BackOfficeWindow>().first(), first);
    QCOMPARE(launcher.access().role(), AccessControl::Role::Cashier);
}

void tst_BackOfficeLauncher::wizardOnlyOnAFirstStart()
{
    QVERIFY(m_settings->setValue(Settings::Key::Environment, QStringLiteral("sandbox")).ok());
    {
        BackOfficeLauncher launcher(*m_services, *m_settings, QLocale(QLocale::English, QLocale::India),
                                    m_window.get());
        launcher.runFirstStartIfNeeded();
        QTRY_COMPARE(m_window->findChildren<FirstRunWizard *>().size(), 1);
        launcher.runFirstStartIfNeeded(); // never two wizards
        QCOMPARE(m_window->findChildren<FirstRunWizard *>().size(), 1);
    }
    QCOMPARE(m_window->findChildren<FirstRunWizard *>().size(), 0); // gone with the launcher

    QVERIFY(m_settings->setValue(Settings::Key::FirstRunDone, true).ok());
    BackOfficeLauncher launcher(*m_services, *m_settings, QLocale(QLocale::English, QLocale::India), m_window.get());
    launcher.runFirstStartIfNeeded();
    QTest::qWait(50); // asserts an absence: no wizard may open from a queued call once set up
    QCOMPARE(m_window->findChildren<FirstRunWizard *>().size(), 0);
}

void tst_BackOfficeLauncher::demoFirstStartHasNoWizardAndSetupOpensIt()
{
    QCOMPARE(m_settings->string(Settings::Key::Environment), QStringLiteral("demo")); // a fresh install
    auto *amount = new QLineEdit(m_window.get());
    amount->show();
    m_window->activateWindow();
    amount->setFocus();
    BackOfficeLauncher launcher(*m_services, *m_settings, QLocale(QLocale::English, QLocale::India), m_window.get());
    launcher.runFirstStartIfNeeded();
    // Asserts that something did NOT happen: the wizard is opened synchronously when it opens
    // at all (see wizardOnlyOnAFirstStart), so one pass of the event loop is enough to know.
    QCoreApplication::processEvents();
    QCOMPARE(m_window->findChildren<FirstRunWizard *>().size(), 0);
    QTest::keyClicks(amount, QStringLiteral("149.50"));
    QCOMPARE(amount->text(), QStringLiteral("149.50")); // the keys went to the sale, not a PIN field

    // The banner's "Set up for real payments": no PIN yet, so the wizard.
    launcher.openSetup();
    QTRY_COMPARE(m_window->findChildren<FirstRunWizard *>().size(), 1);
}

// The app forgets F3's "same customer" when the back office locks (main.cpp wires
// whenLocked to SaleForm::forgetLastCustomer): the launcher says so on Lock, not on unlock.
void tst_BackOfficeLauncher::lockingTheBackOfficeIsAnnounced()
{
    BackOfficeLauncher launcher(*m_services, *m_settings, QLocale(QLocale::English, QLocale::India), m_window.get(),
                                std::make_unique<MemorySecretStore>());
    QSignalSpy locked(&launcher, &BackOfficeLauncher::locked);
    bool done = false;
    launcher.access().setPin(QStringLiteral("2580"), [&done](const VoidResult &stored) { done = stored.ok(); });
    QTRY_VERIFY(done);
    done = false;
    launcher.access().unlock(QStringLiteral("2580"), [&done](const VoidResult &unlocked) { done = unlocked.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
    QCOMPARE(launcher.access().role(), AccessControl::Role::Manager);
    QCOMPARE(locked.count(), 0);
    launcher.access().lock();
    QCOMPARE(locked.count(), 1);
    launcher.access().lock(); // already locked: nothing more
    QCOMPARE(locked.count(), 1);
}

QTEST_MAIN(tst_BackOfficeLauncher)
#include "tst_BackOfficeLauncher.moc"
