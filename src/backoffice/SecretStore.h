#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

// Where secrets live (the manager PIN hash, gateway API keys and client secrets): the OS
// keychain in the app (KeychainSecretStore), memory in tests (MemorySecretStore). Never
// QSettings, never a file.
//
// Asynchronous like the keychain itself: every call completes its callback exactly once,
// later, on the store's thread (never inside the call). Errors: "not_found" when the key has no
// value, "keychain_unavailable" when there is no usable keychain.
class SecretStore
{
public:
    using ReadDone = std::function<void(const Result<QString> &)>;
    using Done = std::function<void(const VoidResult &)>;

    virtual ~SecretStore();

    virtual void read(const QString &key, ReadDone done) = 0;
    virtual void write(const QString &key, const QString &value, Done done) = 0;
    // Removing a key that has no value succeeds (the outcome is the same).
    virtual void remove(const QString &key, Done done) = 0;

    // The key of the manager PIN's hash.
    static QString managerPinKey() { return QStringLiteral("manager-pin"); }
    static Error notFound(const QString &key);
};
