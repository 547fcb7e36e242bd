#include "core/PhoneNumber.h"

namespace {

const QString kBullets = QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022");

} // namespace

QString PhoneNumber::maskForLog(QStringView raw)
{
    QString digits;
    for (QChar ch : raw) {
        if (ch.isDigit())
            digits += ch;
    }
    if (digits.size() <= 4)
        return kBullets;
    return kBullets + digits.right(4);
}

QString PhoneNumber::masked() const
{
    return kBullets + lastFour();
}
