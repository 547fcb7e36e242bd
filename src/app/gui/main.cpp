// counterpay: the cashier's window, with the ledger, gateways, checkout engine, demo sandbox and
// back office behind it (Till). The optional parts (embedded browser, sound and speech,
// printing) are plugins loaded on first use (UiPluginLoader).
#include "BackOfficeLauncher.h"
#include "ScreenshotDriver.h"
#include "Till.h"
#include "app/common/AppServices.h"
#include "app/log/LogFile.h"
#include "backoffice/PollSettings.h"
#include "backoffice/Settings.h"
#include "ui/CashierWindow.h"
#include "ui/CustomerDisplay.h"
#include "sandbox/SandboxServer.h"
#include "ui/SaleForm.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QScreen>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcGui, "counterpay.gui")

namespace {

QTranslator *g_appTranslator = nullptr;
QTranslator *g_qtTranslator = nullptr;

// Qt's own words on standard buttons and the wizard, under Qt's contexts, so that our .ts
// carries their Hindi (Qt ships no qtbase_hi). Never read here: Qt looks them up itself
// through the application-wide translator, and lupdate finds them in this list.
[[maybe_unused]] constexpr const char *kQtStandardTexts[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),      QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),   QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),    QT_TRANSLATE_NOOP("QWizard", "< &Back"),
    QT_TRANSLATE_NOOP("QWizard", "&Next >"),        QT_TRANSLATE_NOOP("QWizard", "&Finish"),
    QT_TRANSLATE_NOOP("QWizard", "Cancel"),         QT_TRANSLATE_NOOP("QWizard", "&Help"),
};

// Installs (or removes, for English) the translations; widgets retranslate on LanguageChange.
void installLanguage(const QString &language)
{
    for (QTranslator **slot : { &g_appTranslator, &g_qtTranslator }) {
        if (*slot) {
            QCoreApplication::removeTranslator(*slot);
            delete *slot;
            *slot = nullptr;
        }
    }
    if (language == QLatin1String("en"))
        return;
    g_appTranslator = new QTranslator(qApp);
    if (g_appTranslator->load(QStringLiteral(":/i18n/counterpay_%1.qm").arg(language)))
        QCoreApplication::installTranslator(g_appTranslator);
    g_qtTranslator = new QTranslator(qApp);
    if (g_qtTranslator->load(QStringLiteral("qtbase_%1").arg(language),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(g_qtTranslator);
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// The shared libraries mapped into the process (Linux; empty elsewhere), for the start-up
// trace: tst_StartupFootprint reads it to check what the first frame costs.
QStringList loadedLibraries()
{
    QStringList names;
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return names;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const int slash = line.lastIndexOf('/');
        if (slash < 0 || !line.contains(".so"))
            continue;
        const QString name = QString::fromLocal8Bit(line.mid(slash + 1));
        if (!names.contains(name))
            names << name;
    }
    return names;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // COUNTERPAY_STARTUP_TRACE=1 prints how long each start-up phase took (for bench/startup).
    const bool trace = qEnvironmentVariableIsSet("COUNTERPAY_STARTUP_TRACE");
    const auto mark = [&sinceMain, trace](const char *phase) {
        if (trace)
            QTextStream(stderr) << "startup " << sinceMain.elapsed() << " ms " << phase << Qt::endl;
    };
    // Qt WebEngine (the embedded browser plugin) renders through OpenGL contexts shared with a
    // global one, which Qt creates with the application object when this is set.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CounterPay"));
    QApplication::setOrganizationName(QStringLiteral("CounterPay"));
    QApplication::setApplicationVersion(QStringLiteral(COUNTERPAY_VERSION));
    // Matches the installed desktop entry, so Wayland and docks show CounterPay's name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.counterpay.CounterPay"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CounterPay cashier terminal"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Use the built-in sandbox (no money moves)."));
    const QCommandLineOption customer(QStringLiteral("customer-display"), QStringLiteral("Open the customer's window."));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Gateway profile (INI)."), QStringLiteral("FILE"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Ledger file."), QStringLiteral("FILE"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en or hi."), QStringLiteral("CODE"));
    const QCommandLineOption pollScale(QStringLiteral("poll-scale"), QStringLiteral("Scale the polling policy (demo)."),
                                       QStringLiteral("FACTOR"));
    const QCommandLineOption screenshots(QStringLiteral("screenshot-dir"),
                                         QStringLiteral("Drive a demo sale, save screenshots there and quit."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption benchReady(QStringLiteral("bench-ready"),
                                        QStringLiteral("Print 'ready <ms> <rss KiB>' at the first frame and 'pay <ms> <rss KiB>' once Pay works, then quit."));
    parser.addOptions({ demo, customer, config, db, language, pollScale, screenshots, benchReady });
    parser.process(app);
    // From here on every message (and the start-up failures below) also goes, redacted, to the
    // log file a store can send: <app data>/logs/counterpay.log.
    LogFile::Options logOptions;
    logOptions.path = LogFile::defaultPath(QStringLiteral("counterpay"));
    QString logError;
    if (!LogFile::install(logOptions, &logError))
        qCWarning(lcGui).noquote() << "counterpay:" << logError;
    mark("application");

    // One typed settings wrapper for non-secrets; keys written by older versions are renamed
    // first (secrets live only in the OS keychain).
    Settings settings;
    for (const QString &moved : settings.migrate())
        qCInfo(lcGui).noquote() << "counterpay: settings:" << moved;
    const QString configPath = parser.isSet(config) ? parser.value(config) : settings.string(Settings::Key::ConfigPath);
    const QString lang = parser.isSet(language) ? parser.value(language) : settings.string(Settings::Key::Language);
    installLanguage(lang);

    AppOptions options;
    // Demo is the default until a gateway profile is configured (first-run wizard or --config).
    options.demo = parser.isSet(demo) || configPath.isEmpty()
                   || (!parser.isSet(config) && settings.string(Settings::Key::Environment) == QLatin1String("demo"));
    options.terminal = settings.string(Settings::Key::Terminal);
    options.configPath = configPath;
    options.dbPath = parser.value(db);
    options.saleCeilingMinor = settings.value(Settings::Key::SaleCeilingMinor).toLongLong(); // the form's limit too
    options.upiQrLifetimeMinutes = settings.integer(Settings::Key::QrLifetimeMinutes); // sent to Juspay, the countdown
    // The back office's polling settings; --poll-scale (demo, screenshots) speeds them up.
    QString pollRefused;
    options.pollPolicy = PollSettings::policy(settings, &pollRefused);
    if (!pollRefused.isEmpty())
        qCWarning(lcGui).noquote() << "counterpay: settings:" << pollRefused;
    if (parser.isSet(pollScale))
        options.pollPolicy = options.pollPolicy->scaled(qBound(0.001, parser.value(pollScale).toDouble(), 1.0));
    mark("settings, language");

    CashierConfig cashier;
    cashier.locale = QLocale(lang == QLatin1String("hi") ? QLocale::Hindi : QLocale::English, QLocale::India);
    cashier.demo = options.demo;
    cashier.language = lang;
    cashier.merchantName = settings.string(Settings::Key::MerchantName);
    cashier.cashier = settings.string(Settings::Key::Cashier);
    cashier.sound = settings.flag(Settings::Key::Sound);
    cashier.speech = SaleFeedback::speechModeFromSetting(settings.string(Settings::Key::Speech));
    cashier.receiptPrinter = [&settings] { return settings.string(Settings::Key::PrinterName); };
    cashier.saleCeilingMinor = settings.integer(Settings::Key::SaleCeilingMinor);
    cashier.confirmAboveMinor = settings.integer(Settings::Key::ConfirmAboveMinor);
    cashier.receiptHeader = [&settings] {
        return ReceiptHeader { settings.string(Settings::Key::MerchantName), settings.string(Settings::Key::MerchantAddress),
                               settings.string(Settings::Key::Gstin), settings.string(Settings::Key::TimeZone) };
    };
    CashierWindow window(cashier);
    mark("window");
    QObject::connect(&window, &CashierWindow::languageRequested, &window, [&settings](const QString &code) {
        settings.setValue(Settings::Key::Language, code);
        installLanguage(code);
    });

    std::unique_ptr<CustomerDisplay> display;
    const QList<QScreen *> screens = QGuiApplication::screens();
    // The back office's "Customer display" setting: auto = when a second screen exists.
    const QString customerSetting = settings.string(Settings::Key::CustomerDisplay);
    if (parser.isSet(customer)
        || (customerSetting != QLatin1String("off") && (customerSetting == QLatin1String("on") || screens.size() > 1))) {
        display = std::make_unique<CustomerDisplay>(cashier.merchantName);
        if (screens.size() > 1) {
            display->setGeometry(screens.at(1)->availableGeometry());
            display->showFullScreen();
        } else {
            display->show();
        }
        window.setCustomerDisplay(display.get());
    }

    // The window comes first, then what stands behind it (Till): in demo mode at once, outside
    // it once the OS keychain has answered. Pay works from `opened` on.
    Till till(settings, cashier.locale, window);
    int exitCode = 0;
    QObject::connect(&till, &Till::failed, &window, [&](const QString &message) {
        qCCritical(lcGui).noquote() << "counterpay:" << message;
        const QString log = LogFile::currentPath();
        if (!parser.isSet(benchReady))
            QMessageBox::critical(&window, QStringLiteral("CounterPay"),
                                  log.isEmpty() ? message
                                                : QObject::tr("%1\n\nThe log for support: %2").arg(message, QDir::toNativeSeparators(log)));
        exitCode = 1;
        QCoreApplication::exit(1);
    });
    std::unique_ptr<ScreenshotDriver> driver;
    QObject::connect(&till, &Till::opened, &window, [&] {
        mark("services, engine attached, orders resumed");
        BackOfficeLauncher &backOffice = till.backOffice();
        QObject::connect(&backOffice, &BackOfficeLauncher::restartNeeded, &window, [&window](const QString &why) {
            QMessageBox::information(&window, QStringLiteral("CounterPay"), why);
        });
        QObject::connect(&window, &CashierWindow::backOfficeRequested, &backOffice, &BackOfficeLauncher::open);
        QObject::connect(&window, &CashierWindow::setupRequested, &backOffice, &BackOfficeLauncher::openSetup);
        // F3's "same customer" is kept in memory only, and never past a lock.
        QObject::connect(&backOffice, &BackOfficeLauncher::locked, &window,
                         [&window] { window.saleForm()->forgetLastCustomer(); });
        // The demo is ready at once: set-up is the DEMO banner's button, never a dialog over
        // the cashier's screen. Only a till meant for real payments that was never set up
        // (a profile without a manager set-up) opens the wizard by itself.
        if (!options.demo && !parser.isSet(screenshots) && !parser.isSet(benchReady))
            backOffice.runFirstStartIfNeeded();
        if (parser.isSet(screenshots)) {
            SandboxServer *sandbox = till.services().sandbox();
            if (!sandbox) {
                QTextStream(stderr) << "counterpay: --screenshot-dir needs demo mode (--demo)" << Qt::endl;
                exitCode = 2;
                QCoreApplication::exit(2);
                return;
            }
            driver = std::make_unique<ScreenshotDriver>(window, display.get(), *sandbox, parser.value(screenshots));
            driver->start();
        }
    });
    if (parser.isSet(benchReady)) {
        // Two figures: the first frame painted (the window takes keys), and Pay enabled (the
        // first frame is up and the engine is attached), each with the resident memory then.
        static bool painted = false;
        static bool reported = false;
        const auto payEnabled = [&sinceMain, &till, trace] {
            if (!painted || !till.isOpen() || reported)
                return;
            reported = true;
            QTextStream(stdout) << "pay " << sinceMain.elapsed() << ' ' << residentKiB() << Qt::endl;
            if (trace)
                QTextStream(stderr) << "startup libraries at pay: " << loadedLibraries().join(u' ') << Qt::endl;
            QCoreApplication::quit();
        };
        QObject::connect(&window, &CashierWindow::ready, &window, [&sinceMain, trace, payEnabled] {
            painted = true;
            QTextStream(stdout) << "ready " << sinceMain.elapsed() << ' ' << residentKiB() << Qt::endl;
            if (trace)
                QTextStream(stderr) << "startup libraries at ready: " << loadedLibraries().join(u' ') << Qt::endl;
            payEnabled();
        });
        QObject::connect(&till, &Till::opened, &window, payEnabled, Qt::QueuedConnection);
    }
    // The icon loads Qt's SVG plugin: after the first frame.
    QObject::connect(&window, &CashierWindow::ready, &window,
                     [] { QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/counterpay.svg"))); });
    window.show();
    mark("show");
    // Inside the event loop, so that a failure's exit() ends it.
    QTimer::singleShot(0, &till, [&till, &options] { till.open(options); });

    const int code = app.exec();
    driver.reset();
    window.setCustomerDisplay(nullptr);
    LogFile::uninstall();
    return exitCode ? exitCode : code;
}
