#include "OpenSslCli.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

QString OpenSslCli::program()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

OpenSslCli::Run OpenSslCli::run(
    const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    Run result;
    QProcess process;
    process.start(program(), arguments);
    if (!process.waitForStarted(timeoutMs))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

QString OpenSslCli::writeFile(const QString &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir + u'/' + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

QByteArray OpenSslCli::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
