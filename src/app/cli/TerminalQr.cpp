#include "app/cli/TerminalQr.h"

#include <qrencode.h>

#include <memory>

QString TerminalQr::render(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, void (*)(QRcode *)> code(QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                    QRcode_free);
    if (!code)
        return {};
    constexpr int kQuiet = 2;
    const int size = code->width;
    auto dark = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= size || y >= size)
            return false;
        return (code->data[y * size + x] & 1) != 0;
    };
    // Light modules are drawn as blocks (terminals are usually dark), dark ones as spaces.
    QString out;
    for (int y = -kQuiet; y < size + kQuiet; y += 2) {
        for (int x = -kQuiet; x < size + kQuiet; ++x) {
            const bool top = !dark(x, y);
            const bool bottom = !dark(x, y + 1);
            out += top && bottom ? QChar(0x2588) : top ? QChar(0x2580) : bottom ? QChar(0x2584) : QChar(u' ');
        }
        out += u'\n';
    }
    return out;
}
