#include "ui/backoffice/FirstRunWizard.h"

#include "backoffice/AccessControl.h"
#include "backoffice/ManagerPin.h"
#include "backoffice/SecretStore.h"
#include "backoffice/Settings.h"
#include "gateway/profile/KeychainSecretSource.h"
#include "ui_FirstRunWizard.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpressionValidator>

namespace {

void setError(QLabel *label, const QString &message)
{
    label->setText(message.isEmpty() ? QString() : QStringLiteral("\u26a0 ") + message);
    label->setVisible(!message.isEmpty());
}

} // namespace

FirstRunWizard::FirstRunWizard(Settings &settings, SecretStore &secrets, AccessControl &access, QWidget *parent)
    : QWizard(parent),
      m_ui(std::make_unique<Ui::FirstRunWizard>()),
      m_settings(settings),
      m_secrets(secrets),
      m_access(access)
{
    m_ui->setupUi(this);
    for (QLineEdit *pin : { m_ui->pinEdit, m_ui->pinAgainEdit })
        pin->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,8}")), pin));
    for (QLabel *error : { m_ui->pinError, m_ui->merchantError, m_ui->environmentError, m_ui->finishError }) {
        error->setStyleSheet(QStringLiteral("color: #ffffff; background: #b31d1d; padding: 2px 6px; "
                                            "border-radius: 4px;"));
        error->hide();
    }
    m_ui->merchantNameEdit->setText(m_settings.string(Settings::Key::MerchantName));
    m_ui->merchantAddressEdit->setPlainText(m_settings.string(Settings::Key::MerchantAddress));
    m_ui->profilePathEdit->setText(m_settings.string(Settings::Key::ConfigPath));
    const QString current = m_settings.string(Settings::Key::Environment);
    m_ui->sandboxRadio->setChecked(current == QLatin1String("sandbox"));
    m_ui->productionRadio->setChecked(current == QLatin1String("production"));
    m_ui->demoRadio->setChecked(current != QLatin1String("sandbox") && current != QLatin1String("production"));

    for (QRadioButton *radio : { m_ui->demoRadio, m_ui->sandboxRadio, m_ui->productionRadio })
        connect(radio, &QRadioButton::toggled, this, &FirstRunWizard::environmentChosen);
    connect(m_ui->profileBrowseButton, &QPushButton::clicked, this, &FirstRunWizard::browseProfile);
    connect(this, &QWizard::currentIdChanged, this, [this] {
        if (currentPage() == m_ui->summaryPage)
            fillSummary();
    });
    connect(m_ui->pinEdit, &QLineEdit::textChanged, m_ui->pinError, &QLabel::hide);
    connect(m_ui->pinAgainEdit, &QLineEdit::textChanged, m_ui->pinError, &QLabel::hide);
    environmentChosen();
    resize(640, 480);
}

FirstRunWizard::~FirstRunWizard() = default;

bool FirstRunWizard::validateCurrentPage()
{
    if (currentPage() == m_ui->pinPage) {
        const QString problem = pinProblem();
        if (!problem.isEmpty()) {
            m_ui->pinAgainEdit->clear(); // before the message: typing hides it
            m_ui->pinEdit->setFocus();
        }
        setError(m_ui->pinError, problem);
        return problem.isEmpty();
    }
    if (currentPage() == m_ui->merchantPage) {
        const QString problem = merchantProblem();
        setError(m_ui->merchantError, problem);
        return problem.isEmpty();
    }
    if (currentPage() == m_ui->environmentPage) {
        const QString problem = environmentProblem();
        setError(m_ui->environmentError, problem);
        return problem.isEmpty();
    }
    return QWizard::validateCurrentPage();
}

QString FirstRunWizard::errorText() const
{
    for (QLabel *error : { m_ui->pinError, m_ui->merchantError, m_ui->environmentError, m_ui->finishError }) {
        if (!error->isHidden())
            return error->text();
    }
    return {};
}

QString FirstRunWizard::pinProblem() const
{
    const QString pin = m_ui->pinEdit->text();
    if (const VoidResult valid = ManagerPin::validate(pin); !valid.ok()) {
        if (valid.errorCode() == QLatin1String("pin_too_short"))
            return tr("The PIN needs at least %1 digits.").arg(ManagerPin::kMinimumLength);
        if (valid.errorCode() == QLatin1String("pin_too_long"))
            return tr("The PIN has at most %1 digits.").arg(ManagerPin::kMaximumLength);
        return tr("The PIN is digits only.");
    }
    if (m_ui->pinAgainEdit->text() != pin)
        return tr("The two PINs differ. Type the same PIN twice.");
    return {};
}

QString FirstRunWizard::merchantProblem() const
{
    if (m_ui->merchantNameEdit->text().trimmed().isEmpty())
        return tr("Enter the shop's name: receipts print it.");
    return {};
}

QString FirstRunWizard::environmentProblem() const
{
    if (environment() == QLatin1String("demo"))
        return {};
    const QString path = m_ui->profilePathEdit->text().trimmed();
    if (path.isEmpty())
        return tr("Choose the gateway profile file for %1.").arg(environment() == QLatin1String("sandbox")
                                                                         ? tr("Sandbox") : tr("Production"));
    if (!QFileInfo(path).isFile())
        return tr("There is no file at %1.").arg(path);
    if (m_ui->cmcomClientIdEdit->text().trimmed().isEmpty() != m_ui->cmcomClientSecretEdit->text().isEmpty())
        return tr("CM.com needs both the client id and the client secret.");
    return {};
}

QString FirstRunWizard::environment() const
{
    if (m_ui->sandboxRadio->isChecked())
        return QStringLiteral("sandbox");
    if (m_ui->productionRadio->isChecked())
        return QStringLiteral("production");
    return QStringLiteral("demo");
}

void FirstRunWizard::environmentChosen()
{
    m_ui->gatewayFields->setEnabled(environment() != QLatin1String("demo"));
    m_ui->environmentError->hide();
}

void FirstRunWizard::browseProfile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Gateway profile"), m_ui->profilePathEdit->text(),
                                                      tr("Profiles (*.ini);;All files (*)"));
    if (!path.isEmpty())
        m_ui->profilePathEdit->setText(path);
}

void FirstRunWizard::fillSummary()
{
    QStringList lines;
    lines << tr("Manager PIN: set (%1 digits), kept in the system keychain as a salted hash.")
                     .arg(m_ui->pinEdit->text().size());
    lines << tr("Shop: %1").arg(m_ui->merchantNameEdit->text().trimmed());
    const QString address = m_ui->merchantAddressEdit->toPlainText().trimmed();
    if (!address.isEmpty())
        lines << tr("Address: %1").arg(QString(address).replace(QLatin1Char('\n'), QStringLiteral(", ")));
    const QString env = environment();
    lines << tr("Payments: %1").arg(env == QLatin1String("demo") ? tr("Demo") : env == QLatin1String("sandbox")
                                                                                  ? tr("Sandbox") : tr("Production"));
    if (env != QLatin1String("demo")) {
        lines << tr("Gateway profile: %1").arg(m_ui->profilePathEdit->text().trimmed());
        int secrets = 0;
        for (QLineEdit *edit : { m_ui->juspayApiKeyEdit, m_ui->cmcomClientIdEdit, m_ui->cmcomClientSecretEdit,
                                 m_ui->googleKeyPathEdit })
            secrets += edit->text().trimmed().isEmpty() ? 0 : 1;
        lines << tr("Gateway credentials for the keychain: %1").arg(secrets);
    }
    m_ui->summaryLabel->setText(lines.join(QLatin1Char('\n')));
}

void FirstRunWizard::accept()
{
    if (m_saving)
        return;
    // Every page again: Finish must never store a PIN that was not typed twice the same.
    const QString problem = !pinProblem().isEmpty() ? pinProblem()
                          : !merchantProblem().isEmpty() ? merchantProblem()
                                                         : environmentProblem();
    if (!problem.isEmpty()) {
        failSaving(problem);
        return;
    }
    m_saving = true;
    button(QWizard::FinishButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    m_ui->finishError->hide();
    QPointer<FirstRunWizard> self(this);
    m_access.setPin(m_ui->pinEdit->text(), [self](const VoidResult &stored) {
        if (!self)
            return;
        if (!stored.ok()) {
            self->failSaving(tr("The PIN could not be stored: %1").arg(stored.errorMessage()));
            return;
        }
        QList<std::pair<QString, QString>> secrets;
        if (self->environment() != QLatin1String("demo")) {
            const std::pair<SecretSource::Secret, QLineEdit *> fields[] = {
                { SecretSource::Secret::JuspayApiKey, self->m_ui->juspayApiKeyEdit },
                { SecretSource::Secret::CmComClientId, self->m_ui->cmcomClientIdEdit },
                { SecretSource::Secret::CmComClientSecret, self->m_ui->cmcomClientSecretEdit },
                { SecretSource::Secret::GooglePayServiceAccountFile, self->m_ui->googleKeyPathEdit },
            };
            for (const auto &[which, edit] : fields) {
                if (!edit->text().trimmed().isEmpty())
                    secrets.append({ KeychainSecretSource::keyName(which), edit->text().trimmed() });
            }
        }
        self->storeSecrets(secrets, [self] {
            if (self)
                self->finishSaving();
        });
    });
}

void FirstRunWizard::storeSecrets(QList<std::pair<QString, QString>> secrets, std::function<void()> then)
{
    if (secrets.isEmpty()) {
        then();
        return;
    }
    const auto [key, value] = secrets.takeFirst();
    QPointer<FirstRunWizard> self(this);
    m_secrets.write(key, value, [self, key = key, secrets, then](const VoidResult &written) {
        if (!self)
            return;
        if (!written.ok()) {
            self->failSaving(tr("The keychain did not take %1: %2").arg(key, written.errorMessage()));
            return;
        }
        self->storeSecrets(secrets, then);
    });
}

void FirstRunWizard::finishSaving()
{
    const std::pair<Settings::Key, QVariant> values[] = {
        { Settings::Key::MerchantName, m_ui->merchantNameEdit->text().trimmed() },
        { Settings::Key::MerchantAddress, m_ui->merchantAddressEdit->toPlainText().trimmed() },
        { Settings::Key::Environment, environment() },
        { Settings::Key::ConfigPath, environment() == QLatin1String("demo") ? QString()
                                                                           : m_ui->profilePathEdit->text().trimmed() },
        // Last: a wizard interrupted before this point runs again at the next start.
        { Settings::Key::FirstRunDone, true },
    };
    for (const auto &[key, value] : values) {
        const VoidResult written = m_settings.setValue(key, value);
        if (!written.ok()) {
            failSaving(tr("Settings could not be saved: %1").arg(written.errorMessage()));
            return;
        }
    }
    m_settings.sync();
    m_saving = false;
    QWizard::accept();
}

void FirstRunWizard::failSaving(const QString &message)
{
    m_saving = false;
    if (QAbstractButton *finish = button(QWizard::FinishButton))
        finish->setEnabled(true);
    if (QAbstractButton *back = button(QWizard::BackButton))
        back->setEnabled(true);
    setError(m_ui->finishError, message);
    emit saveFailed(message);
}
