#pragma once

#include "core/Result.h"
#include "crypto/RsaKey.h"

#include <QByteArray>

// RSA PKCS#1 v1.5 encryption ("RSA/ECB/PKCS1Padding"), the scheme Juspay expects for the CRED
// phone number. Interoperable with `openssl pkeyutl -pkeyopt rsa_padding_mode:pkcs1`.
class RsaCipher
{
public:
    // Error codes: rsa_null_key, rsa_plaintext_too_long (more than modulus bytes - 11),
    // rsa_encrypt_failed.
    static Result<QByteArray> encryptPkcs1v15(const RsaKey &publicKey, const QByteArray &plain);
    // Error codes: rsa_null_key, rsa_no_private_key, rsa_bad_ciphertext (wrong length),
    // rsa_decrypt_failed (padding check failed: corrupted data or another key).
    static Result<QByteArray> decryptPkcs1v15(const RsaKey &privateKey, const QByteArray &cipher);

    // Plaintext limit for a key: modulus bytes - 11 (245 for RSA-2048).
    static int maxPlaintextLength(const RsaKey &key);
};
