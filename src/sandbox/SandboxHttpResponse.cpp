#include "sandbox/SandboxHttpResponse.h"

#include <QJsonDocument>

SandboxHttpResponse SandboxHttpResponse::json(int status, const QJsonObject &object)
{
    return rawJson(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

SandboxHttpResponse SandboxHttpResponse::json(int status, const QJsonArray &array)
{
    return rawJson(status, QJsonDocument(array).toJson(QJsonDocument::Compact));
}

SandboxHttpResponse SandboxHttpResponse::rawJson(int status, QByteArray jsonText)
{
    SandboxHttpResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
    response.body = std::move(jsonText);
    return response;
}

SandboxHttpResponse SandboxHttpResponse::html(int status, QByteArray html)
{
    SandboxHttpResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    response.body = std::move(html);
    return response;
}

SandboxHttpResponse SandboxHttpResponse::text(int status, QByteArray text)
{
    SandboxHttpResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    response.body = std::move(text);
    return response;
}

SandboxHttpResponse SandboxHttpResponse::redirect(const QByteArray &location)
{
    SandboxHttpResponse response = text(302, QByteArrayLiteral("Found"));
    response.setHeader(QByteArrayLiteral("Location"), location);
    return response;
}

void SandboxHttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0) {
            entry.second = value;
            return;
        }
    }
    headers.append({ name, value });
}

QByteArray SandboxHttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 302:
        return QByteArrayLiteral("Found");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Status");
    }
}

QByteArray SandboxHttpResponse::serialize() const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Server: counterpay-sandbox\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    for (const auto &entry : headers)
        out += entry.first + ": " + entry.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += body;
    return out;
}

QByteArray SandboxHttpResponse::serializeGarbled() const
{
    SandboxHttpResponse copy = *this;
    // Keep the start of the real document so it looks plausible, then break it: an unclosed
    // string and a stray brace make it invalid JSON for every parser.
    copy.body = body.left(body.size() / 2) + QByteArrayLiteral("\"\xe2\x80\x9cgarbled}{,");
    return copy.serialize();
}
