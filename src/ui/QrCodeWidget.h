#pragma once

#include <QImage>
#include <QWidget>

// A QR code of a text (libqrencode), drawn black on white with a four-module quiet zone and
// scaled to whole pixels per module so a camera (or ZXing in the tests) reads it reliably.
class QrCodeWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QrCodeWidget)

public:
    static constexpr int kQuietZoneModules = 4;

    explicit QrCodeWidget(QWidget *parent = nullptr);
    ~QrCodeWidget() override;

    // Encodes at error-correction level M; an empty text clears the code. False when the text
    // cannot be encoded (too long).
    bool setText(const QString &text);
    QString text() const { return m_text; }
    bool hasCode() const { return m_modules > 0; }

    // The code as an image, `modulePixels` per module, quiet zone included; null when empty.
    QImage toImage(int modulePixels) const;
    // One byte per module (1 = dark), row-major, without the quiet zone.
    static QByteArray encode(const QString &text, int *width);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QByteArray m_bits;
    int m_modules = 0;
};
