#pragma once

#include "core/Result.h"
#include "gateway/profile/GatewayProfile.h"

// Reads a profile INI file. Every problem fails the load with a message that names the file
// and the key: a secret-looking key (api_key, client_secret, private_key, password, token,
// secret...), a missing merchant id, a bad URL, an unreadable or invalid key/CA file, a CA
// file for a production URL. Error codes: profile_unreadable, profile_secret,
// profile_missing, profile_bad_value, profile_bad_file.
class ProfileLoader
{
public:
    static Result<GatewayProfile> load(const QString &path);

    // "sandbox"/empty -> the provider's sandbox URL, "production" -> its production URL,
    // otherwise an https URL (http only for loopback hosts).
    static Result<QUrl> resolveBaseUrl(const QString &value, const QString &sandboxUrl,
                                       const QString &productionUrl);
    static bool isSecretKey(const QString &key);
};
