#pragma once

#include <QString>

#include <optional>

// Where gateway secrets come from. Never from the profile file. Headless use (CLI, tests,
// services) reads the environment (EnvironmentSecretSource); the GUI plugs in an OS-keychain
// implementation (QtKeychain, insecure fallback off) behind the same interface.
class SecretSource
{
public:
    enum class Secret {
        JuspayApiKey,                // COUNTERPAY_JUSPAY_API_KEY
        CmComClientId,               // COUNTERPAY_CMCOM_CLIENT_ID
        CmComClientSecret,           // COUNTERPAY_CMCOM_CLIENT_SECRET
        GooglePayServiceAccountFile, // COUNTERPAY_GOOGLEPAY_SERVICE_ACCOUNT_FILE (a path)
    };

    virtual ~SecretSource();
    // nullopt when the secret is not available from this source.
    virtual std::optional<QString> secret(Secret which) const = 0;

    static QString environmentName(Secret which);
};

class EnvironmentSecretSource final : public SecretSource
{
public:
    std::optional<QString> secret(Secret which) const override;
};
