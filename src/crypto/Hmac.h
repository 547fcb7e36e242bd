#pragma once

#include <QByteArray>

// HMAC-SHA256 (RFC 2104 / FIPS 198-1) through OpenSSL's EVP_MAC.
class Hmac
{
public:
    // The 32-byte MAC; any key length, including empty. Compare MACs with ConstantTime::equal.
    static QByteArray sha256(const QByteArray &key, const QByteArray &data);
};
