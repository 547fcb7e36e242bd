#pragma once

#include <QWizard>

#include <functional>
#include <memory>

namespace Ui {
class FirstRunWizard;
}
class AccessControl;
class SecretStore;
class Settings;

// The first start: the manager PIN (typed twice), the shop's name and address, and where
// payments go (Demo, Sandbox or Production with the gateway profile). The PIN's hash and the
// gateway secrets go to the SecretStore (the OS keychain); only non-secrets go to Settings.
// Finish writes everything and sets FirstRunDone last, so an interrupted wizard runs again.
class FirstRunWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunWizard)

public:
    FirstRunWizard(Settings &settings, SecretStore &secrets, AccessControl &access, QWidget *parent = nullptr);
    ~FirstRunWizard() override;

    bool validateCurrentPage() override;
    // Writes the PIN, the secrets and the settings (asynchronously: the keychain answers
    // later); closes with Accepted only when all of it was stored.
    void accept() override;

    bool isSaving() const { return m_saving; }
    // The message shown on the page in view, empty when none.
    QString errorText() const;

signals:
    // After Finish, when saving failed (the wizard stays open with the message).
    void saveFailed(const QString &message);

private:
    QString pinProblem() const;
    QString merchantProblem() const;
    QString environmentProblem() const;
    QString environment() const;
    void environmentChosen();
    void browseProfile();
    void fillSummary();
    void storeSecrets(QList<std::pair<QString, QString>> secrets, std::function<void()> then);
    void finishSaving();
    void failSaving(const QString &message);

    std::unique_ptr<Ui::FirstRunWizard> m_ui;
    Settings &m_settings;
    SecretStore &m_secrets;
    AccessControl &m_access;
    bool m_saving = false;
};
