#pragma once

#include <QString>

// A QR code drawn with Unicode half blocks, two modules per character row, with the quiet
// zone a scanner needs. For `pay --qr` in a terminal.
class TerminalQr
{
public:
    // Empty when the text cannot be encoded.
    static QString render(const QString &text);
};
