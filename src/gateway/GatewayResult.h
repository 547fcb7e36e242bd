#pragma once

#include "gateway/GatewayError.h"

#include <utility>
#include <variant>

// Either a typed value or a GatewayError; the gateway counterpart of core's Result<T>,
// with the richer error the checkout engine needs.
template<typename T>
class GatewayResult
{
public:
    GatewayResult(T value) : m_data(std::in_place_index<0>, std::move(value)) { }
    GatewayResult(GatewayError error) : m_data(std::in_place_index<1>, std::move(error)) { }

    static GatewayResult failure(GatewayError::Kind kind, QString message, int httpStatus = 0)
    {
        GatewayError error;
        error.kind = kind;
        error.message = std::move(message);
        error.httpStatus = httpStatus;
        return GatewayResult(std::move(error));
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    // By value from a temporary, so `for (auto &x : f().value())` never dangles.
    T value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }

    const GatewayError &error() const & { return std::get<1>(m_data); }
    GatewayError &error() & { return std::get<1>(m_data); }

private:
    std::variant<T, GatewayError> m_data;
};
