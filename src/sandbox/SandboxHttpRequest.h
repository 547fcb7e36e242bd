#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

// One parsed HTTP/1.1 request as the sandbox's own server reads it off the socket. Header names
// are stored lower-case; the body is already de-chunked.
struct SandboxHttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: "/orders/abc?x=1"
    QString path; // percent-decoded path without the query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // First value of a header, case-insensitively; empty if absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // Media type without parameters, lower-case: "application/x-www-form-urlencoded".
    QByteArray mediaType() const;
    // application/x-www-form-urlencoded fields; '+' and %20 both mean a space. The first
    // occurrence of a name wins.
    QHash<QString, QString> formFields() const;
    // The body as a JSON object, or nullopt if it is not one.
    std::optional<QJsonObject> jsonObject() const;
    // Path split on '/', empty segments dropped.
    QStringList pathSegments() const;
};
