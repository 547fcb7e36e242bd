#pragma once

#include <QByteArray>

// Comparison of secrets (MACs, tokens) whose time does not depend on where they differ.
class ConstantTime
{
public:
    // True if a and b hold the same bytes. Only the lengths may leak through timing.
    static bool equal(const QByteArray &a, const QByteArray &b);
};
