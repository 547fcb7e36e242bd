#include "gateway/JsonSupport.h"

#include "gateway/LogRedactor.h"

#include <QJsonDocument>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The text of a JSON string's contents (between the quotes), escapes resolved, so that "a"
// and "\u0061" are the same key, as they are to QJsonDocument.
QString unescape(const char *begin, const char *end)
{
    if (std::find(begin, end, '\\') == end)
        return QString::fromUtf8(begin, end - begin);
    QString out;
    const char *run = begin;
    for (const char *p = begin; p < end; ++p) {
        if (*p != '\\')
            continue;
        out += QString::fromUtf8(run, p - run);
        if (++p >= end)
            return out;
        switch (*p) {
        case 'b': out += u'\b'; break;
        case 'f': out += u'\f'; break;
        case 'n': out += u'\n'; break;
        case 'r': out += u'\r'; break;
        case 't': out += u'\t'; break;
        case 'u': {
            char16_t unit = 0;
            for (int k = 1; k <= 4 && p + k < end; ++k)
                unit = char16_t(unit * 16 + std::max(0, hexValue(p[k])));
            out += QChar(unit); // surrogate pairs arrive as two escapes and pair up here
            p += std::min<qsizetype>(4, end - p - 1);
            break;
        }
        default: out += QLatin1Char(*p); break; // \" \\ \/
        }
        run = p + 1;
    }
    out += QString::fromUtf8(run, end - run);
    return out;
}

} // namespace

namespace JsonSupport {

std::optional<QString> duplicateKey(const QByteArray &json)
{
    struct Frame
    {
        bool object = false;
        bool expectKey = false;
        QSet<QString> keys;
    };
    std::vector<Frame> stack;
    const char *p = json.constData();
    const char *const end = p + json.size();
    for (; p < end; ++p) {
        switch (*p) {
        case '{':
            stack.push_back({ true, true, {} });
            break;
        case '[':
            stack.push_back({ false, false, {} });
            break;
        case '}':
        case ']':
            if (!stack.empty())
                stack.pop_back();
            break;
        case ',':
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
            break;
        case '"': {
            const char *close = p + 1;
            while (close < end && *close != '"')
                close += *close == '\\' ? 2 : 1;
            close = std::min(close, end);
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                Frame &frame = stack.back();
                frame.expectKey = false;
                QString key = unescape(p + 1, close);
                if (frame.keys.contains(key))
                    return key;
                frame.keys.insert(std::move(key));
            }
            p = close; // the closing quote (or the end)
            break;
        }
        default:
            break;
        }
    }
    return std::nullopt;
}

GatewayError malformed(const QString &message)
{
    return GatewayError::make(GatewayError::Kind::Malformed, message);
}

GatewayResult<QJsonObject> parseObject(const QByteArray &body, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return malformed(QStringLiteral("The %1 is not valid JSON (%2 at offset %3).")
                                 .arg(what, error.errorString())
                                 .arg(error.offset));
    }
    if (!doc.isObject()) {
        return malformed(QStringLiteral("The %1 is JSON but not an object.").arg(what));
    }
    if (const std::optional<QString> twice = duplicateKey(body)) {
        return malformed(QStringLiteral("The %1 has the key '%2' twice in one object; it is refused, not read "
                                        "as \"the last one wins\".")
                                 .arg(what, cleanText(*twice, 40)));
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
