#pragma once

#include "core/Result.h"

#include <QString>

// A sale's order id, sent to every gateway: alphanumeric, at most 20 characters (Juspay wants
// fewer than 21), starting with the terminal's short prefix, the rest drawn from the system's
// cryptographic random source so ids are neither sequential nor guessable.
class OrderId
{
public:
    static constexpr int kMaxLength = 20;
    static constexpr int kMaxPrefixLength = 6;

    // prefix: 1..6 letters or digits naming the terminal, such as "T01".
    static Result<OrderId> generate(QStringView terminalPrefix);
    // Validates an id typed by a person or read back from a gateway.
    static Result<OrderId> fromString(QStringView text);
    // Validates a terminal prefix as generate() would.
    static std::optional<Error> checkPrefix(QStringView prefix);

    QString toString() const { return m_id; }
    bool operator==(const OrderId &other) const { return m_id == other.m_id; }
    bool operator!=(const OrderId &other) const { return m_id != other.m_id; }

private:
    explicit OrderId(QString id) : m_id(std::move(id)) { }
    QString m_id;
};
