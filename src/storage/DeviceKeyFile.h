#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

// The device key for headless use: 32 random bytes in a file only its owner may read (0600).
// A key file that others can read is refused rather than trusted, so a mistake in
// permissions is noticed instead of silently weakening the ledger's encryption.
class DeviceKeyFile
{
public:
    // Reads the key at `path`, or creates it (and its folder, 0700) when absent.
    static Result<QByteArray> loadOrCreate(const QString &path);
};
