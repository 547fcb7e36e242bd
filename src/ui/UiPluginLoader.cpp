#include "ui/UiPluginLoader.h"

#include "ui/GatewayBrowser.h"
#include "ui/ReceiptPrintBackend.h"
#include "ui/SaleFeedbackBackend.h"
#include "ui/UiLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QPluginLoader>

namespace {

// What CMake names a MODULE library: name.dll on Windows, libname.so elsewhere (macOS too).
QString moduleFileName(const QString &baseName)
{
#if defined(Q_OS_WIN)
    return baseName + QStringLiteral(".dll");
#else
    return QStringLiteral("lib") + baseName + QStringLiteral(".so");
#endif
}

} // namespace

QStringList UiPluginLoader::searchPaths()
{
    QStringList paths;
    const QString fromEnv = qEnvironmentVariable("COUNTERPAY_PLUGIN_PATH");
    for (const QString &path : fromEnv.split(QDir::listSeparator(), Qt::SkipEmptyParts))
        paths << path;
    const QString appDir = QCoreApplication::applicationDirPath();
    paths << QDir::cleanPath(appDir + u'/' + QStringLiteral(COUNTERPAY_PLUGIN_RELATIVE_DIR));
    paths << QDir::cleanPath(appDir + QStringLiteral("/plugins"));
    paths << QDir::cleanPath(appDir + QStringLiteral("/../PlugIns"));
    paths.removeDuplicates();
    return paths;
}

QObject *UiPluginLoader::load(const QString &baseName, QString *error)
{
    static QHash<QString, QObject *> loaded;
    if (QObject *instance = loaded.value(baseName))
        return instance;
    const QString fileName = moduleFileName(baseName);
    QString lastError = QCoreApplication::translate("UiPluginLoader", "%1 is not installed.").arg(fileName);
    for (const QString &dir : searchPaths()) {
        const QString path = QDir(dir).filePath(fileName);
        if (!QFileInfo::exists(path))
            continue;
        QPluginLoader loader(path);
        if (QObject *instance = loader.instance()) {
            qCInfo(lcUi) << "loaded plugin" << path;
            loaded.insert(baseName, instance);
            return instance;
        }
        lastError = loader.errorString();
        qCWarning(lcUi) << "could not load plugin" << path << ':' << lastError;
    }
    if (error)
        *error = lastError;
    return nullptr;
}

GatewayBrowserFactory *UiPluginLoader::browserFactory(QString *error)
{
    // Qt WebEngine renders through OpenGL contexts shared with a global one, which Qt creates
    // with the application object only when Qt::AA_ShareOpenGLContexts was set before it
    // (counterpay's main() does); without it Qt WebEngine 6.4 crashes on first use. So the
    // browser is refused instead, and the payment view keeps its QR and says why.
    if (!QCoreApplication::testAttribute(Qt::AA_ShareOpenGLContexts)) {
        if (error)
            *error = QCoreApplication::translate("UiPluginLoader",
                                                 "The embedded browser needs OpenGL sharing, switched on at start.");
        return nullptr;
    }
    QObject *instance = load(QStringLiteral("counterpay_webengine"), error);
    auto *factory = qobject_cast<GatewayBrowserFactory *>(instance);
    if (instance && !factory && error)
        *error = QCoreApplication::translate("UiPluginLoader", "The browser plugin is from another version.");
    return factory;
}

SaleFeedbackBackend *UiPluginLoader::feedbackBackend(QString *error)
{
    QObject *instance = load(QStringLiteral("counterpay_feedback"), error);
    auto *backend = qobject_cast<SaleFeedbackBackend *>(instance);
    if (instance && !backend && error)
        *error = QCoreApplication::translate("UiPluginLoader", "The sound plugin is from another version.");
    return backend;
}

ReceiptPrintBackend *UiPluginLoader::printBackend(QString *error)
{
    QObject *instance = load(QStringLiteral("counterpay_print"), error);
    auto *backend = qobject_cast<ReceiptPrintBackend *>(instance);
    if (instance && !backend && error)
        *error = QCoreApplication::translate("UiPluginLoader", "The print plugin is from another version.");
    return backend;
}
