#pragma once

#include "core/Result.h"

#include <QByteArray>

// AES-256-GCM authenticated encryption, for data at rest (the ledger's phone numbers).
// seal() output: a version byte (1), a 12-byte random nonce, the ciphertext and the 16-byte
// tag. open() refuses anything altered, truncated, or sealed under another key or
// associated data.
class AesGcm
{
public:
    static constexpr int kKeyLength = 32;

    static Result<QByteArray> seal(const QByteArray &key, const QByteArray &plaintext,
                                   const QByteArray &associatedData = {});
    static Result<QByteArray> open(const QByteArray &key, const QByteArray &sealed,
                                   const QByteArray &associatedData = {});
};
