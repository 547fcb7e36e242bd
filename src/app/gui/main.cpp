// counterpay: the cashier's window. Wires AppServices (ledger, gateways, engine, demo sandbox)
// to the widgets in counterpay_ui; everything else lives in the libraries.
#include "GuiSettings.h"
#include "ScreenshotDriver.h"
#include "app/common/AppServices.h"
#include "checkout/CheckoutEngine.h"
#include "gateway/profile/KeychainSecretSource.h"
#include "sandbox/SandboxServer.h"
#include "ui/CashierWindow.h"
#include "ui/CustomerDisplay.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QScreen>
#include <QTextStream>
#include <QTranslator>

namespace {

QTranslator *g_appTranslator = nullptr;
QTranslator *g_qtTranslator = nullptr;

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

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts); // before QApplication, for WebEngine
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CounterPay"));
    QApplication::setOrganizationName(QStringLiteral("CounterPay"));
    QApplication::setApplicationVersion(QStringLiteral(COUNTERPAY_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/counterpay.svg")));

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
                                        QStringLiteral("Print 'ready <ms> <rss KiB>' once interactive and quit."));
    parser.addOptions({ demo, customer, config, db, language, pollScale, screenshots, benchReady });
    parser.process(app);

    GuiSettings settings;
    const QString configPath = parser.isSet(config) ? parser.value(config)
                                                    : settings.value(GuiSettings::Key::ConfigPath).toString();
    const QString lang = parser.isSet(language) ? parser.value(language)
                                                : settings.value(GuiSettings::Key::Language).toString();
    installLanguage(lang);

    AppOptions options;
    options.demo = parser.isSet(demo) || configPath.isEmpty(); // demo is the default until configured
    options.configPath = configPath;
    options.dbPath = parser.value(db);
    if (parser.isSet(pollScale))
        options.pollPolicy = PollPolicy().scaled(qBound(0.001, parser.value(pollScale).toDouble(), 1.0));
    // Outside demo mode the gateway secrets come from the OS keychain (insecure fallback off),
    // never from the profile file or the settings.
    KeychainSecretSource keychain;
    if (!options.demo) {
        std::optional<VoidResult> loaded;
        QEventLoop wait;
        keychain.load([&loaded, &wait](const VoidResult &result) {
            loaded = result;
            wait.quit();
        });
        if (!loaded)
            wait.exec();
        if (!loaded->ok())
            QTextStream(stderr) << "counterpay: " << loaded->errorMessage() << Qt::endl;
    }
    auto services = AppServices::create(options, options.demo ? nullptr : &keychain);
    if (!services) {
        QTextStream(stderr) << "counterpay: " << services.errorMessage() << Qt::endl;
        if (!parser.isSet(benchReady))
            QMessageBox::critical(nullptr, QStringLiteral("CounterPay"), services.errorMessage());
        return 1;
    }
    AppServices &app_services = *services.value();
    app_services.engine().resumeOpenOrders();

    CashierConfig cashier;
    cashier.providers = app_services.providers();
    cashier.locale = QLocale(lang == QLatin1String("hi") ? QLocale::Hindi : QLocale::English, QLocale::India);
    cashier.demo = options.demo;
    cashier.language = lang;
    cashier.merchantName = settings.value(GuiSettings::Key::MerchantName).toString();
    cashier.sound = settings.value(GuiSettings::Key::Sound).toBool();
    cashier.speech = settings.value(GuiSettings::Key::Speech).toBool();
    cashier.navigation = NavigationFilter(NavigationFilter::defaultGatewayHosts(),
                                          app_services.sandbox() ? app_services.sandbox()->baseUrl() : QUrl());
    CashierWindow window(app_services.engine(), cashier);
    QObject::connect(&window, &CashierWindow::languageRequested, &window, [&settings](const QString &code) {
        settings.setValue(GuiSettings::Key::Language, code);
        installLanguage(code);
    });

    std::unique_ptr<CustomerDisplay> display;
    const QList<QScreen *> screens = QGuiApplication::screens();
    if (parser.isSet(customer) || screens.size() > 1) {
        display = std::make_unique<CustomerDisplay>(cashier.merchantName);
        if (screens.size() > 1) {
            display->setGeometry(screens.at(1)->availableGeometry());
            display->showFullScreen();
        } else {
            display->show();
        }
        window.setCustomerDisplay(display.get());
    }

    if (parser.isSet(benchReady)) {
        QObject::connect(&window, &CashierWindow::ready, &window, [&sinceMain] {
            QTextStream(stdout) << "ready " << sinceMain.elapsed() << ' ' << residentKiB() << Qt::endl;
            QCoreApplication::quit();
        });
    }
    window.show();

    std::unique_ptr<ScreenshotDriver> driver;
    if (parser.isSet(screenshots)) {
        driver = std::make_unique<ScreenshotDriver>(window, display.get(), app_services, parser.value(screenshots));
        driver->start();
    }
    const int code = app.exec();
    driver.reset();
    window.setCustomerDisplay(nullptr);
    return code;
}
