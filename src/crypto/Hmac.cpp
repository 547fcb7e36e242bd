#include "crypto/Hmac.h"

#include "crypto/CryptoLogging.h"
#include "crypto/OpenSslError.h"
#include "crypto/OpenSslPointers.h"

#include <openssl/core_names.h>

QByteArray Hmac::sha256(const QByteArray &key, const QByteArray &data)
{
    // HMAC pads the key with zero bytes to the block size, so an empty key is the same as one
    // zero byte; passing that avoids relying on how a provider treats a zero-length key.
    const QByteArray effectiveKey = key.isEmpty() ? QByteArray(1, '\0') : key;

    OpenSslError::clear();
    const OpenSsl::MacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    const OpenSsl::MacCtxPtr ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
    char digestName[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t outLength = 0;
    if (!ctx
        || EVP_MAC_init(ctx.get(),
               reinterpret_cast<const unsigned char *>(effectiveKey.constData()),
               static_cast<size_t>(effectiveKey.size()), params)
            != 1
        || EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(data.constData()),
               static_cast<size_t>(data.size()))
            != 1
        || EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLength,
               static_cast<size_t>(out.size()))
            != 1) {
        qCCritical(lcCrypto).noquote() << OpenSslError::take(QStringLiteral("HMAC-SHA256 failed"));
        return {};
    }
    out.truncate(static_cast<qsizetype>(outLength));
    return out;
}
