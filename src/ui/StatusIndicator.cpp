#include "ui/StatusIndicator.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace {

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

StatusIndicator::StatusIndicator(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("statusIndicator"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_phase = (m_phase + 1) % 12;
        update();
    });
    reset();
}

StatusIndicator::~StatusIndicator() = default;

void StatusIndicator::reset()
{
    m_state = PaymentState::Created;
    m_detail.clear();
    m_startedAt = m_expiresAt = m_lastCheck = QDateTime();
    m_tick.stop();
    refreshAccessibleText();
    update();
}

void StatusIndicator::setState(PaymentState state, const QString &detail)
{
    m_state = state;
    m_detail = detail;
    if (isWaiting())
        m_tick.start();
    else
        m_tick.stop();
    refreshAccessibleText();
    repaint(); // within the frame of the engine's signal, not at the next timer tick
}

void StatusIndicator::setStartedAt(const QDateTime &at)
{
    m_startedAt = at;
    update();
}

void StatusIndicator::setExpiresAt(const QDateTime &at)
{
    m_expiresAt = at;
    update();
}

void StatusIndicator::setLastCheck(const QDateTime &at)
{
    m_lastCheck = at;
    update();
}

bool StatusIndicator::isWaiting() const
{
    return m_state == PaymentState::Created || m_state == PaymentState::Submitting
           || m_state == PaymentState::AwaitingCustomer || m_state == PaymentState::Unknown;
}

QString StatusIndicator::wordsFor(PaymentState state)
{
    switch (state) {
    case PaymentState::Created: return tr("Starting");
    case PaymentState::Submitting: return tr("Sending to the gateway");
    case PaymentState::AwaitingCustomer: return tr("Waiting for the customer");
    case PaymentState::Charged: return tr("Paid");
    case PaymentState::Failed: return tr("Failed");
    case PaymentState::Declined: return tr("Declined by the customer");
    case PaymentState::Expired: return tr("Expired");
    case PaymentState::Cancelled: return tr("Cancelled");
    case PaymentState::Unknown: return tr("Outcome unknown, still checking");
    case PaymentState::Refunded: return tr("Refunded");
    case PaymentState::PartiallyRefunded: return tr("Partly refunded");
    }
    return PaymentStates::name(state);
}

QColor StatusIndicator::colourFor(PaymentState state, bool dark)
{
    switch (state) {
    case PaymentState::Charged: return dark ? QColor(0x5c, 0xd6, 0x7a) : QColor(0x0b, 0x7a, 0x2f);
    case PaymentState::Failed:
    case PaymentState::Declined:
    case PaymentState::Expired: return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x1d, 0x1d);
    case PaymentState::Unknown: return dark ? QColor(0xff, 0xb8, 0x4d) : QColor(0x9a, 0x52, 0x00);
    case PaymentState::Cancelled:
    case PaymentState::Refunded:
    case PaymentState::PartiallyRefunded: return dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x55, 0x55, 0x55);
    default: return dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x0b, 0x4f, 0xa8);
    }
}

QString StatusIndicator::stateText() const
{
    return wordsFor(m_state);
}

QString StatusIndicator::timingText() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList parts;
    if (m_startedAt.isValid())
        parts << tr("Elapsed %1").arg(formatDuration(m_startedAt.secsTo(now)));
    if (m_expiresAt.isValid() && isWaiting())
        parts << tr("Time left %1").arg(formatDuration(now.secsTo(m_expiresAt)));
    if (m_lastCheck.isValid())
        parts << tr("Last check %1").arg(m_lastCheck.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    return parts.join(QStringLiteral("  ·  "));
}

void StatusIndicator::refreshAccessibleText()
{
    setAccessibleName(stateText());
    setAccessibleDescription(m_detail);
}

QSize StatusIndicator::sizeHint() const
{
    const QFontMetrics metrics(font());
    return { 420, qMax(72, metrics.height() * 4) };
}

QSize StatusIndicator::minimumSizeHint() const
{
    return { 240, sizeHint().height() };
}

void StatusIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

void StatusIndicator::paintIcon(QPainter &painter, const QRectF &box, const QColor &colour) const
{
    const qreal w = box.width();
    QPen pen(colour, qMax<qreal>(3.0, w / 10.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const QRectF inner = box.adjusted(w * 0.12, w * 0.12, -w * 0.12, -w * 0.12);
    if (isWaiting() && m_state != PaymentState::Unknown) {
        // A rotating arc: visibly alive while nothing else changes.
        painter.drawArc(inner, -m_phase * 30 * 16, 270 * 16);
        return;
    }
    painter.drawEllipse(inner);
    const QPointF c = inner.center();
    const qreal r = inner.width() / 2;
    switch (m_state) {
    case PaymentState::Charged: {
        QPainterPath tick;
        tick.moveTo(c.x() - r * 0.45, c.y());
        tick.lineTo(c.x() - r * 0.1, c.y() + r * 0.35);
        tick.lineTo(c.x() + r * 0.5, c.y() - r * 0.35);
        painter.drawPath(tick);
        break;
    }
    case PaymentState::Failed:
    case PaymentState::Declined:
        painter.drawLine(QPointF(c.x() - r * 0.4, c.y() - r * 0.4), QPointF(c.x() + r * 0.4, c.y() + r * 0.4));
        painter.drawLine(QPointF(c.x() + r * 0.4, c.y() - r * 0.4), QPointF(c.x() - r * 0.4, c.y() + r * 0.4));
        break;
    case PaymentState::Expired:
        painter.drawLine(c, QPointF(c.x(), c.y() - r * 0.55));
        painter.drawLine(c, QPointF(c.x() + r * 0.4, c.y()));
        break;
    case PaymentState::Unknown: {
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(r * 1.2));
        painter.setFont(font);
        painter.drawText(inner, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    default:
        painter.drawLine(QPointF(c.x() - r * 0.45, c.y()), QPointF(c.x() + r * 0.45, c.y()));
        break;
    }
}

void StatusIndicator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool dark = isDarkPalette(palette());
    const QColor colour = colourFor(m_state, dark);

    QColor band = colour;
    band.setAlpha(dark ? 60 : 30);
    painter.setPen(QPen(colour, 2));
    painter.setBrush(band);
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 8, 8);

    const int side = height() - 16;
    paintIcon(painter, QRectF(10, 8, side, side), colour);

    const int textLeft = side + 22;
    QRect textRect(textLeft, 6, width() - textLeft - 10, height() - 12);
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(font().pointSizeF() * 1.5);
    painter.setFont(title);
    painter.setPen(dark ? colour.lighter(115) : colour.darker(110));
    const QFontMetrics titleMetrics(title);
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop, stateText());

    painter.setFont(font());
    painter.setPen(palette().color(QPalette::WindowText));
    textRect.setTop(textRect.top() + titleMetrics.height() + 2);
    const QString second = m_detail.isEmpty() ? timingText() : m_detail + u'\n' + timingText();
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, second);
}
