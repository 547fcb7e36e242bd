#include "gateway/AnswerIdentity.h"

#include "gateway/JsonSupport.h"

std::optional<GatewayError> AnswerIdentity::compare(const QLoggingCategory &(*category)(), const QString &what,
                                                    QLatin1String field, const QString &expected,
                                                    const QString &got)
{
    if (got == expected)
        return std::nullopt;
    const GatewayError error = GatewayError::make(
            GatewayError::Kind::IdentityMismatch,
            QStringLiteral("The %1 names %2 '%3', not '%4': it proves nothing about this order.")
                    .arg(what, QString(field), JsonSupport::cleanText(got, 64), expected));
    qCWarning(category).noquote() << "identity mismatch:" << error.message;
    return error;
}
