#include "ui/HelpOverlay.h"

#include "ui_HelpOverlay.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMessageBox>
#include <QPainter>

HelpOverlay::HelpOverlay(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::HelpOverlay>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("helpOverlay"));
    QFont title = m_ui->helpTitle->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.4);
    m_ui->helpTitle->setFont(title);
    m_ui->helpCard->setMaximumWidth(560);
    m_ui->overlayLayout->setAlignment(m_ui->helpCard, Qt::AlignCenter);
    fillKeys();
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QWidget::hide);
    connect(m_ui->aboutButton, &QPushButton::clicked, this, [this] {
        QMessageBox::about(this, tr("About CounterPay"), aboutText());
    });
    parent->installEventFilter(this);
    hide();
}

HelpOverlay::~HelpOverlay() = default;

void HelpOverlay::fillKeys()
{
    const QList<QPair<QString, QString>> keys = {
        { QStringLiteral("0–9 . ⌫"), tr("Type the amount or the mobile number") },
        { QStringLiteral("Tab"), tr("Amount, mobile, Pay") },
        { tr("Enter"), tr("Pay; after a failure: retry; after a sale: new sale") },
        { QStringLiteral("Esc"), tr("Cancel the payment (press twice); on the form: clear it") },
        { QStringLiteral("F1"), tr("This help") },
        { QStringLiteral("F2"), tr("New sale") },
        { QStringLiteral("F3"), tr("Same customer as the last sale") },
        { QStringLiteral("F5"), tr("Check the status now") },
        { QStringLiteral("F6"), tr("Retry a failed, declined or expired payment") },
        { QStringLiteral("F7"), tr("Show QR instead; after a failed push, retry as a UPI QR") },
        { QStringLiteral("F8"), tr("Open the payment page here (act as the customer)") },
        { QStringLiteral("F9"), tr("Print the receipt") },
        { QStringLiteral("F10"), tr("Back office: history, end of day, refunds, settings") },
    };
    QString html = QStringLiteral("<table cellspacing='6'>");
    for (const auto &key : keys) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(key.first.toHtmlEscaped(), key.second.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_ui->keysLabel->setText(html);
}

QString HelpOverlay::aboutText()
{
    return tr("<h3>CounterPay %1</h3><p>A payment terminal for retail counters: Google Pay, CRED and "
              "wallets through Juspay, Google Pay directly and CM.com.</p><p>Built with Qt %2, running on "
              "Qt %3.</p>")
            .arg(QStringLiteral(COUNTERPAY_VERSION), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()));
}

QString HelpOverlay::keysText() const
{
    return m_ui->keysLabel->text();
}

void HelpOverlay::toggle()
{
    if (isVisible()) {
        hide();
        return;
    }
    setGeometry(parentWidget()->rect());
    raise();
    show();
    m_ui->closeButton->setFocus(Qt::OtherFocusReason);
}

bool HelpOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void HelpOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 150));
}

void HelpOverlay::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1) {
        hide();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void HelpOverlay::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillKeys();
    }
    QWidget::changeEvent(event);
}
