#pragma once

// Waits for one asynchronous callback (SecretStore, AccessControl) by running the event loop,
// bounded; never sleeps. The state is shared so a callback arriving after a timeout is harmless.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>

#include <memory>
#include <optional>

template<typename T, typename Call>
std::optional<T> awaitCallback(Call call, int timeoutMs = 10'000)
{
    auto result = std::make_shared<std::optional<T>>();
    call([result](const T &value) { *result = value; });
    const QDeadlineTimer deadline(timeoutMs);
    while (!result->has_value() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return *result;
}
