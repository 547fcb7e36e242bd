#include "app/log/LogFile.h"

#include "gateway/LogRedactor.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

namespace {

struct State
{
    QMutex mutex;
    LogFile::Options options;
    std::unique_ptr<QFile> file;
    QtMessageHandler previous = nullptr;
};

State &state()
{
    static State s;
    return s;
}

// A message logged while a message is being written (by Qt's file code) must not recurse.
thread_local bool tWriting = false;

const char *typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "message";
}

std::unique_ptr<QFile> openLog(const QString &path, QString *error)
{
    auto file = std::make_unique<QFile>(path);
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text, ownerOnly)) {
        if (error)
            *error = QStringLiteral("cannot write the log file %1: %2").arg(QDir::toNativeSeparators(path), file->errorString());
        return nullptr;
    }
    return file;
}

QString generation(const QString &path, int n)
{
    return path + u'.' + QString::number(n);
}

// Called with the mutex held, after a write took the file past its cap.
void rotate(State &s)
{
    const QString path = s.options.path;
    s.file.reset();
    QFile::remove(generation(path, s.options.generations));
    for (int n = s.options.generations - 1; n >= 1; --n) {
        if (QFile::exists(generation(path, n)))
            QFile::rename(generation(path, n), generation(path, n + 1));
    }
    if (s.options.generations >= 1)
        QFile::rename(path, generation(path, 1));
    else
        QFile::remove(path);
    s.file = openLog(path, nullptr);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    State &s = state();
    const QString redacted = LogRedactor::redactLine(message);
    QtMessageHandler previous = nullptr;
    if (!tWriting) {
        tWriting = true;
        QMutexLocker lock(&s.mutex);
        previous = s.previous;
        if (s.file && LogFile::severity(type) >= LogFile::severity(s.options.fileMinimum)) {
            s.file->write(LogFile::formatLine(type, context.category, redacted).toUtf8());
            s.file->flush(); // a crash or a power cut loses at most the line being written
            if (s.file->size() >= s.options.maxBytes)
                rotate(s);
        }
        lock.unlock();
        tWriting = false;
    } else {
        previous = s.previous; // Qt's own message while writing: stderr only
    }
    if (previous)
        previous(type, context, redacted);
    else
        fprintf(stderr, "%s\n", qPrintable(redacted));
}

} // namespace

QString LogFile::defaultPath(const QString &name)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(QStringLiteral("logs/%1.log").arg(name));
}

bool LogFile::install(const Options &options, QString *error)
{
    if (options.path.isEmpty() || options.maxBytes < 1024 || options.generations < 0) {
        if (error)
            *error = QStringLiteral("a log file needs a path, at least 1 KiB per generation and 0 or more generations");
        return false;
    }
    const QFileInfo info(options.path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the log folder %1").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    std::unique_ptr<QFile> file = openLog(options.path, error);
    if (!file)
        return false;
    State &s = state();
    QtMessageHandler previous = nullptr;
    {
        QMutexLocker lock(&s.mutex);
        s.options = options;
        s.file = std::move(file);
        previous = s.previous;
    }
    QtMessageHandler replaced = qInstallMessageHandler(handler);
    QMutexLocker lock(&s.mutex);
    s.previous = replaced == handler ? previous : replaced;
    return true;
}

void LogFile::uninstall()
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (!s.file && !s.previous)
        return;
    qInstallMessageHandler(s.previous);
    s.previous = nullptr;
    s.file.reset();
}

QString LogFile::currentPath()
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    return s.file ? s.options.path : QString();
}

int LogFile::severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 2;
}

QString LogFile::formatLine(QtMsgType type, const char *category, const QString &message)
{
    // Local time with its offset: the store says "it failed at 3 pm".
    const QDateTime now = QDateTime::currentDateTime();
    QString line = now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODateWithMs) + u' '
            + QLatin1String(typeName(type)) + u' ' + QLatin1String(category ? category : "default")
            + QLatin1String(": ") + message;
    line.replace(u'\n', QLatin1String("\n    ")); // a multi-line message stays one entry
    return line + u'\n';
}
