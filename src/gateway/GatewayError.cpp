#include "gateway/GatewayError.h"

GatewayError GatewayError::make(Kind kind, QString message, int httpStatus, bool outcomeUnknown)
{
    GatewayError error;
    error.kind = kind;
    error.message = std::move(message);
    error.httpStatus = httpStatus;
    error.outcomeUnknown = outcomeUnknown;
    return error;
}

QString GatewayError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unreachable: return QStringLiteral("unreachable");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::BadRequest: return QStringLiteral("bad_request");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::NotFound: return QStringLiteral("not_found");
    case Kind::RateLimited: return QStringLiteral("rate_limited");
    case Kind::Server: return QStringLiteral("server");
    case Kind::Malformed: return QStringLiteral("malformed");
    case Kind::Truncated: return QStringLiteral("truncated");
    case Kind::Oversized: return QStringLiteral("oversized");
    case Kind::WrongContentType: return QStringLiteral("wrong_content_type");
    case Kind::Unexpected: return QStringLiteral("unexpected");
    case Kind::Unsupported: return QStringLiteral("unsupported");
    case Kind::Config: return QStringLiteral("config");
    case Kind::IdentityMismatch: return QStringLiteral("identity_mismatch");
    case Kind::Refused: return QStringLiteral("refused");
    }
    return QStringLiteral("unexpected");
}

bool GatewayError::isTransport() const
{
    return kind == Kind::Unreachable || kind == Kind::Timeout || kind == Kind::Tls;
}

QString GatewayError::toString() const
{
    QString text = kindName(kind);
    if (httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!providerCode.isEmpty())
        text += QStringLiteral(" [%1]").arg(providerCode);
    text += QStringLiteral(": ") + message;
    if (outcomeUnknown)
        text += QStringLiteral(" (the request may have been applied)");
    return text;
}
