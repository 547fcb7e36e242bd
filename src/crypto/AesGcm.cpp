#include "crypto/AesGcm.h"

#include "crypto/OpenSslError.h"
#include "crypto/SecureRandom.h"

#include <openssl/evp.h>

#include <memory>

namespace {

constexpr char kVersion = 1;
constexpr int kNonceLength = 12;
constexpr int kTagLength = 16;

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

} // namespace

Result<QByteArray> AesGcm::seal(const QByteArray &key, const QByteArray &plaintext,
                                const QByteArray &associatedData)
{
    if (key.size() != kKeyLength)
        return Error::make("aes_bad_key", QStringLiteral("An AES-256 key has %1 bytes, not %2.").arg(kKeyLength).arg(key.size()));
    const QByteArray nonce = SecureRandom::bytes(kNonceLength);
    if (nonce.size() != kNonceLength)
        return Error::make("aes_no_randomness", QStringLiteral("The random generator failed; nothing was encrypted."));

    OpenSslError::clear();
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    QByteArray out;
    out.reserve(1 + kNonceLength + plaintext.size() + kTagLength);
    out.append(kVersion).append(nonce);
    QByteArray cipher(plaintext.size(), Qt::Uninitialized);
    QByteArray tag(kTagLength, Qt::Uninitialized);
    int length = 0;
    int finalLength = 0;
    const bool done = ctx
            && EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key), bytes(nonce), nullptr) == 1
            && (associatedData.isEmpty()
                || EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(associatedData), int(associatedData.size())) == 1)
            && EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()), &length,
                                 bytes(plaintext), int(plaintext.size())) == 1
            && EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()) + length, &finalLength) == 1
            && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagLength, tag.data()) == 1;
    if (!done)
        return Error::make("aes_encrypt_failed", OpenSslError::take(QStringLiteral("AES-GCM encryption failed")));
    cipher.truncate(length + finalLength);
    return out.append(cipher).append(tag);
}

Result<QByteArray> AesGcm::open(const QByteArray &key, const QByteArray &sealed,
                                const QByteArray &associatedData)
{
    if (key.size() != kKeyLength)
        return Error::make("aes_bad_key", QStringLiteral("An AES-256 key has %1 bytes, not %2.").arg(kKeyLength).arg(key.size()));
    if (sealed.size() < 1 + kNonceLength + kTagLength || sealed.at(0) != kVersion)
        return Error::make("aes_malformed", QStringLiteral("The encrypted data is truncated or of an unknown format."));

    const QByteArray nonce = sealed.mid(1, kNonceLength);
    const QByteArray cipher = sealed.mid(1 + kNonceLength, sealed.size() - 1 - kNonceLength - kTagLength);
    QByteArray tag = sealed.right(kTagLength);

    OpenSslError::clear();
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    QByteArray plain(cipher.size(), Qt::Uninitialized);
    int length = 0;
    int finalLength = 0;
    const bool ready = ctx
            && EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key), bytes(nonce), nullptr) == 1
            && (associatedData.isEmpty()
                || EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(associatedData), int(associatedData.size())) == 1)
            && EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &length,
                                 bytes(cipher), int(cipher.size())) == 1
            && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagLength, tag.data()) == 1;
    if (!ready)
        return Error::make("aes_decrypt_failed", OpenSslError::take(QStringLiteral("AES-GCM decryption failed")));
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + length, &finalLength) != 1) {
        OpenSslError::clear();
        return Error::make("aes_auth_failed", QStringLiteral("The encrypted data was altered or sealed under another key."));
    }
    plain.truncate(length + finalLength);
    return plain;
}
