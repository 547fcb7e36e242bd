#include "gateway/LogRedactor.h"

#include "core/PhoneNumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {

QJsonValue redactJson(const QJsonValue &value);

QJsonValue redactField(const QString &key, const QJsonValue &value)
{
    if (LogRedactor::isSecretKey(key))
        return QJsonValue(LogRedactor::kRedacted);
    if (LogRedactor::isPhoneKey(key)) {
        if (value.isString() || value.isDouble()) {
            const QString raw = value.isString() ? value.toString()
                                                 : QString::number(value.toInteger());
            return QJsonValue(PhoneNumber::maskForLog(raw));
        }
    }
    if (value.isString()) {
        // JSON inside a string (sdk_pg_params) is redacted as JSON too.
        const QString text = value.toString();
        if (text.startsWith(u'{')) {
            const QJsonDocument inner = QJsonDocument::fromJson(text.toUtf8());
            if (inner.isObject())
                return QJsonValue(QString::fromUtf8(
                        QJsonDocument(redactJson(inner.object()).toObject())
                                .toJson(QJsonDocument::Compact)));
        }
        return QJsonValue(LogRedactor::maskLongDigitRuns(text));
    }
    return redactJson(value);
}

QJsonValue redactJson(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), redactField(it.key(), it.value()));
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray in = value.toArray();
        for (const QJsonValue &v : in)
            out.append(redactJson(v));
        return out;
    }
    if (value.isString())
        return QJsonValue(LogRedactor::maskLongDigitRuns(value.toString()));
    return value;
}

} // namespace

bool LogRedactor::isSecretHeader(const QByteArray &name)
{
    const QByteArray n = name.toLower();
    return n == "authorization" || n == "proxy-authorization" || n == "cookie"
            || n == "set-cookie" || n.contains("api-key") || n.contains("token")
            || n.contains("secret");
}

bool LogRedactor::isSecretKey(QStringView key)
{
    const QString k = key.toString().toLower();
    static const char *const kParts[] = { "token", "secret", "password", "api_key", "apikey",
                                          "assertion", "private_key", "privatekey",
                                          "authorization", "signature", "client_id" };
    for (const char *part : kParts) {
        if (k.contains(QLatin1String(part)))
            return true;
    }
    return false;
}

bool LogRedactor::isPhoneKey(QStringView key)
{
    const QString k = key.toString().toLower();
    return k.contains(QLatin1String("phone")) || k.contains(QLatin1String("mobile"))
            || k.contains(QLatin1String("msisdn"));
}

QString LogRedactor::maskLongDigitRuns(const QString &text)
{
    static const QRegularExpression kDigits(QStringLiteral("\\d{10,}"));
    QString out;
    qsizetype last = 0;
    auto it = kDigits.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += PhoneNumber::maskForLog(m.captured());
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString LogRedactor::redactLine(const QString &line)
{
    static const QRegularExpression kPem(
            QStringLiteral("-----BEGIN [A-Z ]+-----.*?(-----END [A-Z ]+-----|$)"),
            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression kJwt(QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"));
    static const QRegularExpression kCredential(QStringLiteral("\\b(Bearer|Basic)\\s+[^\\s,;\"']+"),
                                                QRegularExpression::CaseInsensitiveOption);
    // key = value, key: value, "key":"value" (the value up to a separator or quote).
    static const QRegularExpression kKeyValue(
            QStringLiteral("([A-Za-z][A-Za-z0-9_.-]*)(\"?\\s*[:=]\\s*\"?)([^\\s&,;\"'}]+)"));
    QString out = line;
    out.replace(kPem, kRedacted);
    out.replace(kJwt, kRedacted);
    out.replace(kCredential, QStringLiteral("\\1 ") + kRedacted);
    QString keyed;
    qsizetype last = 0;
    auto it = kKeyValue.globalMatch(out);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QStringView value = m.capturedView(3);
        if (!isSecretKey(m.capturedView(1)) || value == kRedacted
            || value.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) == 0
            || value.compare(QLatin1String("Basic"), Qt::CaseInsensitive) == 0) // its credential is already out
            continue;
        keyed += QStringView(out).mid(last, m.capturedStart(3) - last);
        keyed += kRedacted;
        last = m.capturedEnd(3);
    }
    keyed += QStringView(out).mid(last);
    return maskLongDigitRuns(keyed);
}

QString LogRedactor::redactBody(const QByteArray &body, int maxChars)
{
    if (body.isEmpty())
        return {};
    QString out;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray())) {
        const QJsonValue redacted = redactJson(doc.isObject() ? QJsonValue(doc.object())
                                                              : QJsonValue(doc.array()));
        out = QString::fromUtf8(redacted.isObject()
                                        ? QJsonDocument(redacted.toObject()).toJson(QJsonDocument::Compact)
                                        : QJsonDocument(redacted.toArray()).toJson(QJsonDocument::Compact));
    } else if (body.contains('=') && !body.contains(' ') && !body.contains('\n')) {
        // A form body: key=value&key=value.
        QStringList parts;
        const QList<QByteArray> pairs = body.split('&');
        for (const QByteArray &pair : pairs) {
            const qsizetype eq = pair.indexOf('=');
            const QString key = QUrl::fromPercentEncoding(pair.left(eq < 0 ? pair.size() : eq));
            QString value = eq < 0 ? QString()
                                   : QUrl::fromPercentEncoding(QByteArray(pair.mid(eq + 1)).replace('+', ' '));
            const QJsonValue redacted = redactField(key, QJsonValue(value));
            parts.append(key + u'=' + redacted.toString());
        }
        out = parts.join(u'&');
    } else {
        // Anything else (HTML error pages, garbage): no keys to go by; mask digits, and drop
        // everything after a word that announces a secret.
        out = maskLongDigitRuns(QString::fromUtf8(body.left(maxChars * 2)));
        static const QRegularExpression kSecretWord(
                QStringLiteral("(token|secret|password|bearer|basic|private)"),
                QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = kSecretWord.match(out);
        if (m.hasMatch())
            out = out.left(m.capturedStart()) + kRedacted;
    }
    if (out.size() > maxChars)
        out = out.left(maxChars) + QStringLiteral("…");
    return out;
}

QString LogRedactor::redactUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        QUrlQuery cleaned;
        const auto items = query.queryItems(QUrl::FullyDecoded);
        for (const auto &item : items) {
            QString value = item.second;
            if (isSecretKey(item.first))
                value = kRedacted;
            else if (isPhoneKey(item.first))
                value = PhoneNumber::maskForLog(value);
            else
                value = maskLongDigitRuns(value);
            cleaned.addQueryItem(item.first, value);
        }
        copy.setQuery(cleaned);
    }
    return maskLongDigitRuns(copy.toString());
}
