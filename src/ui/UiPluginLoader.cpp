#include "ui/UiPluginLoader.h"

#include "ui/GatewayBrowser.h"
#include "ui/ReceiptPrintBackend.h"
#include "ui/SaleFeedbackBackend.h"
#include "ui/UiLogging.h"

#include <QCoreApplication>
#include <QtGui/qtguiglobal.h>
#if QT_CONFIG(opengl)
#include <QOpenGLContext>
#endif
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QPluginLoader>

#if QT_CONFIG(opengl)
QT_BEGIN_NAMESPACE
// Exported by Qt Gui but declared in a private header; Qt WebEngine and Qt's own tests set the
// global share context through it.
Q_GUI_EXPORT void qt_gl_set_global_share_context(QOpenGLContext *context);
QT_END_NAMESPACE
#endif

namespace {

// Qt WebEngine renders through OpenGL contexts shared with a global one. Qt creates that context
// at start-up when Qt::AA_ShareOpenGLContexts is set before the application object, and that
// costs every start an OpenGL context for a browser most sales never open: under X11 with Mesa,
// 47 to 54 ms and 58 MiB (a bare QApplication under Xvfb: 8 ms and 22 MiB without the attribute,
// 55 to 62 ms and 81 MiB with it). So it is done here instead, the first time the browser plugin
// is loaded and before Qt WebEngine's libraries are: the same steps as Qt's start-up (the
// context is installed even when it cannot be created, as there; Qt WebEngine then draws in
// software), and the same as Qt WebEngine's own late initialisation, which sets the attribute
// too (Qt prints once that it should have been set before the application object). Nothing
// in the app uses OpenGL before the browser, so no earlier context misses the sharing.
// tst_PaymentView checks that the page loads and is drawn, offscreen and under Xvfb.
void prepareOpenGlSharing()
{
#if QT_CONFIG(opengl)
    if (QOpenGLContext::globalShareContext())
        return;
    auto *context = new QOpenGLContext(qApp);
    context->setFormat(QSurfaceFormat::defaultFormat());
    if (!context->create())
        qCInfo(lcUi) << "no OpenGL for the embedded browser: it draws in software";
    qt_gl_set_global_share_context(context);
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
#endif
}

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
    // WebEngine loaded after the application object needs shared OpenGL contexts, which can
    // only be switched on before it is created; without them it crashes on first use.
    // Without a global share context Qt WebEngine 6.4 crashes on first use.
    prepareOpenGlSharing();
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
