#include "ui/backoffice/SettingsDialog.h"

#include "backoffice/AccessControl.h"
#include "backoffice/ConnectionTester.h"
#include "backoffice/ManagerPin.h"
#include "backoffice/Settings.h"
#include "core/PollLimits.h"
#include "gateway/PaymentGateway.h"
#include "ui/ProviderNames.h"
#include "ui_SettingsDialog.h"

#include <QHeaderView>
#include <QPointer>
#include <QPrinterInfo>
#include <QPushButton>

namespace {
enum ProviderColumn { NameColumn, TestColumn, ResultColumn, ProviderColumnCount };
}

SettingsDialog::SettingsDialog(Settings &settings, AccessControl &access, const QList<PaymentGateway *> &gateways,
                               QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings), m_access(access),
      m_gateways(gateways)
{
    m_ui->setupUi(this);
    m_ui->environmentCombo->addItem(tr("Demo (no real money)"), QStringLiteral("demo"));
    m_ui->environmentCombo->addItem(tr("Sandbox (test systems)"), QStringLiteral("sandbox"));
    m_ui->environmentCombo->addItem(tr("Production (real payments)"), QStringLiteral("production"));
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("\u0939\u093f\u0928\u094d\u0926\u0940 (Hindi)"), QStringLiteral("hi"));
    m_ui->customerDisplayCombo->addItem(tr("When a second screen is connected"), QStringLiteral("auto"));
    m_ui->customerDisplayCombo->addItem(tr("Always"), QStringLiteral("on"));
    m_ui->customerDisplayCombo->addItem(tr("Never"), QStringLiteral("off"));
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
        m_ui->providersTable->setItem(row, NameColumn, new QTableWidgetItem(ProviderNames::display(m_gateways.at(row)->providerName())));
        auto *test = new QPushButton(tr("Test connection"), m_ui->providersTable);
        test->setObjectName(QStringLiteral("testConnectionButton%1").arg(row));
        connect(test, &QPushButton::clicked, this, [this, row] { testConnection(row); });
        m_ui->providersTable->setCellWidget(row, TestColumn, test);
        m_ui->providersTable->setItem(row, ResultColumn, new QTableWidgetItem(tr("not tested")));
    }
    // The schedule's floor comes from the shared rule, not from the form.
    m_ui->pollFirstSpin->setMinimum(int(PollLimits::kMinFirstMs));
    m_ui->settingsMessage->hide();
    connect(m_ui->buttonBox->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &SettingsDialog::save);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, &SettingsDialog::load);
    m_ui->buttonBox->button(QDialogButtonBox::Reset)->setText(tr("&Undo changes"));
    connect(m_ui->changePinButton, &QPushButton::clicked, this, &SettingsDialog::changePin);
    load();
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
    choose(m_ui->environmentCombo, m_settings.string(Settings::Key::Environment));
    m_ui->profilePathEdit->setText(m_settings.string(Settings::Key::ConfigPath));
    m_ui->pollFirstSpin->setValue(m_settings.integer(Settings::Key::PollFirstMs));
    m_ui->pollCapSpin->setValue(m_settings.integer(Settings::Key::PollCapMs));
    m_ui->pollGraceSpin->setValue(m_settings.integer(Settings::Key::PollGraceS));
    choose(m_ui->printerCombo, m_settings.string(Settings::Key::PrinterName));
    choose(m_ui->languageCombo, m_settings.string(Settings::Key::Language));
    m_ui->soundCheck->setChecked(m_settings.flag(Settings::Key::Sound));
    m_ui->speechCheck->setChecked(m_settings.flag(Settings::Key::Speech));
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
    const std::pair<Settings::Key, QVariant> values[] = {
        { Settings::Key::MerchantName, m_ui->merchantNameEdit->text().trimmed() },
        { Settings::Key::MerchantAddress, m_ui->merchantAddressEdit->toPlainText().trimmed() },
        { Settings::Key::Cashier, m_ui->cashierEdit->text().trimmed() },
        { Settings::Key::Terminal, m_ui->terminalEdit->text().trimmed() },
        { Settings::Key::Environment, m_ui->environmentCombo->currentData() },
        { Settings::Key::ConfigPath, m_ui->profilePathEdit->text().trimmed() },
        { Settings::Key::PollFirstMs, m_ui->pollFirstSpin->value() },
        { Settings::Key::PollCapMs, m_ui->pollCapSpin->value() },
        { Settings::Key::PollGraceS, m_ui->pollGraceSpin->value() },
        { Settings::Key::PrinterName, m_ui->printerCombo->currentData() },
        { Settings::Key::Language, m_ui->languageCombo->currentData() },
        { Settings::Key::Sound, m_ui->soundCheck->isChecked() },
        { Settings::Key::Speech, m_ui->speechCheck->isChecked() },
        { Settings::Key::CustomerDisplay, m_ui->customerDisplayCombo->currentData() },
        { Settings::Key::LockoutFailures, m_ui->lockoutFailuresSpin->value() },
        { Settings::Key::LockoutMinutes, m_ui->lockoutMinutesSpin->value() },
        { Settings::Key::IdleLockMinutes, m_ui->idleMinutesSpin->value() },
    };
    QStringList changed;
    QStringList problems;
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
