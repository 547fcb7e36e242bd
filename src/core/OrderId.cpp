#include "core/OrderId.h"

#include <QRandomGenerator>

#include <array>

namespace {

constexpr char16_t kAlphabet[] = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr int kAlphabetSize = 36;

bool isAsciiAlphanumeric(QChar ch)
{
    return (ch >= u'0' && ch <= u'9') || (ch >= u'A' && ch <= u'Z') || (ch >= u'a' && ch <= u'z');
}

} // namespace

std::optional<Error> OrderId::checkPrefix(QStringView prefix)
{
    if (prefix.isEmpty())
        return Error::make("empty_prefix", QStringLiteral("The terminal prefix is empty."));
    if (prefix.size() > kMaxPrefixLength) {
        return Error::make("prefix_too_long",
                           QStringLiteral("The terminal prefix has more than %1 characters.")
                                   .arg(kMaxPrefixLength));
    }
    for (QChar ch : prefix) {
        if (!isAsciiAlphanumeric(ch)) {
            return Error::make("invalid_character",
                               QStringLiteral("The terminal prefix may hold only letters A-Z and "
                                              "digits; '%1' is not allowed.")
                                       .arg(ch));
        }
    }
    return std::nullopt;
}

Result<OrderId> OrderId::generate(QStringView terminalPrefix)
{
    if (std::optional<Error> error = checkPrefix(terminalPrefix))
        return *error;
    QString id = terminalPrefix.toString().toUpper();
    id.reserve(kMaxLength);
    // One read of the OS's cryptographic source per id. Each 32-bit draw is mapped onto the
    // alphabet by multiply-and-shift; the bias is below 2^-26, far under any attacker's reach.
    std::array<quint32, kMaxLength> draws;
    QRandomGenerator::system()->fillRange(draws.data(), qsizetype(draws.size()));
    for (qsizetype i = 0; id.size() < kMaxLength; ++i)
        id += QChar(kAlphabet[(quint64(draws[size_t(i)]) * kAlphabetSize) >> 32]);
    return OrderId(id);
}

Result<OrderId> OrderId::fromString(QStringView text)
{
    if (text.isEmpty())
        return Error::make("empty", QStringLiteral("The order id is empty."));
    if (text.size() > kMaxLength) {
        return Error::make("too_long",
                           QStringLiteral("The order id has %1 characters; at most %2 are allowed.")
                                   .arg(text.size())
                                   .arg(kMaxLength));
    }
    for (QChar ch : text) {
        if (!isAsciiAlphanumeric(ch)) {
            return Error::make("invalid_character",
                               QStringLiteral("An order id holds only letters and digits; '%1' is "
                                              "not allowed.")
                                       .arg(ch));
        }
    }
    return OrderId(text.toString());
}
