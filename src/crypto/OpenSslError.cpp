#include "crypto/OpenSslError.h"

#include <openssl/err.h>

#include <QStringList>

QString OpenSslError::take(const QString &context)
{
    QStringList reasons;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256] = {};
        ERR_error_string_n(code, buffer, sizeof buffer);
        const QString reason = QString::fromLatin1(buffer);
        if (!reasons.contains(reason))
            reasons.append(reason);
    }
    if (reasons.isEmpty())
        return context;
    return context + QStringLiteral(": ") + reasons.join(QStringLiteral("; "));
}

void OpenSslError::clear()
{
    ERR_clear_error();
}
