#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Runs the `openssl` command-line tool for interoperability checks in the crypto tests.
class OpenSslCli
{
public:
    struct Run
    {
        bool finished = false; // started and exited normally within the timeout
        int exitCode = -1;
        QByteArray standardOutput;
        QByteArray standardError;
    };

    // Full path of `openssl`, or empty if it is not on PATH.
    static QString program();
    static Run run(
        const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 30000);
    // Convenience for tests: writes data to dir/name and returns the path (empty on failure).
    static QString writeFile(const QString &dir, const QString &name, const QByteArray &data);
    static QByteArray readFile(const QString &path);
};
