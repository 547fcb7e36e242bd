#pragma once

#include <QString>
#include <QtGlobal>

// A log a store can send: every message of every logging category (and qWarning & co.) goes,
// redacted by LogRedactor::redactLine, to a rotating file under the app-data folder as well as
// to Qt's usual output (stderr). The file is size-capped: when it passes maxBytes it becomes
// "<name>.1", the older ones move up, and the oldest beyond `generations` is deleted. It is
// created owner-only (ACLs on Windows). One per process; install() again replaces it.
class LogFile
{
public:
    struct Options
    {
        QString path;                  // e.g. defaultPath(QStringLiteral("counterpay"))
        qint64 maxBytes = 1024 * 1024; // a generation's size before it rotates
        int generations = 3;           // rotated files kept beside the live one
        // The least severe message the file keeps (debug < info < warning < critical < fatal);
        // stderr still gets what the logging rules let through.
        QtMsgType fileMinimum = QtInfoMsg;
    };

    // <AppDataLocation>/logs/<name>.log (the folder of the ledger; QApplication's names set).
    static QString defaultPath(const QString &name);

    // Opens (appends to) the file and installs the message handler. On failure nothing is
    // installed and `error` says why in one line; messages keep going to stderr alone.
    static bool install(const Options &options, QString *error = nullptr);
    // Restores the handler that was there before, and closes the file.
    static void uninstall();
    // The file in use, empty when none is installed.
    static QString currentPath();

    // debug 0, info 1, warning 2, critical 3, fatal 4 (QtMsgType's own values are not in order).
    static int severity(QtMsgType type);

    // "2026-12-04T18:55:01.123+05:30 warning counterpay.gateway.http: <message, redacted>"
    static QString formatLine(QtMsgType type, const char *category, const QString &message);
};
