#include "gateway/profile/ProfileLoader.h"

#include "gateway/GatewayLogging.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QMap>
#include <QRegularExpression>
#include <QSettings>

namespace {

const QString kJuspaySandbox = QStringLiteral("https://sandbox.juspay.in");
const QString kJuspayProduction = QStringLiteral("https://api.juspay.in");
// Google and CM.com publish one host; test and live differ by credentials, not URL.
const QString kGoogleHost = QStringLiteral("https://nbupayments.googleapis.com");
const QString kCmComHost = QStringLiteral("https://api.pay.cm.com");

struct Reader
{
    QSettings &settings;
    QString file;
    QString section;

    QString key(const QString &name) const { return section + u'/' + name; }
    bool has(const QString &name) const { return settings.contains(key(name)); }
    QString text(const QString &name, const QString &fallback = {}) const
    {
        const QVariant value = settings.value(key(name));
        if (!value.isValid())
            return fallback;
        // QSettings splits unquoted values at commas.
        if (value.metaType().id() == QMetaType::QStringList)
            return value.toStringList().join(u',').trimmed();
        return value.toString().trimmed();
    }
    Error error(const char *code, const QString &name, const QString &problem) const
    {
        return Error::make(code, QStringLiteral("%1: [%2] %3 %4").arg(file, section, name, problem));
    }
};

std::optional<Error> readInt(const Reader &r, const QString &name, int min, int max, int &out)
{
    if (!r.has(name))
        return std::nullopt;
    bool ok = false;
    const int value = r.text(name).toInt(&ok);
    if (!ok || value < min || value > max)
        return r.error("profile_bad_value", name, QStringLiteral("must be a whole number from %1 to %2.").arg(min).arg(max));
    out = value;
    return std::nullopt;
}

std::optional<Error> readCaFile(const Reader &r, const QUrl &baseUrl, const QStringList &productionHosts,
                                QList<QSslCertificate> &out)
{
    if (!r.has(QStringLiteral("ca_file")))
        return std::nullopt;
    if (productionHosts.contains(baseUrl.host()))
        return r.error("profile_bad_value", QStringLiteral("ca_file"),
                       QStringLiteral("is only allowed for a sandbox base_url, not %1.").arg(baseUrl.host()));
    const QString path = r.text(QStringLiteral("ca_file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return r.error("profile_bad_file", QStringLiteral("ca_file"),
                       QStringLiteral("cannot be read (%1): %2").arg(path, file.errorString()));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.read(1024 * 1024), QSsl::Pem);
    if (certificates.isEmpty())
        return r.error("profile_bad_file", QStringLiteral("ca_file"),
                       QStringLiteral("holds no PEM certificate: %1").arg(path));
    out.append(certificates);
    return std::nullopt;
}

// [juspay] wallets=GOPAY,PAYTM: Juspay's payment_method names, as Juspay spells them.
std::optional<Error> readWallets(const Reader &r, QStringList &out)
{
    const QString name = QStringLiteral("wallets");
    if (!r.has(name))
        return std::nullopt;
    static const QRegularExpression kWallet(QStringLiteral("^[A-Z0-9_]{2,20}$"));
    const QStringList items = r.text(name).split(u',', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QString wallet = item.trimmed();
        if (!kWallet.match(wallet).hasMatch())
            return r.error("profile_bad_value", name,
                           QStringLiteral("has '%1': each wallet is 2 to 20 upper-case letters, digits or '_', "
                                          "separated by commas (e.g. wallets=GOPAY,PAYTM).")
                                   .arg(wallet.left(24)));
        if (!out.contains(wallet))
            out.append(wallet);
    }
    return std::nullopt;
}

// The keys each section knows; anything else in a profile is a mistake to be named.
const QMap<QString, QStringList> &knownKeys()
{
    static const QMap<QString, QStringList> keys {
        { QStringLiteral("network"), { QStringLiteral("timeout_ms") } },
        { QStringLiteral("juspay"),
          { QStringLiteral("base_url"), QStringLiteral("merchant_id"), QStringLiteral("api_version"), QStringLiteral("routing_id"),
            QStringLiteral("return_url"), QStringLiteral("wallets"), QStringLiteral("cred_public_key_file"),
            QStringLiteral("ca_file") } },
        { QStringLiteral("googlepay"),
          { QStringLiteral("base_url"), QStringLiteral("merchant_id"), QStringLiteral("expiry_minutes"),
            QStringLiteral("originating_platform"), QStringLiteral("upi_vpa"), QStringLiteral("ca_file") } },
        { QStringLiteral("cmcom"),
          { QStringLiteral("base_url"), QStringLiteral("client_id"), QStringLiteral("language"), QStringLiteral("return_url"),
            QStringLiteral("expiry_minutes"), QStringLiteral("ca_file") } },
    };
    return keys;
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = qMin(qMin(row[j] + 1, row[j - 1] + 1), diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.size()];
}

// "; did you mean base_url?" when one known word is close (a typo, a missing letter).
QString didYouMean(const QString &word, const QStringList &known)
{
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : known) {
        const int distance = editDistance(word.toLower(), candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral("; did you mean %1?").arg(best);
}

// What may be shown of a name read from the file: printable, short (never a binary's bytes).
QString shown(const QString &text)
{
    QString out;
    for (QChar ch : text.left(40))
        out += ch.isPrint() ? ch : QChar(u'?');
    return out;
}

Error lineError(const QString &path, int line, const QString &code, const QString &problem)
{
    return Error { code, QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(problem) };
}

// The file as written, line by line, before QSettings reads it (QSettings takes a second
// [juspay] silently over the first, ignores keys it does not know, and reads a misspelt key
// as absent, which means the default host). Each mistake is named with its line.
std::optional<Error> checkLines(const QString &path, const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return Error { QStringLiteral("profile_unreadable"), QStringLiteral("%1: the profile is not a text INI file.").arg(path) };
    const QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter))
        return Error { QStringLiteral("profile_unreadable"), QStringLiteral("%1: the profile is not UTF-8 text.").arg(path) };
    // Control characters (but tab and line ends) mean a binary file: say so, echo none of it.
    for (QChar ch : text) {
        if (ch.category() == QChar::Other_Control && ch != u'\t' && ch != u'\r' && ch != u'\n')
            return Error { QStringLiteral("profile_unreadable"), QStringLiteral("%1: the profile is not a text INI file.").arg(path) };
    }
    const QStringList lines = text.split(u'\n');
    QMap<QString, int> sectionLines;
    QMap<QString, int> keyLines;
    QString section;
    static const QRegularExpression kSection(QStringLiteral("^\\[([^\\]]*)\\]$"));
    static const QRegularExpression kMerchantId(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    for (int n = 0; n < lines.size(); ++n) {
        const int lineNo = n + 1;
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (const QRegularExpressionMatch m = kSection.match(line); m.hasMatch()) {
            section = m.captured(1).trimmed();
            if (!knownKeys().contains(section)) {
                return lineError(path, lineNo, QStringLiteral("profile_unknown"),
                                 QStringLiteral("[%1] is not a section of a profile (network, juspay, googlepay, cmcom)%2")
                                         .arg(shown(section), didYouMean(section, knownKeys().keys())));
            }
            if (sectionLines.contains(section)) {
                return lineError(path, lineNo, QStringLiteral("profile_duplicate"),
                                 QStringLiteral("[%1] appears a second time (first on line %2); keep one.")
                                         .arg(section)
                                         .arg(sectionLines.value(section)));
            }
            sectionLines.insert(section, lineNo);
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            return lineError(path, lineNo, QStringLiteral("profile_bad_line"),
                             QStringLiteral("'%1' is not key=value or [section].").arg(shown(line)));
        }
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        if (section.isEmpty()) {
            return lineError(path, lineNo, QStringLiteral("profile_bad_line"),
                             QStringLiteral("%1 comes before any [section].").arg(shown(key)));
        }
        if (ProfileLoader::isSecretKey(key)) {
            return lineError(path, lineNo, QStringLiteral("profile_secret"),
                             QStringLiteral("refusing the profile: key '%1/%2' looks like a secret. Secrets never go in "
                                            "a profile; set COUNTERPAY_JUSPAY_API_KEY, COUNTERPAY_CMCOM_CLIENT_ID, "
                                            "COUNTERPAY_CMCOM_CLIENT_SECRET or COUNTERPAY_GOOGLEPAY_SERVICE_ACCOUNT_FILE, "
                                            "or use the keychain.")
                                     .arg(section, shown(key)));
        }
        const QStringList &known = knownKeys().value(section);
        if (!known.contains(key)) {
            return lineError(path, lineNo, QStringLiteral("profile_unknown"),
                             QStringLiteral("[%1] %2 is not a key of [%1]%3").arg(section, shown(key), didYouMean(key, known)));
        }
        const QString qualified = section + u'/' + key;
        if (keyLines.contains(qualified)) {
            return lineError(path, lineNo, QStringLiteral("profile_duplicate"),
                             QStringLiteral("[%1] %2 is given a second time (first on line %3); keep one.")
                                     .arg(section, key)
                                     .arg(keyLines.value(qualified)));
        }
        keyLines.insert(qualified, lineNo);
        if (value.isEmpty()) {
            return lineError(path, lineNo, QStringLiteral("profile_bad_value"),
                             QStringLiteral("[%1] %2 is empty; give a value or remove the line%3.")
                                     .arg(section, key,
                                          key == QLatin1String("base_url") ? QStringLiteral(" (sandbox, production or a URL)")
                                                                           : QString()));
        }
        if (key == QLatin1String("merchant_id") && !kMerchantId.match(value).hasMatch()) {
            return lineError(path, lineNo, QStringLiteral("profile_bad_value"),
                             QStringLiteral("[%1] merchant_id may hold only letters, digits, '_', '-' and '.' (1 to 64), "
                                            "as the gateway issued it.")
                                     .arg(section));
        }
    }
    return std::nullopt;
}

} // namespace

bool ProfileLoader::isSecretKey(const QString &key)
{
    const QString k = key.section(u'/', -1).toLower();
    static const char *const kParts[] = { "api_key", "apikey", "client_secret", "private_key",
                                          "password", "passwd", "token", "secret" };
    for (const char *part : kParts) {
        if (k.contains(QLatin1String(part)))
            return true;
    }
    return false;
}

Result<QUrl> ProfileLoader::resolveBaseUrl(const QString &value, const QString &sandboxUrl,
                                           const QString &productionUrl)
{
    if (value.isEmpty() || value.compare(QLatin1String("sandbox"), Qt::CaseInsensitive) == 0)
        return QUrl(sandboxUrl);
    if (value.compare(QLatin1String("production"), Qt::CaseInsensitive) == 0)
        return QUrl(productionUrl);
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return Result<QUrl>::failure(QStringLiteral("profile_bad_value"),
                                     QStringLiteral("is not a URL (use sandbox, production or https://host[:port][/path])."));
    const QHostAddress address(url.host());
    const bool loopback = url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
    if (url.scheme() == QLatin1String("https") || (url.scheme() == QLatin1String("http") && loopback))
        return url;
    return Result<QUrl>::failure(QStringLiteral("profile_bad_value"),
                                 QStringLiteral("must be https (plain http only for 127.0.0.1/localhost)."));
}

Result<GatewayProfile> ProfileLoader::load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return Result<GatewayProfile>::failure(QStringLiteral("profile_unreadable"),
                                               QStringLiteral("%1: the profile file does not exist or cannot be read.").arg(path));
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Result<GatewayProfile>::failure(QStringLiteral("profile_unreadable"),
                                                   QStringLiteral("%1: the profile cannot be read: %2").arg(path, file.errorString()));
        if (std::optional<Error> problem = checkLines(path, file.read(1024 * 1024)))
            return *problem;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Result<GatewayProfile>::failure(QStringLiteral("profile_unreadable"),
                                               QStringLiteral("%1: the profile is not a valid INI file.").arg(path));

    const QStringList keys = settings.allKeys();
    for (const QString &key : keys) {
        if (isSecretKey(key)) {
            return Result<GatewayProfile>::failure(
                    QStringLiteral("profile_secret"),
                    QStringLiteral("%1: refusing the profile: key '%2' looks like a secret. Secrets never go in "
                                   "a profile; set COUNTERPAY_JUSPAY_API_KEY, COUNTERPAY_CMCOM_CLIENT_ID, "
                                   "COUNTERPAY_CMCOM_CLIENT_SECRET or COUNTERPAY_GOOGLEPAY_SERVICE_ACCOUNT_FILE, "
                                   "or use the keychain.").arg(path, key));
        }
    }

    GatewayProfile profile;
    profile.filePath = path;
    {
        Reader r { settings, path, QStringLiteral("network") };
        if (auto e = readInt(r, QStringLiteral("timeout_ms"), 500, 120'000, profile.timeoutMs))
            return *e;
    }

    const QStringList groups = settings.childGroups();
    if (groups.contains(QStringLiteral("juspay"))) {
        Reader r { settings, path, QStringLiteral("juspay") };
        JuspayConfig &c = profile.juspay;
        const auto url = resolveBaseUrl(r.text(QStringLiteral("base_url")), kJuspaySandbox, kJuspayProduction);
        if (!url.ok())
            return r.error("profile_bad_value", QStringLiteral("base_url"), url.errorMessage());
        c.baseUrl = url.value();
        c.merchantId = r.text(QStringLiteral("merchant_id"));
        if (c.merchantId.isEmpty())
            return r.error("profile_missing", QStringLiteral("merchant_id"), QStringLiteral("is missing (your Juspay merchant id)."));
        c.apiVersion = r.text(QStringLiteral("api_version"), c.apiVersion);
        const QString routing = r.text(QStringLiteral("routing_id"), QStringLiteral("order"));
        if (routing == QLatin1String("order")) {
            c.routingPolicy = JuspayConfig::RoutingPolicy::Order;
        } else if (routing == QLatin1String("customer")) {
            c.routingPolicy = JuspayConfig::RoutingPolicy::Customer;
        } else if (routing.startsWith(QLatin1String("fixed:")) && routing.size() > 6) {
            c.routingPolicy = JuspayConfig::RoutingPolicy::Fixed;
            c.fixedRoutingId = routing.mid(6);
        } else {
            return r.error("profile_bad_value", QStringLiteral("routing_id"), QStringLiteral("must be order, customer or fixed:VALUE."));
        }
        c.returnUrl = r.text(QStringLiteral("return_url"));
        if (auto e = readWallets(r, profile.juspayWallets))
            return *e;
        if (r.has(QStringLiteral("cred_public_key_file"))) {
            const QString keyPath = r.text(QStringLiteral("cred_public_key_file"));
            QFile file(keyPath);
            if (!file.open(QIODevice::ReadOnly))
                return r.error("profile_bad_file", QStringLiteral("cred_public_key_file"),
                               QStringLiteral("cannot be read (%1): %2").arg(keyPath, file.errorString()));
            const Result<RsaKey> key = RsaKey::fromPem(file.read(64 * 1024));
            if (!key.ok())
                return r.error("profile_bad_file", QStringLiteral("cred_public_key_file"),
                               QStringLiteral("is not an RSA public key PEM (%1): %2").arg(keyPath, key.errorMessage()));
            if (key->hasPrivateKey())
                return r.error("profile_secret", QStringLiteral("cred_public_key_file"),
                               QStringLiteral("holds a PRIVATE key (%1); configure Juspay's public key only.").arg(keyPath));
            c.credPublicKey = key.value();
        }
        if (auto e = readCaFile(r, c.baseUrl, { QUrl(kJuspayProduction).host() }, profile.extraCaCertificates))
            return *e;
        profile.hasJuspay = true;
    }

    if (groups.contains(QStringLiteral("googlepay"))) {
        Reader r { settings, path, QStringLiteral("googlepay") };
        GooglePayConfig &c = profile.googlePay;
        const auto url = resolveBaseUrl(r.text(QStringLiteral("base_url")), kGoogleHost, kGoogleHost);
        if (!url.ok())
            return r.error("profile_bad_value", QStringLiteral("base_url"), url.errorMessage());
        c.baseUrl = url.value();
        c.googleMerchantId = r.text(QStringLiteral("merchant_id"));
        if (c.googleMerchantId.isEmpty())
            return r.error("profile_missing", QStringLiteral("merchant_id"), QStringLiteral("is missing (your googleMerchantId)."));
        if (auto e = readInt(r, QStringLiteral("expiry_minutes"), 1, 1440, c.expiryMinutes))
            return *e;
        c.originatingPlatform = r.text(QStringLiteral("originating_platform"), c.originatingPlatform);
        c.upiVpa = r.text(QStringLiteral("upi_vpa"));
        if (auto e = readCaFile(r, c.baseUrl, { QUrl(kGoogleHost).host() }, profile.extraCaCertificates))
            return *e;
        profile.hasGooglePay = true;
    }

    if (groups.contains(QStringLiteral("cmcom"))) {
        Reader r { settings, path, QStringLiteral("cmcom") };
        CmComConfig &c = profile.cmcom;
        const auto url = resolveBaseUrl(r.text(QStringLiteral("base_url")), kCmComHost, kCmComHost);
        if (!url.ok())
            return r.error("profile_bad_value", QStringLiteral("base_url"), url.errorMessage());
        c.baseUrl = url.value();
        c.clientId = r.text(QStringLiteral("client_id"));
        c.language = r.text(QStringLiteral("language"), c.language);
        if (c.language.size() != 2 || !c.language.at(0).isLower() || !c.language.at(1).isLower())
            return r.error("profile_bad_value", QStringLiteral("language"), QStringLiteral("must be an ISO 639-1 code such as en."));
        const QString returnUrl = r.text(QStringLiteral("return_url"), c.returnUrl);
        if (!QUrl(returnUrl, QUrl::StrictMode).isValid() || !returnUrl.startsWith(QLatin1String("http")))
            return r.error("profile_bad_value", QStringLiteral("return_url"), QStringLiteral("must be an http(s) URL."));
        c.returnUrl = returnUrl;
        if (auto e = readInt(r, QStringLiteral("expiry_minutes"), 1, 1440, c.expiryMinutes))
            return *e;
        if (auto e = readCaFile(r, c.baseUrl, { QUrl(kCmComHost).host() }, profile.extraCaCertificates))
            return *e;
        profile.hasCmCom = true;
    }

    if (!profile.hasJuspay && !profile.hasGooglePay && !profile.hasCmCom)
        return Result<GatewayProfile>::failure(QStringLiteral("profile_missing"),
                                               QStringLiteral("%1: no [juspay], [googlepay] or [cmcom] section.").arg(path));
    return profile;
}
