#pragma once

#include "core/Result.h"

#include <QByteArray>

#include <openssl/types.h>

// An RSA key pair or public key, owning a reference to an OpenSSL 3 EVP_PKEY. Copies share the
// same (immutable) key through EVP_PKEY_up_ref. A default-constructed RsaKey is null.
class RsaKey
{
public:
    RsaKey() = default;
    RsaKey(const RsaKey &other);
    RsaKey(RsaKey &&other) noexcept;
    RsaKey &operator=(const RsaKey &other);
    RsaKey &operator=(RsaKey &&other) noexcept;
    ~RsaKey();

    // A fresh key pair; bits must be 1024..16384 (2048 or more for anything real).
    static Result<RsaKey> generate(int bits = 2048);
    // Public: SPKI "PUBLIC KEY" or PKCS#1 "RSA PUBLIC KEY". Private: PKCS#8 "PRIVATE KEY" or
    // PKCS#1 "RSA PRIVATE KEY". Encrypted PEM and non-RSA keys are refused.
    // Error codes: rsa_bad_pem, rsa_not_rsa, rsa_key_too_small.
    static Result<RsaKey> fromPem(const QByteArray &pem);

    bool isNull() const { return m_key == nullptr; }
    bool hasPrivateKey() const { return m_hasPrivate; }
    int bits() const;
    // Largest PKCS#1 v1.5 ciphertext / signature size in bytes (the modulus size).
    int sizeInBytes() const;

    QByteArray publicKeyPem() const; // SPKI PEM
    QByteArray privateKeyPem() const; // unencrypted PKCS#8 PEM; empty without a private key

    // Borrowed handle for counterpay_crypto's own use; null for a null key.
    EVP_PKEY *nativeHandle() const { return m_key; }

private:
    RsaKey(EVP_PKEY *adopted, bool hasPrivate);

    EVP_PKEY *m_key = nullptr;
    bool m_hasPrivate = false;
};
