#include "crypto/Pbkdf2.h"

#include "crypto/OpenSslError.h"

#include <openssl/evp.h>

Result<QByteArray> Pbkdf2::hmacSha256(
    const QByteArray &password, const QByteArray &salt, int iterations, int length)
{
    if (iterations < 1) {
        return Error::make("pbkdf2_bad_iterations",
            QStringLiteral("PBKDF2 needs at least 1 iteration; got %1.").arg(iterations));
    }
    if (length < 1 || length > kMaxLength) {
        return Error::make("pbkdf2_bad_length",
            QStringLiteral("A PBKDF2 key must be 1 to %1 bytes; %2 was asked for.")
                .arg(kMaxLength)
                .arg(length));
    }
    OpenSslError::clear();
    QByteArray out(length, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.constData(), static_cast<int>(password.size()),
            reinterpret_cast<const unsigned char *>(salt.constData()),
            static_cast<int>(salt.size()), iterations, EVP_sha256(), length,
            reinterpret_cast<unsigned char *>(out.data()))
        != 1) {
        return Error::make(
            "pbkdf2_failed", OpenSslError::take(QStringLiteral("PBKDF2-HMAC-SHA256 failed")));
    }
    return out;
}
