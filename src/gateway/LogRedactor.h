#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// Makes request and response data safe for a log line: secrets (API keys, client secrets,
// tokens, JWT assertions, private keys, Authorization/Cookie headers) are replaced by
// "<redacted>", phone numbers are masked to their last four digits, and any other run of ten
// or more digits is masked the same way. Every log line in the gateway goes through here.
class LogRedactor
{
public:
    static constexpr QLatin1String kRedacted { "<redacted>" };

    // Whether a header's value must never be logged.
    static bool isSecretHeader(const QByteArray &name);
    // Whether a JSON or form key names a secret / a phone number.
    static bool isSecretKey(QStringView key);
    static bool isPhoneKey(QStringView key);

    // A request or response body: JSON objects and form bodies are redacted key by key
    // (nested JSON, and JSON held in a form field such as sdk_pg_params, included); other text
    // gets the digit masking only. The result is cut to maxChars.
    static QString redactBody(const QByteArray &body, int maxChars = 2000);
    // A URL without user info, with secret/phone query values redacted.
    static QString redactUrl(const QUrl &url);
    // Masks every run of >= 10 digits to "••••1234".
    static QString maskLongDigitRuns(const QString &text);
    // One free-text log line, from any category: the value after a secret-named key
    // ("api_key=…", "client_secret: …", "\"token\":\"…\""), a Bearer/Basic credential, a JWT and
    // a PEM block become "<redacted>", then long digit runs are masked. What the log file and
    // stderr get (LogFile).
    static QString redactLine(const QString &line);
};
