#pragma once

#include <QDialog>
#include <QList>

#include <memory>

namespace Ui {
class SettingsDialog;
}
class AccessControl;
class PaymentGateway;
class Settings;

// The settings pages: shop, providers (with Test connection per provider), polling, printer,
// language, sound and voice, customer display, security (lockout and idle figures, change
// PIN). Only non-secrets go to Settings; saving needs the manager role and is audited.
// The window shows it as a tab (setWindowFlags(Qt::Widget)) or as a dialog.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(Settings &settings, AccessControl &access, const QList<PaymentGateway *> &gateways,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Fields from Settings again.
    void load();
    // Fields to Settings (manager only); false with the message shown when something was refused.
    bool save();
    void testConnection(int row);
    QString message() const;
    // The words of the last Test connection of a provider row.
    QString connectionResult(int row) const;

signals:
    void saved(const QStringList &changedKeys);

private:
    void changePin();
    void showMessage(const QString &text, bool error);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings &m_settings;
    AccessControl &m_access;
    QList<PaymentGateway *> m_gateways;
};
