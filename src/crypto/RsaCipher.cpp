#include "crypto/RsaCipher.h"

#include "crypto/OpenSslError.h"
#include "crypto/OpenSslPointers.h"

#include <openssl/core_names.h>
#include <openssl/rsa.h>

namespace {

constexpr int kPkcs1Overhead = 11;

Error nullKey()
{
    return Error::make("rsa_null_key", QStringLiteral("No RSA key was given."));
}

OpenSsl::PkeyCtxPtr pkcs1Context(EVP_PKEY *key, bool decrypt)
{
    OpenSsl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!ctx)
        return {};
    const int init = decrypt ? EVP_PKEY_decrypt_init(ctx.get()) : EVP_PKEY_encrypt_init(ctx.get());
    if (init != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1)
        return {};
#ifdef OSSL_ASYM_CIPHER_PARAM_IMPLICIT_REJECTION
    // OpenSSL 3.2+ answers a bad PKCS#1 v1.5 padding with random bytes (Marvin defence) unless
    // told otherwise. Only the offline sandbox decrypts (it plays Juspay), and it must report a
    // corrupted phone number as such, so ask for an explicit error as OpenSSL 3.0 gives.
    if (decrypt) {
        unsigned int implicit = 0;
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_uint(OSSL_ASYM_CIPHER_PARAM_IMPLICIT_REJECTION, &implicit),
            OSSL_PARAM_construct_end(),
        };
        if (EVP_PKEY_CTX_set_params(ctx.get(), params) != 1)
            return {};
    }
#endif
    return ctx;
}

} // namespace

int RsaCipher::maxPlaintextLength(const RsaKey &key)
{
    return key.isNull() ? 0 : key.sizeInBytes() - kPkcs1Overhead;
}

Result<QByteArray> RsaCipher::encryptPkcs1v15(const RsaKey &publicKey, const QByteArray &plain)
{
    if (publicKey.isNull())
        return nullKey();
    const int limit = maxPlaintextLength(publicKey);
    if (plain.size() > limit) {
        return Error::make("rsa_plaintext_too_long",
            QStringLiteral("RSA PKCS#1 v1.5 with a %1-bit key encrypts at most %2 "
                           "bytes; got %3.")
                .arg(publicKey.bits())
                .arg(limit)
                .arg(plain.size()));
    }
    OpenSslError::clear();
    const OpenSsl::PkeyCtxPtr ctx = pkcs1Context(publicKey.nativeHandle(), false);
    if (!ctx) {
        return Error::make("rsa_encrypt_failed",
            OpenSslError::take(QStringLiteral("Could not set up RSA encryption")));
    }
    const auto *in = reinterpret_cast<const unsigned char *>(plain.constData());
    const auto inLength = static_cast<size_t>(plain.size());
    size_t outLength = 0;
    if (EVP_PKEY_encrypt(ctx.get(), nullptr, &outLength, in, inLength) != 1) {
        return Error::make(
            "rsa_encrypt_failed", OpenSslError::take(QStringLiteral("RSA encryption failed")));
    }
    QByteArray out(static_cast<qsizetype>(outLength), Qt::Uninitialized);
    if (EVP_PKEY_encrypt(
            ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLength, in, inLength)
        != 1) {
        return Error::make(
            "rsa_encrypt_failed", OpenSslError::take(QStringLiteral("RSA encryption failed")));
    }
    out.truncate(static_cast<qsizetype>(outLength));
    return out;
}

Result<QByteArray> RsaCipher::decryptPkcs1v15(const RsaKey &privateKey, const QByteArray &cipher)
{
    if (privateKey.isNull())
        return nullKey();
    if (!privateKey.hasPrivateKey()) {
        return Error::make("rsa_no_private_key",
            QStringLiteral("Decryption needs the private key; this is a public key."));
    }
    if (cipher.size() != privateKey.sizeInBytes()) {
        return Error::make("rsa_bad_ciphertext",
            QStringLiteral("An RSA ciphertext for a %1-bit key is %2 bytes; got %3.")
                .arg(privateKey.bits())
                .arg(privateKey.sizeInBytes())
                .arg(cipher.size()));
    }
    OpenSslError::clear();
    const OpenSsl::PkeyCtxPtr ctx = pkcs1Context(privateKey.nativeHandle(), true);
    if (!ctx) {
        return Error::make("rsa_decrypt_failed",
            OpenSslError::take(QStringLiteral("Could not set up RSA decryption")));
    }
    const auto *in = reinterpret_cast<const unsigned char *>(cipher.constData());
    const auto inLength = static_cast<size_t>(cipher.size());
    size_t outLength = 0;
    if (EVP_PKEY_decrypt(ctx.get(), nullptr, &outLength, in, inLength) != 1) {
        return Error::make(
            "rsa_decrypt_failed", OpenSslError::take(QStringLiteral("RSA decryption failed")));
    }
    QByteArray out(static_cast<qsizetype>(outLength), Qt::Uninitialized);
    if (EVP_PKEY_decrypt(
            ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLength, in, inLength)
        != 1) {
        OpenSslError::clear(); // the reason ("padding check failed") is all we would say
        return Error::make("rsa_decrypt_failed",
            QStringLiteral("RSA decryption failed: the ciphertext is corrupted or "
                           "was made for another key."));
    }
    out.truncate(static_cast<qsizetype>(outLength));
    return out;
}
