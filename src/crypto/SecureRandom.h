#pragma once

#include <QByteArray>

// Cryptographically secure random bytes from OpenSSL's DRBG (RAND_bytes).
class SecureRandom
{
public:
    // count bytes; empty for count <= 0. If the generator fails (it should not: it is seeded
    // from the OS) this logs a critical message and returns an EMPTY array rather than weak
    // bytes, so callers that need exactly count bytes must check size().
    static QByteArray bytes(int count);
};
