#include "storage/PhoneVault.h"

#include "crypto/AesGcm.h"

namespace {

// Binds each ciphertext to its purpose: a sealed phone cannot be replayed as anything else.
const QByteArray kAssociatedData = QByteArrayLiteral("counterpay.ledger.phone.v1");

} // namespace

Result<PhoneVault> PhoneVault::fromKey(const QByteArray &key)
{
    if (key.size() != kKeyLength) {
        return Error { QStringLiteral("bad_key"),
                       QStringLiteral("The device key must be %1 bytes; it is %2.")
                               .arg(kKeyLength)
                               .arg(key.size()) };
    }
    return PhoneVault(key);
}

Result<QByteArray> PhoneVault::seal(const QString &e164) const
{
    return AesGcm::seal(m_key, e164.toUtf8(), kAssociatedData);
}

Result<QString> PhoneVault::open(const QByteArray &sealed) const
{
    const Result<QByteArray> plain = AesGcm::open(m_key, sealed, kAssociatedData);
    if (!plain)
        return plain.error();
    return QString::fromUtf8(plain.value());
}
