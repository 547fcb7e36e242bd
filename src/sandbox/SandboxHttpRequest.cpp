#include "sandbox/SandboxHttpRequest.h"

#include <QJsonDocument>
#include <QJsonParseError>

QByteArray SandboxHttpRequest::header(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (name.compare(entry.first, Qt::CaseInsensitive) == 0)
            return entry.second;
    }
    return {};
}

bool SandboxHttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (name.compare(entry.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray SandboxHttpRequest::mediaType() const
{
    QByteArray type = header("content-type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

QHash<QString, QString> SandboxHttpRequest::formFields() const
{
    QHash<QString, QString> fields;
    const QList<QByteArray> pairs = body.split('&');
    for (QByteArray pair : pairs) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const qsizetype equals = pair.indexOf('=');
        const QByteArray rawName = equals >= 0 ? pair.left(equals) : pair;
        const QByteArray rawValue = equals >= 0 ? pair.mid(equals + 1) : QByteArray();
        const QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(rawName));
        if (!fields.contains(name))
            fields.insert(name, QString::fromUtf8(QByteArray::fromPercentEncoding(rawValue)));
    }
    return fields;
}

std::optional<QJsonObject> SandboxHttpRequest::jsonObject() const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QStringList SandboxHttpRequest::pathSegments() const
{
    return path.split(u'/', Qt::SkipEmptyParts);
}
