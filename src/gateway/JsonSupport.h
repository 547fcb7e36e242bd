#pragma once

#include "gateway/GatewayResult.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// Small helpers the response parsers share. Pure functions.
namespace JsonSupport {

// A Malformed error: the answer is not the JSON the provider documents.
GatewayError malformed(const QString &message);
// The body as a JSON object, or a Malformed error naming `what`. A body in which one object
// carries the same key twice is Malformed too: QJsonDocument keeps one of the values silently,
// and an answer saying "status" twice (or "order_id", "amount" ...) proves neither.
GatewayResult<QJsonObject> parseObject(const QByteArray &body, const QString &what);
// The first key that occurs twice in one object of `json` (compared after unescaping), or
// nullopt. One linear pass over the bytes; meant for text QJsonDocument already accepted.
std::optional<QString> duplicateKey(const QByteArray &json);
// A string member, or a number member rendered as an integer string; empty otherwise.
QString string(const QJsonObject &object, QLatin1String key);
// A provider-supplied text made safe to keep in an error message or a log: control
// characters dropped, long digit runs masked, cut to maxChars.
QString cleanText(const QString &text, int maxChars = 300);
// Parses an http(s) URL from a provider; invalid QUrl if it is not one.
QUrl httpUrl(const QString &text);

} // namespace JsonSupport
