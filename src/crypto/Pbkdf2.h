#pragma once

#include "core/Result.h"

#include <QByteArray>

// PBKDF2 (RFC 8018) with HMAC-SHA256 as the PRF.
class Pbkdf2
{
public:
    // Error codes: pbkdf2_bad_iterations (< 1), pbkdf2_bad_length (not 1..kMaxLength),
    // pbkdf2_failed.
    static Result<QByteArray> hmacSha256(
        const QByteArray &password, const QByteArray &salt, int iterations, int length);

    static constexpr int kMaxLength = 1024;
};
