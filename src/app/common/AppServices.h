#pragma once

#include "app/common/AppOptions.h"
#include "app/common/StaticSecretSource.h"
#include "core/Result.h"
#include "gateway/profile/GatewayProfile.h"

#include <QMap>
#include <QObject>
#include <QStringList>

#include <memory>

class CheckoutEngine;
class HttpClient;
class Ledger;
class PaymentGateway;
class QNetworkAccessManager;
class QTemporaryDir;
class SandboxServer;
class SqliteLedger;

// Everything an executable needs, wired once: the ledger (opened and checked), the gateways
// the profile configures, the checkout engine, and in demo mode an in-process sandbox that
// plays every provider. The CLI and the GUI are thin faces over this.
class AppServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppServices)

public:
    // Error codes: profile_* / secret_* from the gateway layer, the ledger's open errors
    // (not_a_ledger, damaged, foreign_database, newer_schema ...), key_file_too_open,
    // sandbox_* in demo mode.
    static Result<std::unique_ptr<AppServices>> create(const AppOptions &options,
                                                       const SecretSource *secrets = nullptr);
    ~AppServices() override;

    static QString defaultDataDir();
    // Where create() opens the ledger for these options.
    static QString ledgerPathFor(const AppOptions &options);

    Ledger &ledger();
    CheckoutEngine &engine();
    QList<PaymentGateway *> gateways() const { return m_gateways; }
    PaymentGateway *gateway(const QString &provider) const;
    QStringList providers() const;
    // Why a provider the profile names could not be set up, for messages: all of them as
    // "spec: reason" lines, or the reason for one spec (empty when it was not skipped).
    // A face mentions a skipped provider only when it is asked for, never on every run.
    QStringList skippedProviders() const;
    QString skipReason(const QString &provider) const { return m_skipped.value(provider); }
    SandboxServer *sandbox() const { return m_sandbox.get(); }
    QString ledgerPath() const { return m_ledgerPath; }
    const AppOptions &options() const { return m_options; }

private:
    explicit AppServices(AppOptions options);
    VoidResult startDemo();
    VoidResult loadProfile(const SecretSource *secrets);
    VoidResult checkRequiredProvider() const;
    VoidResult openLedger();

    AppOptions m_options;
    GatewayProfile m_profile;
    StaticSecretSource m_demoSecrets;
    std::unique_ptr<QTemporaryDir> m_demoDir;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_http;
    QList<PaymentGateway *> m_gateways;
    QMap<QString, QString> m_skipped; // provider spec -> why it was not set up
    QString m_ledgerPath;
    std::unique_ptr<SqliteLedger> m_ledger;
    std::unique_ptr<CheckoutEngine> m_engine;
};
