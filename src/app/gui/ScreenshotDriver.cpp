#include "ScreenshotDriver.h"

#include "sandbox/SandboxServer.h"
#include "ui/CashierWindow.h"
#include "ui/CustomerDisplay.h"
#include "ui/HelpOverlay.h"
#include "ui/SaleForm.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QStyleFactory>
#include <QTextStream>
#include <QTimer>

ScreenshotDriver::ScreenshotDriver(CashierWindow &window, CustomerDisplay *display, SandboxServer &sandbox,
                                   const QString &dir, QObject *parent)
    : QObject(parent), m_window(window), m_display(display), m_sandbox(sandbox), m_dir(dir)
{
    m_dir.mkpath(QStringLiteral("."));
}

ScreenshotDriver::~ScreenshotDriver() = default;

void ScreenshotDriver::start()
{
    after(800);
}

void ScreenshotDriver::after(int ms)
{
    QTimer::singleShot(ms, this, &ScreenshotDriver::step);
}

void ScreenshotDriver::save(QWidget *widget, const QString &name)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    const bool saved = widget->grab().save(path);
    QTextStream(stdout) << (saved ? "saved " : "FAILED ") << path << Qt::endl;
}

void ScreenshotDriver::typeSale(const QString &amount, const QString &mobile, const QString &method)
{
    auto *amountEdit = m_window.findChild<QLineEdit *>(QStringLiteral("amountEdit"));
    auto *mobileEdit = m_window.findChild<QLineEdit *>(QStringLiteral("mobileEdit"));
    auto *provider = m_window.findChild<QComboBox *>(QStringLiteral("providerCombo"));
    provider->setCurrentIndex(qMax(0, provider->findData(method)));
    amountEdit->setText(amount);
    mobileEdit->setText(mobile);
}

void ScreenshotDriver::step()
{
    switch (m_step++) {
    case 0:
        save(&m_window, QStringLiteral("idle"));
        typeSale(QStringLiteral("1,49,999.50"), QStringLiteral("98765 43210"));
        after(200);
        return;
    case 1:
        save(&m_window, QStringLiteral("idle-filled"));
        // Pay as the cashier does (the button): above the confirmation threshold the form
        // shows the amount in words first.
        if (auto *pay = m_window.findChild<QPushButton *>(QStringLiteral("payButton")))
            pay->click();
        m_step = 101;
        after(300);
        return;
    case 101:
        save(&m_window, QStringLiteral("confirm-amount"));
        m_step = 102;
        after(300);
        return;
    case 102:
        // "Yes" is usable once it is armed (a moment after the confirmation shows).
        if (auto *yes = m_window.findChild<QPushButton *>(QStringLiteral("confirmYesButton"));
            yes && m_window.saleForm()->isConfirming() && !yes->isEnabled()) {
            m_step = 102;
            after(100);
            return;
        } else if (yes) {
            yes->click();
        }
        m_step = 2;
        after(2500);
        return;
    case 2:
        save(&m_window, QStringLiteral("waiting-qr"));
        if (m_display)
            save(m_display, QStringLiteral("customer-display"));
        m_sandbox.approve(m_window.currentOrderId());
        after(2500);
        return;
    case 3:
        save(&m_window, QStringLiteral("paid"));
        if (m_display)
            save(m_display, QStringLiteral("customer-display-paid"));
        m_window.newSale();
        typeSale(QStringLiteral("250"), QStringLiteral("98765 43210"));
        m_window.pay();
        after(2500);
        return;
    case 4:
        m_sandbox.decline(m_window.currentOrderId());
        after(2500);
        return;
    case 5:
        save(&m_window, QStringLiteral("failed"));
        // A dynamic UPI QR sale: amount, then Enter, no mobile number.
        m_window.newSale();
        typeSale(QStringLiteral("149.50"), QString(), QStringLiteral("juspay-upi-qr"));
        m_window.pay();
        m_step = 201;
        after(2500);
        return;
    case 201:
        save(&m_window, QStringLiteral("upi-qr-waiting"));
        if (m_display)
            save(m_display, QStringLiteral("customer-display-upi-qr"));
        m_sandbox.approve(m_window.currentOrderId());
        m_step = 202;
        after(2500);
        return;
    case 202:
        save(&m_window, QStringLiteral("upi-qr-paid"));
        if (m_display)
            save(m_display, QStringLiteral("customer-display-upi-qr-paid"));
        m_window.newSale();
        m_window.helpOverlay()->toggle();
        m_step = 6;
        after(300);
        return;
    case 6:
        save(&m_window, QStringLiteral("help"));
        m_window.helpOverlay()->toggle();
        typeSale(QStringLiteral("12.345"), QStringLiteral("12345"));
        after(300);
        return;
    case 7:
        save(&m_window, QStringLiteral("invalid-input"));
        m_window.newSale();
        {
            // A dark palette at the smallest supported screen size.
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            QPalette dark;
            dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
            dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
            dark.setColor(QPalette::Base, QColor(0x2b, 0x2d, 0x31));
            dark.setColor(QPalette::Text, QColor(0xf0, 0xf0, 0xf0));
            dark.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3a));
            dark.setColor(QPalette::ButtonText, QColor(0xf0, 0xf0, 0xf0));
            dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xfd));
            dark.setColor(QPalette::HighlightedText, Qt::white);
            dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
            QApplication::setPalette(dark);
            m_window.resize(1024, 600);
            typeSale(QStringLiteral("149.50"), QStringLiteral("98765 43210"));
            m_window.pay();
        }
        after(2500);
        return;
    case 8:
        save(&m_window, QStringLiteral("dark-1024x600-waiting"));
        m_window.cancelOrClear();
        after(1000);
        return;
    default:
        QTextStream(stdout) << "screenshots done" << Qt::endl;
        QApplication::quit();
        return;
    }
}
