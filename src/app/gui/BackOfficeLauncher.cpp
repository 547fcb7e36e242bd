#include "BackOfficeLauncher.h"

#include "app/common/AppServices.h"
#include "backoffice/AccessControl.h"
#include "backoffice/KeychainSecretStore.h"
#include "backoffice/ManagerActions.h"
#include "backoffice/Reconciler.h"
#include "backoffice/Settings.h"
#include "checkout/RefundService.h"
#include "core/Clock.h"
#include "ui/backoffice/BackOfficeWindow.h"
#include "ui/backoffice/FirstRunWizard.h"

#include <QScreen>
#include <QPointer>
#include <QWidget>

BackOfficeLauncher::BackOfficeLauncher(AppServices &services, Settings &settings, QLocale locale, QWidget *window,
                                       QObject *parent)
    : BackOfficeLauncher(services, settings, std::move(locale), window, std::make_unique<KeychainSecretStore>(), parent)
{
}

BackOfficeLauncher::BackOfficeLauncher(AppServices &services, Settings &settings, QLocale locale, QWidget *window,
                                       std::unique_ptr<SecretStore> secrets, QObject *parent)
    : QObject(parent),
      m_services(services),
      m_settings(settings),
      m_locale(std::move(locale)),
      m_window(window),
      m_secrets(std::move(secrets)),
      m_access(std::make_unique<AccessControl>(services.ledger(), *m_secrets, settings, Clock::system())),
      m_refunds(std::make_unique<RefundService>(services.ledger(), services.gateways(), Clock::system())),
      m_actions(std::make_unique<ManagerActions>(services.ledger(), services.engine(), *m_refunds, *m_access,
                                                 Clock::system())),
      m_reconciler(std::make_unique<Reconciler>(services.ledger(), services.gateways()))
{
    // The manager's role ends (Lock, the idle lock): what the till remembers about the last
    // customer goes with it.
    connect(m_access.get(), &AccessControl::roleChanged, this, [this](AccessControl::Role role) {
        if (role == AccessControl::Role::Cashier)
            emit locked();
    });
}

BackOfficeLauncher::~BackOfficeLauncher()
{
    // Windows first: they hold references to the services below.
    delete m_wizard.data();
    m_backOffice.reset();
}

void BackOfficeLauncher::open()
{
    if (!m_backOffice) {
        BackOfficeServices services { *m_actions, *m_access, m_settings, *m_secrets, m_services.gateways(),
                                      Clock::system(), m_locale, m_reconciler.get() };
        m_backOffice = std::make_unique<BackOfficeWindow>(services);
        connect(m_backOffice.get(), &BackOfficeWindow::setupRequested, this, &BackOfficeLauncher::showWizard);
        // Beside the cashier's window, not over it: a little smaller and 40 px down and right,
        // so the manager sees two windows (and the cashier's is still there behind).
        constexpr int kOffset = 40;
        if (m_window) {
            const QRect cashier = m_window->frameGeometry();
            QSize size = (m_window->size() - QSize(2 * kOffset, 2 * kOffset)).expandedTo(QSize(900, 560));
            QPoint at = cashier.topLeft() + QPoint(kOffset, kOffset);
            if (const QScreen *screen = m_window->screen()) {
                const QRect room = screen->availableGeometry();
                size = size.boundedTo(room.size() - QSize(kOffset, kOffset));
                at.setX(qBound(room.left(), at.x(), qMax(room.left(), room.right() - size.width())));
                at.setY(qBound(room.top(), at.y(), qMax(room.top(), room.bottom() - size.height())));
            }
            m_backOffice->resize(size);
            m_backOffice->move(at);
        } else {
            m_backOffice->resize(QSize(1100, 720));
        }
    }
    m_backOffice->show();
    m_backOffice->raise();
    m_backOffice->activateWindow();
}

void BackOfficeLauncher::openSetup()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    QPointer<BackOfficeLauncher> self(this);
    m_access->hasPin([self](const Result<bool> &hasPin) {
        if (!self)
            return;
        if (hasPin && hasPin.value())
            self->open();
        else
            self->showWizard();
    });
}

void BackOfficeLauncher::runFirstStartIfNeeded()
{
    // The demo needs no set-up: its cashier screen takes the keyboard at once, and the DEMO
    // banner offers "Set up for real payments" (openSetup).
    if (m_settings.flag(Settings::Key::FirstRunDone) || m_wizard
        || m_settings.string(Settings::Key::Environment) == QLatin1String("demo"))
        return;
    showWizard();
}

void BackOfficeLauncher::showWizard()
{
    const QString environmentBefore = m_settings.string(Settings::Key::Environment);
    const QString profileBefore = m_settings.string(Settings::Key::ConfigPath);
    m_wizard = new FirstRunWizard(m_settings, *m_secrets, *m_access, m_window);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QDialog::accepted, this, [this, environmentBefore, profileBefore] {
        if (m_settings.string(Settings::Key::Environment) != environmentBefore
            || m_settings.string(Settings::Key::ConfigPath) != profileBefore) {
            emit restartNeeded(tr("CounterPay will use the new payment settings after a restart."));
        }
    });
    m_wizard->open(); // window-modal over the cashier's window; the demo keeps running behind it
}
