#include "ui/backoffice/SettingsDialog.h"

#include "backoffice/AccessControl.h"
#include "backoffice/ConnectionTester.h"
#include "backoffice/ManagerPin.h"
#include "backoffice/SecretStore.h"
#include "backoffice/Settings.h"
#include "core/Currency.h"
#include "core/Money.h"
#include "core/PollLimits.h"
#include "gateway/PaymentGateway.h"
#include "gateway/profile/KeychainSecretSource.h"
#include "gateway/ProviderRules.h"
#include "ui_SettingsDialog.h"

#include <QCompleter>
#include <QFileInfo>
#include <QHeaderView>
#include <QTimeZone>

#include <array>
#include <QPointer>
#include <QPrinterInfo>
#include <QPushButton>

namespace {
enum ProviderColumn { NameColumn, TestColumn, ResultColumn, ProviderColumnCount };

// The sale limits are in the store's currency; CounterPay's stores sell in rupees.
Currency storeCurrency()
{
    return Currency::inr();
}
} // namespace

SettingsDialog::SettingsDialog(Settings &settings, AccessControl &access, const QList<PaymentGateway *> &gateways,
                               QWidget *parent)
    : SettingsDialog(settings, access, gateways, nullptr, parent)
{
}

SettingsDialog::SettingsDialog(Settings &settings, AccessControl &access, const QList<PaymentGateway *> &gateways,
                               SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings), m_access(access),
      m_gateways(gateways), m_secrets(secrets)
{
    m_ui->setupUi(this);
    // The store's zone: empty is the computer's own; any IANA name can be typed (completed).
    m_ui->timeZoneCombo->addItem(tr("This computer's zone (%1)").arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())),
                                 QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_ui->timeZoneCombo->addItem(QString::fromLatin1(id), QString::fromLatin1(id));
    m_ui->timeZoneCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->timeZoneCombo->completer()->setFilterMode(Qt::MatchContains);
    m_ui->timeZoneCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    const QString symbol = storeCurrency().symbol();
    m_ui->saleCeilingEdit->setPlaceholderText(tr("in %1, for example 2,00,000").arg(symbol));
    m_ui->credentialsBox->setVisible(m_secrets != nullptr);
    for (QLineEdit *edit : { m_ui->juspayApiKeyEdit, m_ui->cmcomClientIdEdit, m_ui->cmcomClientSecretEdit })
        edit->setPlaceholderText(tr("type a new key to replace the stored one"));
    m_ui->cmcomClientIdEdit->setEchoMode(QLineEdit::Normal); // an id, not a secret
    m_ui->googleKeyEdit->setEchoMode(QLineEdit::Normal);     // a path; the file is the secret
    m_ui->googleKeyEdit->setPlaceholderText(tr("the path of the JSON key file"));
    connect(m_ui->storeSecretsButton, &QPushButton::clicked, this, &SettingsDialog::storeSecrets);
    m_ui->environmentCombo->addItem(tr("Demo (no real money)"), QStringLiteral("demo"));
    m_ui->environmentCombo->addItem(tr("Sandbox (test systems)"), QStringLiteral("sandbox"));
    m_ui->environmentCombo->addItem(tr("Production (real payments)"), QStringLiteral("production"));
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("\u0939\u093f\u0928\u094d\u0926\u0940 (Hindi)"), QStringLiteral("hi"));
    m_ui->customerDisplayCombo->addItem(tr("When a second screen is connected"), QStringLiteral("auto"));
    m_ui->customerDisplayCombo->addItem(tr("Always"), QStringLiteral("on"));
    m_ui->customerDisplayCombo->addItem(tr("Never"), QStringLiteral("off"));
    m_ui->speechCombo->addItem(tr("For QR sales"), QStringLiteral("qr"));
    m_ui->speechCombo->addItem(tr("For every sale"), QStringLiteral("all"));
    m_ui->speechCombo->addItem(tr("Never"), QStringLiteral("off"));
    m_ui->printerCombo->addItem(tr("The system's default printer"), QString());
    for (const QString &name : QPrinterInfo::availablePrinterNames())
        m_ui->printerCombo->addItem(name, name);

    m_ui->providersTable->setColumnCount(ProviderColumnCount);
    m_ui->providersTable->setHorizontalHeaderLabels({ tr("Provider"), QString(), tr("Connection") });
    m_ui->providersTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->providersTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->providersTable->verticalHeader()->hide();
    m_ui->providersTable->setRowCount(int(m_gateways.size()));
    for (int row = 0; row < m_gateways.size(); ++row) {
        m_ui->providersTable->setItem(row, NameColumn, new QTableWidgetItem(ProviderRules::displayName(m_gateways.at(row)->providerName())));
        auto *test = new QPushButton(tr("Test connection"), m_ui->providersTable);
        test->setObjectName(QStringLiteral("testConnectionButton%1").arg(row));
        connect(test, &QPushButton::clicked, this, [this, row] { testConnection(row); });
        m_ui->providersTable->setCellWidget(row, TestColumn, test);
        m_ui->providersTable->setItem(row, ResultColumn, new QTableWidgetItem(tr("not tested")));
    }
    // The schedule's floor comes from the shared rule, not from the form.
    m_ui->pollFirstSpin->setMinimum(int(PollLimits::kMinFirstMs));
    const auto [qrMinimum, qrMaximum] = Settings::range(Settings::Key::QrLifetimeMinutes);
    m_ui->qrLifetimeSpin->setRange(qrMinimum, qrMaximum);
    m_ui->settingsMessage->hide();
    connect(m_ui->buttonBox->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &SettingsDialog::save);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, &SettingsDialog::load);
    m_ui->buttonBox->button(QDialogButtonBox::Reset)->setText(tr("&Undo changes"));
    // Qt's own word for a standard button is not translated into Hindi: the page says it.
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setText(tr("Save settings"));
    connect(m_ui->changePinButton, &QPushButton::clicked, this, &SettingsDialog::changePin);
    load();
    refreshSecretStates();
}

SettingsDialog::~SettingsDialog() = default;

QString SettingsDialog::message() const
{
    return m_ui->settingsMessage->isHidden() ? QString() : m_ui->settingsMessage->text();
}

QString SettingsDialog::connectionResult(int row) const
{
    const QTableWidgetItem *item = m_ui->providersTable->item(row, ResultColumn);
    return item ? item->text() : QString();
}

void SettingsDialog::load()
{
    auto choose = [](QComboBox *combo, const QString &value) {
        const int index = combo->findData(value);
        combo->setCurrentIndex(index < 0 ? 0 : index);
    };
    m_ui->merchantNameEdit->setText(m_settings.string(Settings::Key::MerchantName));
    m_ui->merchantAddressEdit->setPlainText(m_settings.string(Settings::Key::MerchantAddress));
    m_ui->cashierEdit->setText(m_settings.string(Settings::Key::Cashier));
    m_ui->terminalEdit->setText(m_settings.string(Settings::Key::Terminal));
    m_ui->gstinEdit->setText(m_settings.string(Settings::Key::Gstin));
    const QString zone = m_settings.string(Settings::Key::TimeZone);
    const int zoneIndex = m_ui->timeZoneCombo->findData(zone);
    if (zoneIndex >= 0)
        m_ui->timeZoneCombo->setCurrentIndex(zoneIndex);
    else
        m_ui->timeZoneCombo->setEditText(zone);
    m_ui->saleCeilingEdit->setText(amountText(m_settings.value(Settings::Key::SaleCeilingMinor).toLongLong()));
    const qint64 confirmAbove = m_settings.value(Settings::Key::ConfirmAboveMinor).toLongLong();
    m_ui->confirmAboveEdit->setText(confirmAbove > 0 ? amountText(confirmAbove) : QString());
    m_ui->qrLifetimeSpin->setValue(m_settings.integer(Settings::Key::QrLifetimeMinutes));
    choose(m_ui->environmentCombo, m_settings.string(Settings::Key::Environment));
    m_ui->profilePathEdit->setText(m_settings.string(Settings::Key::ConfigPath));
    m_ui->pollFirstSpin->setValue(m_settings.integer(Settings::Key::PollFirstMs));
    m_ui->pollCapSpin->setValue(m_settings.integer(Settings::Key::PollCapMs));
    m_ui->pollGraceSpin->setValue(m_settings.integer(Settings::Key::PollGraceS));
    choose(m_ui->printerCombo, m_settings.string(Settings::Key::PrinterName));
    choose(m_ui->languageCombo, m_settings.string(Settings::Key::Language));
    m_ui->soundCheck->setChecked(m_settings.flag(Settings::Key::Sound));
    choose(m_ui->speechCombo, m_settings.string(Settings::Key::Speech));
    choose(m_ui->customerDisplayCombo, m_settings.string(Settings::Key::CustomerDisplay));
    m_ui->lockoutFailuresSpin->setValue(m_settings.integer(Settings::Key::LockoutFailures));
    m_ui->lockoutMinutesSpin->setValue(m_settings.integer(Settings::Key::LockoutMinutes));
    m_ui->idleMinutesSpin->setValue(m_settings.integer(Settings::Key::IdleLockMinutes));
}

bool SettingsDialog::save()
{
    if (const VoidResult allowed = m_access.authorize(AccessControl::Action::Settings); !allowed.ok()) {
        showMessage(allowed.errorMessage(), true);
        return false;
    }
    // First and cap are checked together (the rule in core/PollLimits.h) before anything is
    // written, so a refused pair leaves both as they were.
    const QString pollProblem = PollLimits::checkFirstAndCap(
            m_ui->pollFirstSpin->value(), m_ui->pollCapSpin->value(),
            Settings::keyName(Settings::Key::PollFirstMs), Settings::keyName(Settings::Key::PollCapMs));
    if (!pollProblem.isEmpty()) {
        showMessage(pollProblem + u'.', true);
        return false;
    }
    QString why;
    const std::optional<qint64> ceiling = amountField(m_ui->saleCeilingEdit->text(), false, &why);
    if (!ceiling) {
        showMessage(tr("Largest sale: %1").arg(why), true);
        m_ui->saleCeilingEdit->setFocus();
        return false;
    }
    const std::optional<qint64> confirmAbove = amountField(m_ui->confirmAboveEdit->text(), true, &why);
    if (!confirmAbove) {
        showMessage(tr("Confirm in words above: %1").arg(why), true);
        m_ui->confirmAboveEdit->setFocus();
        return false;
    }
    // A zone from the list is its id; anything else typed is taken as an id (and checked).
    const QString zoneText = m_ui->timeZoneCombo->currentText().trimmed();
    const int zoneIndex = m_ui->timeZoneCombo->findText(zoneText);
    const QString zone = zoneIndex >= 0 ? m_ui->timeZoneCombo->itemData(zoneIndex).toString() : zoneText;
    const std::pair<Settings::Key, QVariant> values[] = {
        { Settings::Key::MerchantName, m_ui->merchantNameEdit->text().trimmed() },
        { Settings::Key::MerchantAddress, m_ui->merchantAddressEdit->toPlainText().trimmed() },
        { Settings::Key::Cashier, m_ui->cashierEdit->text().trimmed() },
        { Settings::Key::Terminal, m_ui->terminalEdit->text().trimmed() },
        { Settings::Key::Gstin, m_ui->gstinEdit->text().trimmed().toUpper() },
        { Settings::Key::TimeZone, zone },
        { Settings::Key::SaleCeilingMinor, *ceiling },
        { Settings::Key::ConfirmAboveMinor, *confirmAbove },
        { Settings::Key::QrLifetimeMinutes, m_ui->qrLifetimeSpin->value() },
        { Settings::Key::Environment, m_ui->environmentCombo->currentData() },
        { Settings::Key::ConfigPath, m_ui->profilePathEdit->text().trimmed() },
        { Settings::Key::PollFirstMs, m_ui->pollFirstSpin->value() },
        { Settings::Key::PollCapMs, m_ui->pollCapSpin->value() },
        { Settings::Key::PollGraceS, m_ui->pollGraceSpin->value() },
        { Settings::Key::PrinterName, m_ui->printerCombo->currentData() },
        { Settings::Key::Language, m_ui->languageCombo->currentData() },
        { Settings::Key::Sound, m_ui->soundCheck->isChecked() },
        { Settings::Key::Speech, m_ui->speechCombo->currentData() },
        { Settings::Key::CustomerDisplay, m_ui->customerDisplayCombo->currentData() },
        { Settings::Key::LockoutFailures, m_ui->lockoutFailuresSpin->value() },
        { Settings::Key::LockoutMinutes, m_ui->lockoutMinutesSpin->value() },
        { Settings::Key::IdleLockMinutes, m_ui->idleMinutesSpin->value() },
    };
    // Every field is checked before any is written: a refused form leaves the file as it was.
    QStringList problems;
    for (const auto &[key, value] : values) {
        if (const VoidResult valid = m_settings.check(key, value); !valid.ok())
            problems << valid.errorMessage();
    }
    if (!problems.isEmpty()) {
        showMessage(problems.join(QLatin1Char(' ')), true);
        return false;
    }
    QStringList changed;
    for (const auto &[key, value] : values) {
        const QVariant before = m_settings.value(key);
        const VoidResult written = m_settings.setValue(key, value);
        if (!written.ok())
            problems << written.errorMessage();
        else if (m_settings.value(key) != before)
            changed << Settings::keyName(key);
    }
    m_settings.sync();
    if (!changed.isEmpty())
        m_access.audit(QStringLiteral("settings_changed"), QString(), changed.join(QStringLiteral(", ")));
    m_access.noteActivity();
    if (!problems.isEmpty()) {
        showMessage(problems.join(QLatin1Char(' ')), true);
        return false;
    }
    showMessage(changed.isEmpty() ? tr("Nothing changed.") : tr("Saved %1 settings.").arg(changed.size()), false);
    emit saved(changed);
    return true;
}

std::optional<qint64> SettingsDialog::amountField(const QString &text, bool emptyIsZero, QString *why) const
{
    const QString trimmed = text.trimmed();
    if (emptyIsZero && (trimmed.isEmpty() || trimmed == QLatin1String("0")))
        return 0;
    const Result<Money> money = Money::parse(trimmed, storeCurrency(), QLocale());
    if (!money) {
        *why = money.errorMessage();
        return std::nullopt;
    }
    return money.value().minorUnits();
}

QString SettingsDialog::amountText(qint64 minorUnits) const
{
    const Result<Money> money = Money::fromMinorUnits(minorUnits, storeCurrency());
    return money ? money.value().toDisplayString(QLocale()) : QString::number(minorUnits);
}

namespace {
struct SecretField
{
    SecretSource::Secret which;
    QLineEdit *edit;
    QLabel *state;
};

// Each key the providers page takes: which secret, its field and its "stored / not set" label.
std::array<SecretField, 4> secretFields(const Ui::SettingsDialog &ui)
{
    return { { { SecretSource::Secret::JuspayApiKey, ui.juspayApiKeyEdit, ui.juspayApiKeyState },
               { SecretSource::Secret::CmComClientId, ui.cmcomClientIdEdit, ui.cmcomClientIdState },
               { SecretSource::Secret::CmComClientSecret, ui.cmcomClientSecretEdit, ui.cmcomClientSecretState },
               { SecretSource::Secret::GooglePayServiceAccountFile, ui.googleKeyEdit, ui.googleKeyState } } };
}
} // namespace

void SettingsDialog::refreshSecretStates()
{
    if (!m_secrets)
        return;
    const std::array<SecretField, 4> fields = secretFields(*m_ui);
    QPointer<SettingsDialog> self(this);
    for (const SecretField &field : fields) {
        QPointer<QLabel> state(field.state);
        state->setText(tr("checking…"));
        // Only whether a value is there is shown; the value itself never reaches a widget.
        m_secrets->read(KeychainSecretSource::keyName(field.which), [self, state](const Result<QString> &stored) {
            if (!self || !state)
                return;
            if (stored.ok())
                state->setText(QStringLiteral("\u2714 ") + tr("stored"));
            else if (stored.errorCode() == QLatin1String("not_found"))
                state->setText(tr("not set"));
            else
                state->setText(QStringLiteral("\u26a0 ") + tr("keychain unavailable"));
        });
    }
}

void SettingsDialog::storeSecrets()
{
    if (!m_secrets)
        return;
    if (const VoidResult allowed = m_access.authorize(AccessControl::Action::Settings); !allowed.ok()) {
        showMessage(allowed.errorMessage(), true);
        emit secretsStored(false);
        return;
    }
    const std::array<SecretField, 4> fields = secretFields(*m_ui);
    QList<std::pair<QString, QString>> pending;
    for (const SecretField &field : fields) {
        const QString value = field.edit->text().trimmed();
        if (value.isEmpty())
            continue;
        if (field.which == SecretSource::Secret::GooglePayServiceAccountFile && !QFileInfo(value).isReadable()) {
            showMessage(tr("The Google Pay key file %1 cannot be read.").arg(value), true);
            field.edit->setFocus();
            emit secretsStored(false);
            return;
        }
        pending.append({ KeychainSecretSource::keyName(field.which), value });
    }
    if (pending.isEmpty()) {
        showMessage(tr("Type a key first; empty fields keep the stored keys."), true);
        emit secretsStored(false);
        return;
    }
    m_ui->storeSecretsButton->setEnabled(false);
    writeSecrets(pending, {});
}

void SettingsDialog::writeSecrets(QList<std::pair<QString, QString>> pending, QStringList written)
{
    if (pending.isEmpty()) {
        m_ui->storeSecretsButton->setEnabled(true);
        for (const SecretField &field : secretFields(*m_ui))
            field.edit->clear();
        m_access.audit(QStringLiteral("secrets_changed"), QString(), written.join(QStringLiteral(", ")));
        m_access.noteActivity();
        showMessage(tr("Stored %1 keys in the keychain. They are used after a restart.").arg(written.size()), false);
        refreshSecretStates();
        emit secretsStored(true);
        return;
    }
    const auto [key, value] = pending.takeFirst();
    QPointer<SettingsDialog> self(this);
    m_secrets->write(key, value, [self, key = key, pending, written](const VoidResult &stored) mutable {
        if (!self)
            return;
        if (!stored.ok()) {
            self->m_ui->storeSecretsButton->setEnabled(true);
            if (!written.isEmpty())
                self->m_access.audit(QStringLiteral("secrets_changed"), QString(), written.join(QStringLiteral(", ")));
            self->showMessage(tr("The keychain did not take %1: %2").arg(key, stored.errorMessage()), true);
            self->refreshSecretStates();
            emit self->secretsStored(false);
            return;
        }
        written << key;
        self->writeSecrets(pending, written);
    });
}

void SettingsDialog::testConnection(int row)
{
    if (row < 0 || row >= m_gateways.size())
        return;
    m_ui->providersTable->item(row, ResultColumn)->setText(tr("Testing…"));
    auto *tester = new ConnectionTester(this);
    QPointer<SettingsDialog> self(this);
    connect(tester, &ConnectionTester::finished, this, [self, tester, row](const QString &, bool ok, const QString &words) {
        tester->deleteLater();
        if (!self)
            return;
        QTableWidgetItem *item = self->m_ui->providersTable->item(row, ResultColumn);
        item->setText((ok ? QStringLiteral("\u2714 ") : QStringLiteral("\u26a0 ")) + words);
        item->setForeground(ok ? QColor(0x1d, 0x6b, 0x33) : QColor(0xb3, 0x1d, 0x1d));
    });
    tester->test(*m_gateways.at(row));
}

void SettingsDialog::changePin()
{
    const QString pin = m_ui->newPinEdit->text();
    if (const VoidResult valid = ManagerPin::validate(pin); !valid.ok()) {
        showMessage(tr("The new PIN must be %1 to %2 digits.").arg(ManagerPin::kMinimumLength).arg(ManagerPin::kMaximumLength), true);
        return;
    }
    if (m_ui->newPinAgainEdit->text() != pin) {
        showMessage(tr("The two new PINs differ."), true);
        return;
    }
    QPointer<SettingsDialog> self(this);
    m_access.setPin(pin, [self](const VoidResult &stored) {
        if (!self)
            return;
        self->m_ui->newPinEdit->clear();
        self->m_ui->newPinAgainEdit->clear();
        self->showMessage(stored.ok() ? tr("The manager PIN was changed.") : stored.errorMessage(), !stored.ok());
    });
}

void SettingsDialog::showMessage(const QString &text, bool error)
{
    m_ui->settingsMessage->setText(text);
    m_ui->settingsMessage->setStyleSheet(error ? QStringLiteral("color: #ffffff; background: #b31d1d; padding: 2px 6px; "
                                                                "border-radius: 4px;")
                                               : QString());
    m_ui->settingsMessage->setVisible(!text.isEmpty());
}
