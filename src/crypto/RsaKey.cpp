#include "crypto/RsaKey.h"

#include "crypto/OpenSslError.h"
#include "crypto/OpenSslPointers.h"

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <utility>

namespace {

constexpr int kMinBits = 1024;
constexpr int kMaxBits = 16384;

// Refuses to prompt for (or guess) a passphrase: an encrypted PEM simply fails to decode.
int refusePassphrase(char *, size_t, size_t *, const OSSL_PARAM[], void *)
{
    return 0;
}

bool keyHasPrivateExponent(EVP_PKEY *key)
{
    BIGNUM *d = nullptr;
    if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_D, &d) != 1) {
        OpenSslError::clear();
        return false;
    }
    const OpenSsl::BignumPtr owned(d);
    return !BN_is_zero(owned.get());
}

} // namespace

RsaKey::RsaKey(EVP_PKEY *adopted, bool hasPrivate)
    : m_key(adopted)
    , m_hasPrivate(hasPrivate)
{ }

RsaKey::RsaKey(const RsaKey &other)
    : m_key(other.m_key)
    , m_hasPrivate(other.m_hasPrivate)
{
    if (m_key)
        EVP_PKEY_up_ref(m_key);
}

RsaKey::RsaKey(RsaKey &&other) noexcept
    : m_key(std::exchange(other.m_key, nullptr))
    , m_hasPrivate(std::exchange(other.m_hasPrivate, false))
{ }

RsaKey &RsaKey::operator=(const RsaKey &other)
{
    if (this != &other) {
        RsaKey copy(other);
        *this = std::move(copy);
    }
    return *this;
}

RsaKey &RsaKey::operator=(RsaKey &&other) noexcept
{
    if (this != &other) {
        EVP_PKEY_free(m_key);
        m_key = std::exchange(other.m_key, nullptr);
        m_hasPrivate = std::exchange(other.m_hasPrivate, false);
    }
    return *this;
}

RsaKey::~RsaKey()
{
    EVP_PKEY_free(m_key);
}

Result<RsaKey> RsaKey::generate(int bits)
{
    if (bits < kMinBits || bits > kMaxBits) {
        return Error::make("rsa_bad_key_size",
            QStringLiteral("An RSA key must have %1 to %2 bits, not %3.")
                .arg(kMinBits)
                .arg(kMaxBits)
                .arg(bits));
    }
    OpenSslError::clear();
    const OpenSsl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1
        || EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits) != 1
        || EVP_PKEY_generate(ctx.get(), &raw) != 1) {
        EVP_PKEY_free(raw);
        return Error::make("rsa_generate_failed",
            OpenSslError::take(QStringLiteral("Could not generate an RSA key")));
    }
    return RsaKey(raw, true);
}

namespace {

// Decodes an unencrypted PEM key (SPKI, PKCS#1 or PKCS#8); `keyType` narrows the decoders
// tried (nullptr: any). Nullptr on failure, with OpenSSL's error queue filled.
EVP_PKEY *decodePem(const QByteArray &pem, const char *keyType)
{
    EVP_PKEY *raw = nullptr;
    OSSL_DECODER_CTX *dctx = OSSL_DECODER_CTX_new_for_pkey(&raw, "PEM", nullptr, keyType, 0, nullptr, nullptr);
    if (!dctx)
        return nullptr;
    OSSL_DECODER_CTX_set_passphrase_cb(dctx, refusePassphrase, nullptr);
    const auto *data = reinterpret_cast<const unsigned char *>(pem.constData());
    size_t length = static_cast<size_t>(pem.size());
    const int decoded = OSSL_DECODER_from_data(dctx, &data, &length);
    OSSL_DECODER_CTX_free(dctx);
    if (decoded != 1) {
        EVP_PKEY_free(raw);
        return nullptr;
    }
    return raw;
}

} // namespace

Result<RsaKey> RsaKey::fromPem(const QByteArray &pem)
{
    if (pem.trimmed().isEmpty())
        return Error::make("rsa_bad_pem", QStringLiteral("The RSA key PEM is empty."));

    OpenSslError::clear();
    // Asking for an RSA key first lets OpenSSL try only the RSA decoders, which is several times
    // faster than trying every key type (it shows at start-up, where keys are read). Anything
    // else goes through the open decoder so a non-RSA key gets its own, clearer message.
    EVP_PKEY *raw = decodePem(pem, "RSA");
    if (!raw) {
        OpenSslError::clear();
        raw = decodePem(pem, nullptr);
    }
    OpenSsl::PkeyPtr key(raw);
    if (!key) {
        return Error::make("rsa_bad_pem",
            OpenSslError::take(
                QStringLiteral("The text is not an unencrypted PEM public or private key")));
    }
    OpenSslError::clear();
    if (!EVP_PKEY_is_a(key.get(), "RSA")) {
        return Error::make("rsa_not_rsa",
            QStringLiteral("The PEM holds a %1 key, not an RSA key.")
                .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()))));
    }
    const int bits = EVP_PKEY_get_bits(key.get());
    if (bits < kMinBits) {
        return Error::make("rsa_key_too_small",
            QStringLiteral("The RSA key has %1 bits; at least %2 are required.")
                .arg(bits)
                .arg(kMinBits));
    }
    const bool hasPrivate = keyHasPrivateExponent(key.get());
    return RsaKey(key.release(), hasPrivate);
}

int RsaKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key) : 0;
}

int RsaKey::sizeInBytes() const
{
    return m_key ? EVP_PKEY_get_size(m_key) : 0;
}

QByteArray RsaKey::publicKeyPem() const
{
    if (!m_key)
        return {};
    const OpenSsl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_key) != 1) {
        OpenSslError::clear();
        return {};
    }
    return OpenSsl::readAll(bio.get());
}

QByteArray RsaKey::privateKeyPem() const
{
    if (!m_key || !m_hasPrivate)
        return {};
    const OpenSsl::BioPtr bio(BIO_new(BIO_s_mem()));
    // PEM_write_bio_PrivateKey writes PKCS#8 ("PRIVATE KEY") in OpenSSL 3.
    if (!bio
        || PEM_write_bio_PrivateKey(bio.get(), m_key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        OpenSslError::clear();
        return {};
    }
    return OpenSsl::readAll(bio.get());
}
