#include "gateway/JsonSupport.h"

#include "gateway/LogRedactor.h"

#include <QJsonDocument>
#include <QUrl>

namespace JsonSupport {

GatewayResult<QJsonObject> parseObject(const QByteArray &body, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return GatewayResult<QJsonObject>::failure(
                GatewayError::Kind::Malformed,
                QStringLiteral("The %1 is not valid JSON (%2 at offset %3).")
                        .arg(what, error.errorString())
                        .arg(error.offset));
    }
    if (!doc.isObject()) {
        return GatewayResult<QJsonObject>::failure(
                GatewayError::Kind::Malformed,
                QStringLiteral("The %1 is JSON but not an object.").arg(what));
    }
    return doc.object();
}

QString string(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const qint64 asInt = value.toInteger(-1);
        if (asInt == value.toInteger(-2))
            return QString::number(asInt);
    }
    return {};
}

QString cleanText(const QString &text, int maxChars)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), maxChars));
    for (QChar ch : text) {
        if (out.size() >= maxChars)
            break;
        out += ch.isPrint() ? ch : QChar(u' ');
    }
    return LogRedactor::maskLongDigitRuns(out.trimmed());
}

QUrl httpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return {};
    return url;
}

} // namespace JsonSupport
