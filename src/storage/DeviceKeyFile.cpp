#include "storage/DeviceKeyFile.h"

#include "crypto/SecureRandom.h"
#include "storage/PhoneVault.h"
#include "storage/StorageLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

Result<QByteArray> DeviceKeyFile::loadOrCreate(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile())
            return Error::make("not_a_file", QStringLiteral("The device key '%1' is not a file.").arg(path));
#ifndef Q_OS_WIN
        const QFile::Permissions open = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
                | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        if (info.permissions() & open) {
            return Error::make("key_file_too_open",
                               QStringLiteral("The device key '%1' can be read by other users; run "
                                              "'chmod 600 %1' and start again.")
                                       .arg(path));
        }
#endif
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::make("unreadable", QStringLiteral("Cannot read the device key '%1': %2").arg(path, file.errorString()));
        const QByteArray key = file.readAll();
        if (key.size() != PhoneVault::kKeyLength) {
            return Error::make("bad_key",
                               QStringLiteral("The device key '%1' is damaged (%2 bytes, expected %3). "
                                              "Restore it from a backup; without it stored phone "
                                              "numbers cannot be read.")
                                       .arg(path)
                                       .arg(key.size())
                                       .arg(PhoneVault::kKeyLength));
        }
        return key;
    }

    if (!QDir().mkpath(info.absolutePath()))
        return Error::make("unwritable", QStringLiteral("Cannot create the folder for the device key '%1'.").arg(path));
    QFile::setPermissions(info.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray key = SecureRandom::bytes(PhoneVault::kKeyLength);
    if (key.size() != PhoneVault::kKeyLength)
        return Error::make("no_randomness", QStringLiteral("The system's random generator failed; no device key was made."));
    // Written to a private temporary file, then renamed into place without replacing: if
    // another process made a key first, its key wins and this one is thrown away, so two
    // processes never seal phones under different keys.
    QTemporaryFile temporary(info.absolutePath() + QStringLiteral("/.device-key-XXXXXX"));
    temporary.setAutoRemove(true);
    if (!temporary.open())
        return Error::make("unwritable", QStringLiteral("Cannot create the device key '%1': %2").arg(path, temporary.errorString()));
    temporary.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (temporary.write(key) != key.size() || !temporary.flush())
        return Error::make("unwritable", QStringLiteral("Cannot write the device key '%1': %2").arg(path, temporary.errorString()));
    temporary.close();
    if (!QFile::rename(temporary.fileName(), path)) {
        if (QFileInfo::exists(path))
            return loadOrCreate(path); // another process won the race; use its key
        return Error::make("unwritable", QStringLiteral("Cannot put the device key in place at '%1'.").arg(path));
    }
    temporary.setAutoRemove(false);
    qCInfo(lcStorage) << "created a new device key file";
    return key;
}
