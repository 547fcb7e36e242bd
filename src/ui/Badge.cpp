#include "ui/Badge.h"

#include <QPainter>

Badge::Badge(QWidget *parent) : QLabel(parent)
{
    setContentsMargins(6, 3, 6, 3);
}

Badge::~Badge() = default;

void Badge::setColors(const QColor &background, const QColor &text)
{
    m_background = background;
    QPalette colors = palette();
    colors.setColor(QPalette::WindowText, text);
    setPalette(colors);
    update();
}

void Badge::paintEvent(QPaintEvent *event)
{
    if (m_background.isValid()) {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_background);
        painter.drawRoundedRect(QRectF(rect()), 4, 4);
    }
    QLabel::paintEvent(event);
}
