#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

// Encrypts customers' phone numbers for the ledger with AES-256-GCM under the device key, so
// a copied database file does not leak them. Only the last 4 digits are stored in the clear,
// for search. The device key comes from the OS keychain in the GUI, or from a 0600 key file
// (DeviceKeyFile) for headless use.
class PhoneVault
{
public:
    static constexpr int kKeyLength = 32;

    static Result<PhoneVault> fromKey(const QByteArray &key);

    Result<QByteArray> seal(const QString &e164) const;
    Result<QString> open(const QByteArray &sealed) const;

private:
    explicit PhoneVault(QByteArray key) : m_key(std::move(key)) { }
    QByteArray m_key;
};
