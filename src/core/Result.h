#pragma once

#include "core/Error.h"

#include <utility>
#include <variant>

// Either a value or an Error. Nothing in CounterPay throws across the event loop; functions
// that can fail return a Result instead.
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) { }
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) { }

    static Result failure(QString code, QString message)
    {
        return Result(Error { std::move(code), std::move(message) });
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    // By value from a temporary, so `for (auto &x : f().value())` never dangles.
    T value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }

    const Error &error() const { return std::get<1>(m_data); }
    QString errorCode() const { return ok() ? QString() : error().code; }
    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, Error> m_data;
};

// For operations that succeed with nothing to return: `return ok();` or an Error.
using VoidResult = Result<std::monostate>;

inline VoidResult ok()
{
    return std::monostate {};
}
