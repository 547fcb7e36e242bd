#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class GatewayBrowserFactory;
class ReceiptPrintBackend;
class SaleFeedbackBackend;

// Loads the optional, heavy parts of the cashier's window from plugins on first use: the
// embedded browser (Qt WebEngine), the sound/speech feedback (Qt Multimedia, Qt
// TextToSpeech) and receipt printing (Qt PrintSupport). Keeping them out of the executable's
// link line keeps start-up fast and idle memory low; a missing plugin degrades the feature
// (the QR still works) with a message where the feature was, never the sale.
//
// Where plugins are looked for, first match wins:
//   1. $COUNTERPAY_PLUGIN_PATH (a list of folders, for tests and unusual layouts);
//   2. <executable dir>/<the installed relative path> (Linux packages: ../lib/.../counterpay/plugins);
//   3. <executable dir>/plugins (Windows installs and the build tree);
//   4. <executable dir>/../PlugIns (macOS bundles).
class UiPluginLoader
{
public:
    // Nullptr with `error` set if the plugin is missing or does not load. Loaded once per process.
    // The browser needs Qt::AA_ShareOpenGLContexts set before the application object.
    static GatewayBrowserFactory *browserFactory(QString *error = nullptr);
    static SaleFeedbackBackend *feedbackBackend(QString *error = nullptr);
    static ReceiptPrintBackend *printBackend(QString *error = nullptr);

    static QStringList searchPaths();
    // The plugin's root object (QPluginLoader::instance()).
    static QObject *load(const QString &baseName, QString *error);
};
