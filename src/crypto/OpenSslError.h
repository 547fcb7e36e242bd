#pragma once

#include <QString>

// Turns OpenSSL's thread-local error queue into one readable sentence for an Error message.
// Internal to counterpay_crypto. The queue never holds key material, only library/reason names.
class OpenSslError
{
public:
    // "<context>: <reason>; <reason>" and empties the queue. Falls back to "<context>" alone.
    static QString take(const QString &context);
    // Empties the queue without reading it (before an operation whose failure we report ourselves).
    static void clear();
};
