#pragma once

#include "core/Result.h"

#include <QString>

// The manager PIN, stored only as a salted PBKDF2-HMAC-SHA256 hash:
//   "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>"
// (16-byte random salt, 32-byte key). The encoded string records its own iteration count, so
// raising the default later still verifies old hashes.
class ManagerPin
{
public:
    // Production cost. Hashing takes ~100 ms on a terminal, which is the point.
    static constexpr int kDefaultIterations = 210'000;
    // The floor the issue asks for; kDefaultIterations must stay at or above it.
    static constexpr int kMinimumProductionIterations = 200'000;
    // verify() refuses hashes claiming more than this (a planted hash must not stall the app).
    static constexpr int kMaximumIterations = 10'000'000;
    static constexpr int kSaltBytes = 16;
    static constexpr int kKeyBytes = 32;
    static constexpr int kMinimumLength = 4;
    static constexpr int kMaximumLength = 8;

    // Hashes a valid PIN. `iterations` other than the default is for tests only (they use a
    // few thousand to stay fast). Errors: the validate() codes, pin_bad_iterations,
    // pin_random_failed, pbkdf2_*.
    static Result<QString> hash(const QString &pin, int iterations = kDefaultIterations);
    // Whether `pin` matches `encoded`; false for a malformed encoding. The hashes are compared
    // in constant time.
    static bool verify(const QString &pin, const QString &encoded);
    // 4 to 8 digits. Devanagari and other Unicode decimal digits count as their ASCII values.
    // Errors: pin_too_short, pin_too_long, pin_not_digits.
    static VoidResult validate(const QString &pin);
    // The iteration count recorded in an encoded hash; -1 when it is not one of ours.
    static int iterationsOf(const QString &encoded);

private:
    static QByteArray normalized(const QString &pin);
};
