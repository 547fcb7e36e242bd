#include "backoffice/Settings.h"

#include "backoffice/BackofficeLogging.h"
#include "core/PollLimits.h"

#include <QRegularExpression>
#include <QSettings>
#include <QTimeZone>

namespace {

using Key = Settings::Key;

struct Entry
{
    Key key;
    const char *name;
    QVariant defaultValue;
    int minimum = 0; // integers only
    int maximum = 0;
};

const QList<Entry> &table()
{
    static const QList<Entry> entries {
        { Key::Language, "display/language", QStringLiteral("en") },
        { Key::MerchantName, "merchant/name", QStringLiteral("CounterPay demo store") },
        { Key::MerchantAddress, "merchant/address", QString() },
        { Key::Environment, "till/environment", QStringLiteral("demo") },
        { Key::ConfigPath, "till/profile", QString() },
        { Key::FirstRunDone, "till/firstRunDone", false },
        { Key::Sound, "feedback/sound", true },
        // Speak the amount on Paid: for QR sales only (the cashier may not be watching the
        // customer's phone), for every sale, or never.
        { Key::Speech, "feedback/speech", QStringLiteral("qr") },
        { Key::CustomerDisplay, "display/customerDisplay", QStringLiteral("auto") },
        { Key::PrinterName, "printer/name", QString() },
        { Key::PollFirstMs, "polling/firstMs", 1000, int(PollLimits::kMinFirstMs), 60'000 },
        { Key::PollCapMs, "polling/capMs", 4400, 1000, 600'000 }, // PollPolicy's default cap
        { Key::PollGraceS, "polling/graceSeconds", 120, 0, 3600 },
        { Key::LockoutFailures, "security/lockoutFailures", 5, 1, 100 },
        { Key::LockoutMinutes, "security/lockoutMinutes", 15, 1, 24 * 60 },
        { Key::IdleLockMinutes, "security/idleLockMinutes", 5, 1, 24 * 60 },
        { Key::Cashier, "till/cashier", QStringLiteral("cashier") },
        { Key::Terminal, "till/terminal", QStringLiteral("T01") },
        { Key::Gstin, "merchant/gstin", QString() },
        { Key::TimeZone, "merchant/timeZone", QString() }, // IANA id; empty = the system's zone
        // Minor units of the till's currency. 2,00,000.00 is the common UPI per-payment limit.
        { Key::SaleCeilingMinor, "sale/ceilingMinor", 20'000'000, 100, 2'000'000'000 },
        // Above this the cashier confirms the amount in words; 0 = never ask.
        { Key::ConfirmAboveMinor, "sale/confirmAboveMinor", 2'000'000, 0, 2'000'000'000 },
        // Minutes a dynamic UPI QR stays payable (the gateway's expiry for the order).
        { Key::QrLifetimeMinutes, "sale/qrLifetimeMinutes", 5, 1, 60 },
    };
    return entries;
}

const Entry &entryFor(Key key)
{
    for (const Entry &entry : table()) {
        if (entry.key == key)
            return entry;
    }
    Q_UNREACHABLE();
}

const QLatin1String kVersionKey("settings/version");

// Keys older CounterPay versions wrote (in their GUI settings code), and where they go now.
struct Rename
{
    const char *oldName;
    Key key;
};
constexpr Rename kRenames[] = {
    { "ui/language", Key::Language },  { "ui/merchantName", Key::MerchantName },
    { "ui/sound", Key::Sound },        { "ui/speech", Key::Speech },
    { "gateway/config", Key::ConfigPath },
    // ui/demo (bool) becomes till/environment; handled below.
    // Version 2 kept these under "general/", which QSettings' INI format writes as a
    // "[%General]" section and reads back as "General/...": they never survived a restart.
    // Both spellings are moved; of two [%General] sections the later one (the newer write)
    // is what Qt reads.
    { "General/environment", Key::Environment }, { "general/environment", Key::Environment },
    { "General/profile", Key::ConfigPath },       { "general/profile", Key::ConfigPath },
    { "General/firstRunDone", Key::FirstRunDone }, { "general/firstRunDone", Key::FirstRunDone },
    { "General/cashier", Key::Cashier },          { "general/cashier", Key::Cashier },
    { "General/terminal", Key::Terminal },        { "general/terminal", Key::Terminal },
};
const QLatin1String kOldDemo("ui/demo");

// QSettings' INI files give "true"/"false" back as strings.
std::optional<bool> parseBool(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return std::nullopt;
}

// Up to version 3 Speech was a bool (default false). Old true means "speak": every sale, as it
// did. Old false becomes the new default, "qr": the old dialog saved every key, so a stored false
// cannot be told apart from an untouched default, and the new default is what the shop gets
// unless a manager chooses "Never". Anything else is passed on unchanged (normalize judges it).
QVariant fromOldSpeech(const QVariant &value)
{
    if (const std::optional<bool> old = parseBool(value))
        return *old ? QStringLiteral("all") : QStringLiteral("qr");
    return value;
}

} // namespace

Settings::Settings(std::unique_ptr<QSettings> store, QObject *parent)
    : QObject(parent), m_store(store ? std::move(store) : std::make_unique<QSettings>())
{
}

Settings::~Settings() = default;

QString Settings::keyName(Key key)
{
    return QString::fromLatin1(entryFor(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return entryFor(key).defaultValue;
}

QList<Settings::Key> Settings::allKeys()
{
    QList<Key> keys;
    for (const Entry &entry : table())
        keys.append(entry.key);
    return keys;
}

QStringList Settings::choices(Key key)
{
    switch (key) {
    case Key::Environment: return { QStringLiteral("demo"), QStringLiteral("sandbox"), QStringLiteral("production") };
    case Key::CustomerDisplay: return { QStringLiteral("auto"), QStringLiteral("on"), QStringLiteral("off") };
    case Key::Speech: return { QStringLiteral("qr"), QStringLiteral("all"), QStringLiteral("off") };
    default: return {};
    }
}

std::pair<int, int> Settings::range(Key key)
{
    const Entry &entry = entryFor(key);
    return { entry.minimum, entry.maximum };
}

bool Settings::looksSecret(const QString &name)
{
    static const QRegularExpression secret(
            QStringLiteral("(api[_-]?key|secret|password|passwd|token|private[_-]?key|service[_-]?account|(^|[/_-])pin($|[_-]))"),
            QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch();
}

QString Settings::fileName() const
{
    return m_store->fileName();
}

void Settings::sync()
{
    m_store->sync();
}

std::optional<QVariant> Settings::normalize(Key key, const QVariant &value, QString *why) const
{
    const Entry &entry = entryFor(key);
    switch (entry.defaultValue.typeId()) {
    case QMetaType::Bool: {
        if (const std::optional<bool> parsed = parseBool(value))
            return QVariant(*parsed);
        *why = QStringLiteral("%1 is yes or no (true/false).").arg(keyName(key));
        return std::nullopt;
    }
    case QMetaType::Int: {
        bool numeric = false;
        const int number = value.toString().trimmed().toInt(&numeric);
        if (!numeric || number < entry.minimum || number > entry.maximum) {
            *why = QStringLiteral("%1 is a whole number from %2 to %3.").arg(keyName(key)).arg(entry.minimum).arg(entry.maximum);
            return std::nullopt;
        }
        return QVariant(number);
    }
    default: {
        if (!value.canConvert<QString>()) {
            *why = QStringLiteral("%1 is text.").arg(keyName(key));
            return std::nullopt;
        }
        const QString text = value.toString();
        if (key == Key::TimeZone && !text.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(text.toLatin1())) {
            *why = QStringLiteral("%1 is a time zone name such as Asia/Kolkata, or empty for the system's zone.").arg(keyName(key));
            return std::nullopt;
        }
        // GSTIN: state code, PAN (5 letters, 4 digits, a letter), entity number, 'Z', check character.
        static const QRegularExpression gstin(QStringLiteral("^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$"));
        if (key == Key::Gstin && !text.isEmpty() && !gstin.match(text).hasMatch()) {
            *why = QStringLiteral("%1 is a 15-character GSTIN such as 27AAPFU0939F1ZV.").arg(keyName(key));
            return std::nullopt;
        }
        const QStringList allowed = choices(key);
        if (!allowed.isEmpty() && !allowed.contains(text)) {
            *why = QStringLiteral("%1 is one of: %2.").arg(keyName(key), allowed.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        return QVariant(text);
    }
    }
}

QVariant Settings::value(Key key) const
{
    const Entry &entry = entryFor(key);
    const QVariant stored = m_store->value(QLatin1String(entry.name));
    if (!stored.isValid())
        return entry.defaultValue;
    QString why;
    // A hand-edited file with a bad value gives the default rather than a surprise.
    return normalize(key, stored, &why).value_or(entry.defaultValue);
}

VoidResult Settings::check(Key key, const QVariant &value) const
{
    QString why;
    if (!normalize(key, value, &why))
        return Error { QStringLiteral("bad_setting_value"), why };
    return ok();
}

VoidResult Settings::setValue(Key key, const QVariant &value)
{
    QString why;
    const std::optional<QVariant> normalized = normalize(key, value, &why);
    if (!normalized)
        return Error { QStringLiteral("bad_setting_value"), why };
    const QVariant before = this->value(key);
    m_store->setValue(keyName(key), *normalized);
    m_store->sync();
    if (m_store->status() != QSettings::NoError) {
        return Error { QStringLiteral("settings_unwritable"),
                       QStringLiteral("The settings file %1 cannot be written.").arg(m_store->fileName()) };
    }
    if (before != *normalized)
        emit changed(key);
    return ok();
}

void Settings::reset(Key key)
{
    const QVariant before = value(key);
    m_store->remove(keyName(key));
    if (before != defaultValue(key))
        emit changed(key);
}

QStringList Settings::migrate()
{
    QStringList moved;
    const auto moveTo = [this, &moved](const QString &oldName, Key key, const QVariant &converted) {
        // A value already under the new name wins: it was written by a newer version.
        if (!m_store->contains(keyName(key))) {
            QString why;
            if (const std::optional<QVariant> value = normalize(key, converted, &why)) {
                m_store->setValue(keyName(key), *value);
                moved.append(oldName + u" -> " + keyName(key));
            } else {
                qCWarning(lcBackoffice).noquote() << "settings: dropping" << oldName << why;
                moved.append(oldName + u" dropped (" + why + u')');
            }
        } else {
            moved.append(oldName + u" removed (" + keyName(key) + u" already set)");
        }
        m_store->remove(oldName);
    };

    for (const Rename &rename : kRenames) {
        const QString oldName = QString::fromLatin1(rename.oldName);
        if (!m_store->contains(oldName))
            continue;
        const QVariant old = m_store->value(oldName);
        moveTo(oldName, rename.key, rename.key == Key::Speech ? fromOldSpeech(old) : old);
    }
    // Version 3 and older stored Speech as a bool under its current name.
    const QString speechName = keyName(Key::Speech);
    if (m_store->contains(speechName) && parseBool(m_store->value(speechName))) {
        const QString word = fromOldSpeech(m_store->value(speechName)).toString();
        m_store->setValue(speechName, word);
        moved.append(speechName + u" = " + word + u" (was yes/no)");
    }
    if (m_store->contains(kOldDemo)) {
        // The old build had only demo on or off. Off never means production by itself: a
        // manager chooses Production explicitly.
        const bool demo = parseBool(m_store->value(kOldDemo)).value_or(true);
        moveTo(kOldDemo, Key::Environment, demo ? QStringLiteral("demo") : QStringLiteral("sandbox"));
    }
    const QStringList all = m_store->allKeys();
    for (const QString &name : all) {
        if (looksSecret(name)) {
            // Never log the value. Secrets belong in the keychain; a plain-text copy is removed.
            qCWarning(lcBackoffice).noquote() << "settings: removing secret-looking key" << name;
            m_store->remove(name);
            moved.append(name + u" removed (secrets belong in the keychain)");
        }
    }
    if (m_store->value(kVersionKey).toInt() != kVersion) {
        m_store->setValue(kVersionKey, kVersion);
        moved.append(QStringLiteral("settings/version = %1").arg(kVersion));
    }
    m_store->sync();
    return moved;
}
