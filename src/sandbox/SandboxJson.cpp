#include "sandbox/SandboxJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

namespace {

const QString kMarker = QStringLiteral("\u0001counterpay-raw-number:");

void flattenInto(QHash<QString, QString> &fields, const QString &prefix, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        // Keep the whole object as text too ("sdk_pg_params" sent as a JSON object).
        if (!prefix.isEmpty())
            fields.insert(
                prefix, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
        for (auto it = object.begin(); it != object.end(); ++it)
            flattenInto(fields, prefix.isEmpty() ? it.key() : prefix + u'.' + it.key(), it.value());
        break;
    }
    case QJsonValue::Array:
        fields.insert(prefix,
            QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)));
        break;
    case QJsonValue::Bool:
        fields.insert(prefix, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        break;
    case QJsonValue::Double:
        fields.insert(
            prefix, QString::number(value.toDouble(), 'f', QLocale::FloatingPointShortest));
        break;
    case QJsonValue::String:
        fields.insert(prefix, value.toString());
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
}

} // namespace

QJsonValue SandboxJson::rawNumber(const QString &decimalText)
{
    return QString(kMarker + decimalText);
}

QByteArray SandboxJson::serialize(const QJsonObject &object)
{
    QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    // The marker's control character is written as the escape \u0001.
    static const QRegularExpression marker(
        QStringLiteral("\"\\\\u0001counterpay-raw-number:(-?[0-9]+(?:\\.[0-9]+)?)\""));
    return QString::fromUtf8(text).replace(marker, QStringLiteral("\\1")).toUtf8();
}

QHash<QString, QString> SandboxJson::flatten(const QJsonObject &object)
{
    QHash<QString, QString> fields;
    flattenInto(fields, QString(), object);
    return fields;
}
