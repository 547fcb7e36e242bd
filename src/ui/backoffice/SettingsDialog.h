#pragma once

#include <QDialog>
#include <QList>

#include <optional>

#include <memory>

namespace Ui {
class SettingsDialog;
}
class AccessControl;
class PaymentGateway;
class SecretStore;
class Settings;

// The settings pages: shop, providers (with Test connection per provider), polling, printer,
// language, sound and voice, customer display, security (lockout and idle figures, change
// PIN). Only non-secrets go to Settings; saving needs the manager role and is audited.
// With a SecretStore the providers page also takes the gateways' keys (Juspay's API key,
// CM.com's client id and secret, the Google Pay service-account key file): a manager types a
// new one and "Store keys" writes it to the keychain (audited by name, never by value); the
// fields never show a stored key, only whether one is stored.
// The window shows it as a tab (setWindowFlags(Qt::Widget)) or as a dialog.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(Settings &settings, AccessControl &access, const QList<PaymentGateway *> &gateways,
                   QWidget *parent = nullptr);
    SettingsDialog(Settings &settings, AccessControl &access, const QList<PaymentGateway *> &gateways,
                   SecretStore *secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Fields from Settings again.
    void load();
    // Fields to Settings (manager only); false with the message shown when something was refused.
    bool save();
    void testConnection(int row);
    QString message() const;
    // The words of the last Test connection of a provider row.
    QString connectionResult(int row) const;
    // Writes the typed keys to the keychain (manager only); empty fields keep what is stored.
    void storeSecrets();
    // "Stored" / "Not set" beside each key field, read from the keychain again.
    void refreshSecretStates();

signals:
    void saved(const QStringList &changedKeys);
    // Each storeSecrets() ends with one of these (also when it was refused).
    void secretsStored(bool ok);

private:
    void changePin();
    void writeSecrets(QList<std::pair<QString, QString>> pending, QStringList written);
    // Amount fields: the text as minor units of the store's currency; nullopt (with why) when bad.
    std::optional<qint64> amountField(const QString &text, bool emptyIsZero, QString *why) const;
    QString amountText(qint64 minorUnits) const;
    void showMessage(const QString &text, bool error);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings &m_settings;
    AccessControl &m_access;
    QList<PaymentGateway *> m_gateways;
    SecretStore *m_secrets = nullptr;
};
