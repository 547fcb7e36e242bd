#include "backoffice/ManagerPin.h"

#include "crypto/ConstantTime.h"
#include "crypto/Pbkdf2.h"
#include "crypto/SecureRandom.h"

#include <QStringList>

static_assert(ManagerPin::kDefaultIterations >= ManagerPin::kMinimumProductionIterations,
              "the production PIN cost must not drop below the floor");

namespace {

const QLatin1String kScheme("pbkdf2-sha256");

struct Parsed
{
    int iterations = -1;
    QByteArray salt;
    QByteArray key;
};

std::optional<Parsed> parse(const QString &encoded)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != kScheme)
        return std::nullopt;
    bool numeric = false;
    Parsed parsed;
    parsed.iterations = parts.at(1).toInt(&numeric);
    if (!numeric || parsed.iterations < 1 || parsed.iterations > ManagerPin::kMaximumIterations)
        return std::nullopt;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto key = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !key || salt.decoded.size() != ManagerPin::kSaltBytes || key.decoded.size() != ManagerPin::kKeyBytes)
        return std::nullopt;
    parsed.salt = salt.decoded;
    parsed.key = key.decoded;
    return parsed;
}

} // namespace

QByteArray ManagerPin::normalized(const QString &pin)
{
    QByteArray ascii;
    ascii.reserve(pin.size());
    for (const QChar c : pin) {
        const int digit = c.digitValue();
        if (c.category() != QChar::Number_DecimalDigit || digit < 0 || digit > 9)
            return {};
        ascii.append(char('0' + digit));
    }
    return ascii;
}

VoidResult ManagerPin::validate(const QString &pin)
{
    if (pin.size() < kMinimumLength) {
        return Error { QStringLiteral("pin_too_short"),
                       QStringLiteral("The PIN needs at least %1 digits.").arg(kMinimumLength) };
    }
    if (pin.size() > kMaximumLength) {
        return Error { QStringLiteral("pin_too_long"),
                       QStringLiteral("The PIN has at most %1 digits.").arg(kMaximumLength) };
    }
    if (normalized(pin).size() != pin.size())
        return Error { QStringLiteral("pin_not_digits"), QStringLiteral("The PIN is digits only.") };
    return ok();
}

Result<QString> ManagerPin::hash(const QString &pin, int iterations)
{
    if (VoidResult valid = validate(pin); !valid)
        return valid.error();
    if (iterations < 1 || iterations > kMaximumIterations) {
        return Result<QString>::failure(QStringLiteral("pin_bad_iterations"),
                                        QStringLiteral("%1 PBKDF2 iterations is out of range.").arg(iterations));
    }
    const QByteArray salt = SecureRandom::bytes(kSaltBytes);
    if (salt.size() != kSaltBytes) {
        return Result<QString>::failure(QStringLiteral("pin_random_failed"),
                                        QStringLiteral("No random salt could be made for the PIN."));
    }
    const Result<QByteArray> key = Pbkdf2::hmacSha256(normalized(pin), salt, iterations, kKeyBytes);
    if (!key)
        return key.error();
    return QStringList { kScheme, QString::number(iterations), QString::fromLatin1(salt.toBase64()),
                         QString::fromLatin1(key.value().toBase64()) }
            .join(QLatin1Char('$'));
}

bool ManagerPin::verify(const QString &pin, const QString &encoded)
{
    const std::optional<Parsed> parsed = parse(encoded);
    const QByteArray password = normalized(pin);
    if (!parsed || password.isEmpty())
        return false;
    const Result<QByteArray> key = Pbkdf2::hmacSha256(password, parsed->salt, parsed->iterations, kKeyBytes);
    return key.ok() && ConstantTime::equal(key.value(), parsed->key);
}

int ManagerPin::iterationsOf(const QString &encoded)
{
    const std::optional<Parsed> parsed = parse(encoded);
    return parsed ? parsed->iterations : -1;
}
