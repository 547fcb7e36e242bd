#pragma once

#include "core/Error.h"

#include <type_traits>
#include <utility>
#include <variant>

// Either a value or an error. Nothing in CounterPay throws across the event loop; functions
// that can fail return a Result instead. The error is core's Error unless a layer needs a
// richer one (the gateway's GatewayResult<T> is Result<T, GatewayError>).
template<typename T, typename E = Error>
class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) { }
    Result(E error) : m_data(std::in_place_index<1>, std::move(error)) { }

    // Result<T>::failure(code, message).
    template<typename U = E, std::enable_if_t<std::is_same_v<U, Error>, int> = 0>
    static Result failure(QString code, QString message)
    {
        return Result(Error { std::move(code), std::move(message) });
    }
    // Any other error type is built by its own E::make(...), e.g.
    // GatewayResult<T>::failure(kind, message, httpStatus = 0).
    template<typename... Args, typename U = E, std::enable_if_t<!std::is_same_v<U, Error>, int> = 0>
    static Result failure(Args &&...args)
    {
        return Result(U::make(std::forward<Args>(args)...));
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    // By value from a temporary, so `for (auto &x : f().value())` never dangles.
    T value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }

    const E &error() const & { return std::get<1>(m_data); }
    E &error() & { return std::get<1>(m_data); }

    // Empty when ok(). For core's Error only.
    QString errorCode() const
    {
        static_assert(std::is_same_v<E, Error>, "errorCode() is for Result<T, Error>");
        return ok() ? QString() : error().code;
    }
    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, E> m_data;
};

// For operations that succeed with nothing to return: `return ok();` or an Error.
using VoidResult = Result<std::monostate>;

inline VoidResult ok()
{
    return std::monostate {};
}
