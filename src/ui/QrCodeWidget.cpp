#include "ui/QrCodeWidget.h"

#include <QPainter>

#include <qrencode.h>

QrCodeWidget::QrCodeWidget(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Payment QR code"));
}

QrCodeWidget::~QrCodeWidget() = default;

QByteArray QrCodeWidget::encode(const QString &text, int *width)
{
    *width = 0;
    if (text.isEmpty())
        return {};
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    if (!code)
        return {};
    const int w = code->width;
    QByteArray bits(w * w, '\0');
    for (int i = 0; i < w * w; ++i)
        bits[i] = char(code->data[i] & 1);
    QRcode_free(code);
    *width = w;
    return bits;
}

bool QrCodeWidget::setText(const QString &text)
{
    m_text = text;
    m_bits = encode(text, &m_modules);
    setToolTip(text);
    update();
    return text.isEmpty() || m_modules > 0;
}

QImage QrCodeWidget::toImage(int modulePixels) const
{
    if (m_modules <= 0 || modulePixels <= 0)
        return {};
    const int total = (m_modules + 2 * kQuietZoneModules) * modulePixels;
    QImage image(total, total, QImage::Format_Grayscale8);
    image.fill(255);
    QPainter painter(&image);
    for (int y = 0; y < m_modules; ++y) {
        for (int x = 0; x < m_modules; ++x) {
            if (m_bits.at(y * m_modules + x)) {
                painter.fillRect((x + kQuietZoneModules) * modulePixels, (y + kQuietZoneModules) * modulePixels,
                                 modulePixels, modulePixels, Qt::black);
            }
        }
    }
    return image;
}

QSize QrCodeWidget::sizeHint() const
{
    return { 320, 320 };
}

QSize QrCodeWidget::minimumSizeHint() const
{
    return { 180, 180 };
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int side = qMin(width(), height());
    if (m_modules <= 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, m_text.isEmpty() ? QString() : tr("QR unavailable"));
        return;
    }
    // Whole pixels per module: a blurred module edge is what makes cameras fail.
    const int modulePixels = qMax(1, side / (m_modules + 2 * kQuietZoneModules));
    const QImage image = toImage(modulePixels);
    const QPoint origin((width() - image.width()) / 2, (height() - image.height()) / 2);
    painter.drawImage(origin, image);
}
