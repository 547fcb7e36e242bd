#pragma once

#include "core/Result.h"

#include <QList>
#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <utility>

// The one typed wrapper for CounterPay's non-secret settings: a key table (name, default), a
// changed(key) signal and migrate() for renamed keys. Secrets (API keys, client secrets, the
// manager PIN) never come here: they live in a SecretStore (the OS keychain).
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    enum class Key {
        Language,
        MerchantName,
        MerchantAddress,
        Environment,     // "demo" | "sandbox" | "production"
        ConfigPath,      // the gateway profile (INI)
        FirstRunDone,
        Sound,
        Speech,          // speak the amount on Paid: "qr" (QR sales only) | "all" | "off"
        CustomerDisplay, // "auto" | "on" | "off"
        PrinterName,
        PollFirstMs,
        PollCapMs,
        PollGraceS,
        LockoutFailures,
        LockoutMinutes,
        IdleLockMinutes,
        Cashier,
        Terminal,
        Gstin,             // the shop's GST number, printed on receipts
        TimeZone,          // the store's zone: receipts, the Z report's day
        SaleCeilingMinor,  // the largest sale this till sends, in minor units
        ConfirmAboveMinor, // above this the amount is confirmed in words first; 0 = never
        QrLifetimeMinutes, // how long a dynamic UPI QR stays payable, 1-60 minutes
    };
    Q_ENUM(Key)

    // The schema written by migrate() under "settings/version".
    // 4: feedback/speech is a choice ("qr" | "all" | "off") instead of a bool.
    static constexpr int kVersion = 4;

    // Without a store: QSettings() in the user's config folder (the same file the old
    // GuiSettings used, so migrate() finds its keys).
    explicit Settings(std::unique_ptr<QSettings> store = {}, QObject *parent = nullptr);
    ~Settings() override;

    QVariant value(Key key) const;
    QString string(Key key) const { return value(key).toString(); }
    bool flag(Key key) const { return value(key).toBool(); }
    int integer(Key key) const { return value(key).toInt(); }

    // Stores `value` (converted to the key's type) and emits changed(key) when it differs
    // from what value(key) gave before. Errors: bad_setting_value (wrong type, out of range,
    // not one of the allowed words), settings_unwritable.
    VoidResult setValue(Key key, const QVariant &value);
    // What setValue would say about `value`, without writing it (a form checks every field
    // before it writes any).
    VoidResult check(Key key, const QVariant &value) const;
    // Back to the default (the key is removed from the file).
    void reset(Key key);

    // Moves keys written by older CounterPay versions to their current names (values converted)
    // and removes the old ones; drops any key that looks like a secret. Returns one line per
    // change ("ui/language -> display/language"); running it again returns nothing.
    QStringList migrate();

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);
    static QList<Key> allKeys();
    // The allowed words for a choice key (Environment, CustomerDisplay, Speech); empty otherwise.
    static QStringList choices(Key key);
    // The allowed range of an integer key ({0, 0} for other keys), so a form's spin box matches.
    static std::pair<int, int> range(Key key);
    // A name that looks like it holds a secret ("apiKey", "client_secret", "pin", "token"...).
    static bool looksSecret(const QString &name);

    // Where the values live, for messages and tests.
    QString fileName() const;
    void sync();

signals:
    void changed(Settings::Key key);

private:
    std::optional<QVariant> normalize(Key key, const QVariant &value, QString *why) const;

    std::unique_ptr<QSettings> m_store;
};
