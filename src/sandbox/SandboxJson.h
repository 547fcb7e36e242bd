#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// JSON helpers for the sandbox. Juspay writes amounts as JSON numbers ("amount": 149.5); to do
// that without ever holding an amount in a double, the exact decimal text is put in as a marked
// string and written out as a bare number token.
class SandboxJson
{
public:
    // A placeholder that serialize() writes as the bare number `decimalText` ("149.50").
    static QJsonValue rawNumber(const QString &decimalText);
    static QByteArray serialize(const QJsonObject &object);

    // A flat view of a request's fields: a JSON object is flattened with dots ("order.amount"),
    // numbers keep their written digits (through the shortest round-trip rendering), booleans
    // become "true"/"false", and nested objects that a client sent as a JSON string stay text.
    static QHash<QString, QString> flatten(const QJsonObject &object);
};
