#include "GuiStartup.h"

#include "app/gui/terminal/Terminal.h"
#include "ui/CashierWindow.h"
#include "ui/NavigationFilter.h"
#include "ui/UiPluginLoader.h"

#include <QCoreApplication>
#include <QTimer>

GuiStartup::GuiStartup(AppOptions options, CashierWindow &window, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_window(window)
{
}

GuiStartup::~GuiStartup()
{
    m_terminal.reset(); // its engine reports to m_checkout
}

void GuiStartup::start()
{
    if (m_started)
        return;
    m_started = true;
    QTimer::singleShot(0, this, [this] {
        QString error;
        QObject *root = UiPluginLoader::load(QStringLiteral("counterpay_terminal"), &error);
        auto *factory = qobject_cast<TerminalFactory *>(root);
        if (!factory) {
            if (root)
                error = QCoreApplication::translate("GuiStartup", "the terminal plugin is from another version");
            emit failed(QCoreApplication::translate("GuiStartup", "Cannot start the payment terminal: %1").arg(error));
            return;
        }
        m_terminal = factory->createTerminal();
        m_terminal->open(m_options, m_checkout, [this](const QString &failure) { opened(failure); });
    });
}

void GuiStartup::opened(const QString &error)
{
    if (!error.isEmpty()) {
        emit failed(error);
        return;
    }
    m_checkout.setBackend(&m_terminal->checkout());
    m_window.setNavigationFilter(NavigationFilter(NavigationFilter::defaultGatewayHosts(), m_terminal->sandboxUrl()));
    m_window.attachEngine(m_checkout, m_checkout.providers());
    m_terminal->resumeOpenOrders();
    emit finished();
}
