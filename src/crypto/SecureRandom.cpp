#include "crypto/SecureRandom.h"

#include "crypto/CryptoLogging.h"
#include "crypto/OpenSslError.h"

#include <openssl/rand.h>

QByteArray SecureRandom::bytes(int count)
{
    if (count <= 0)
        return {};
    OpenSslError::clear();
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1) {
        qCCritical(lcCrypto).noquote()
            << OpenSslError::take(QStringLiteral("The secure random generator failed"));
        return {};
    }
    return out;
}
