#pragma once

#include "sandbox/SandboxKeys.h"
#include "sandbox/SandboxOptions.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUrl>

#include <functional>

class SandboxStore;

// What the provider APIs share: the options, the store, the keys, the seeded random source and
// the public base URL. Owned by SandboxServer; the APIs hold a reference.
class SandboxContext
{
public:
    SandboxContext(SandboxOptions options, SandboxStore *store);

    const SandboxOptions &options() const { return m_options; }
    SandboxStore &store() const { return *m_store; }
    const SandboxKeys &keys() const { return m_keys; }
    void setKeys(SandboxKeys keys) { m_keys = std::move(keys); }
    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    // Base URL + path, as text: "http://127.0.0.1:41234" + "/token".
    QString url(const QString &path) const;
    QDateTime now() const;

    // The UPI_QR profile now in force (starts as options().upi).
    const SandboxUpiProfile &upiProfile() const { return m_upiProfile; }
    void setUpiProfile(const SandboxUpiProfile &profile) { m_upiProfile = profile; }

    // Ids from the seeded generator, so --seed makes them repeatable.
    QString randomAlphanumeric(int length);
    QString randomDigits(int length);
    QString randomUuid();

    // Called when a payment is initiated, so the scenario can arm its timer.
    std::function<void(const QString &orderKey)> paymentStarted;
    // Expires a pending order whose own expiry time passed (SandboxCustomer::expireIfDue).
    std::function<void(const QString &orderKey)> expireIfDue;

private:
    SandboxOptions m_options;
    SandboxStore *m_store;
    SandboxKeys m_keys;
    QRandomGenerator m_random;
    QUrl m_baseUrl;
    SandboxUpiProfile m_upiProfile;
};
