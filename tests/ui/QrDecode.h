#pragma once

#include <QImage>
#include <QString>

#include <ZXing/ReadBarcode.h>

// Test helper: decodes the QR code in rendered pixels with ZXing (an independent reader).
inline QString decodeQr(const QImage &rendered)
{
    const QImage grey = rendered.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return {};
    const std::string text = result.text();
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}
