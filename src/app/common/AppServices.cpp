#include "app/common/AppServices.h"

#include "checkout/CheckoutEngine.h"
#include "crypto/RsaKey.h"
#include "gateway/HttpClient.h"
#include "gateway/PaymentGateway.h"
#include "gateway/googlepay/GoogleServiceAccount.h"
#include "gateway/profile/GatewayFactory.h"
#include "gateway/profile/ProfileLoader.h"
#include "sandbox/SandboxServer.h"
#include "storage/DeviceKeyFile.h"
#include "storage/LedgerInspector.h"
#include "storage/SqliteLedger.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>

Q_LOGGING_CATEGORY(lcApp, "counterpay.app")

namespace {

// The demo configures every provider the sandbox plays, including one inline-order wallet
// (GOPAY: the sandbox authenticates it with a POST form, as Juspay's example does).
const QStringList kDemoWallets = { QStringLiteral("GOPAY") };

} // namespace

AppServices::AppServices(AppOptions options) : m_options(std::move(options)) { }

AppServices::~AppServices()
{
    // The engine and gateways talk to the ledger and the sandbox: tear down top to bottom.
    m_engine.reset();
    qDeleteAll(m_gateways);
    m_gateways.clear();
    m_http.reset();
    m_network.reset();
    m_ledger.reset();
    m_sandbox.reset();
}

QString AppServices::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<std::unique_ptr<AppServices>> AppServices::create(const AppOptions &options, const SecretSource *secrets)
{
    std::unique_ptr<AppServices> services(new AppServices(options));
    // A profile is read and checked before the ledger is opened: a refused profile (or a
    // provider it does not configure) leaves no ledger file and no device key behind.
    if (!options.ledgerOnly && !options.demo) {
        if (VoidResult profile = services->loadProfile(secrets); !profile)
            return profile.error();
        if (VoidResult provider = services->checkRequiredProvider(); !provider)
            return provider.error();
    }
    if (VoidResult ledger = services->openLedger(); !ledger)
        return ledger.error();
    if (!options.ledgerOnly && options.demo) {
        if (VoidResult demo = services->startDemo(); !demo)
            return demo.error();
        if (VoidResult provider = services->checkRequiredProvider(); !provider)
            return provider.error();
    }

    CheckoutEngine::Config config;
    config.terminal = options.terminal;
    config.saleCeilingMinor = options.saleCeilingMinor;
    if (options.pollPolicy)
        config.defaultPolicy = *options.pollPolicy;
    services->m_engine = std::make_unique<CheckoutEngine>(*services->m_ledger, services->m_gateways, config);
    return services;
}

QString AppServices::ledgerPathFor(const AppOptions &options)
{
    return options.dbPath.isEmpty() ? defaultDataDir() + QStringLiteral("/ledger.sqlite") : options.dbPath;
}

VoidResult AppServices::openLedger()
{
    m_ledgerPath = ledgerPathFor(m_options);
    const QFileInfo info(m_ledgerPath);
    if (!QDir().mkpath(info.absolutePath())) {
        return Error { QStringLiteral("unwritable"),
                       QStringLiteral("Cannot create the folder for the ledger '%1'.").arg(m_ledgerPath) };
    }
    const QString keyPath = m_options.keyPath.isEmpty() ? info.absolutePath() + QStringLiteral("/device.key")
                                                        : m_options.keyPath;
    // A ledger that holds phone numbers sealed under a device key needs that key: a missing
    // key is never quietly replaced by a new one (the numbers would be lost for good), and a
    // key that does not open them is not the right one.
    const Result<QByteArray> sealed = LedgerInspector::sampleSealedPhone(m_ledgerPath);
    if (!sealed)
        return sealed.error();
    if (!sealed->isEmpty() && !QFileInfo::exists(keyPath)) {
        return Error { QStringLiteral("device_key_missing"),
                       QStringLiteral("The device key '%1' is missing, and the ledger '%2' holds customers' phone numbers "
                                      "sealed with it; without it they cannot be read. Restore that device.key from a "
                                      "backup (owner-only, chmod 600); no new key was made and nothing was written.")
                               .arg(keyPath, m_ledgerPath) };
    }
    const Result<QByteArray> key = DeviceKeyFile::loadOrCreate(keyPath);
    if (!key)
        return key.error();
    const Result<PhoneVault> vault = PhoneVault::fromKey(key.value());
    if (!vault)
        return vault.error();
    if (!sealed->isEmpty() && !vault->open(sealed.value())) {
        return Error { QStringLiteral("device_key_foreign"),
                       QStringLiteral("The device key '%1' is not the one the phone numbers in the ledger '%2' were "
                                      "sealed with. Restore the device.key that belongs to this ledger from a backup; "
                                      "nothing was written.")
                               .arg(keyPath, m_ledgerPath) };
    }
    auto ledger = SqliteLedger::open(m_ledgerPath, vault.value());
    if (!ledger)
        return ledger.error();
    m_ledger = std::move(ledger).value();
    return ok();
}

VoidResult AppServices::startDemo()
{
    // The demo gateway keeps its orders and keys next to the ledger, so demo sales resume
    // after a restart like real ones do, and its RSA keys are made once rather than each start.
    SandboxOptions sandboxOptions;
    sandboxOptions.scenario = m_options.demoScenario;
    sandboxOptions.stateFile = QFileInfo(m_ledgerPath).absolutePath() + QStringLiteral("/demo-sandbox.json");
    m_sandbox = std::make_unique<SandboxServer>(sandboxOptions);
    Result<QUrl> base = m_sandbox->start();
    if (!base && base.errorCode().startsWith(QLatin1String("sandbox_state"))) {
        // A damaged demo state must not keep the demo from starting: run from memory instead
        // and leave the file for inspection.
        qCWarning(lcApp).noquote() << "demo sandbox state unusable, starting without it:" << base.errorMessage();
        sandboxOptions.stateFile.clear();
        m_sandbox = std::make_unique<SandboxServer>(sandboxOptions);
        base = m_sandbox->start();
    }
    if (!base)
        return base.error();

    m_profile = GatewayProfile();
    m_profile.filePath = QStringLiteral("(demo)");
    m_profile.timeoutMs = m_options.httpTimeoutMs;
    m_profile.hasJuspay = m_profile.hasGooglePay = m_profile.hasCmCom = true;
    m_profile.juspayWallets = kDemoWallets;
    m_profile.juspay.baseUrl = base.value();
    m_profile.juspay.merchantId = sandboxOptions.juspayMerchantId;
    const Result<RsaKey> credKey = RsaKey::fromPem(m_sandbox->credPublicKeyPem());
    if (!credKey)
        return credKey.error();
    m_profile.juspay.credPublicKey = credKey.value();
    m_profile.juspay.upiQrLifetimeMinutes = m_options.upiQrLifetimeMinutes;
    m_profile.googlePay.baseUrl = base.value();
    m_profile.googlePay.googleMerchantId = sandboxOptions.googleMerchantId;
    m_profile.cmcom.baseUrl = base.value();

    // The service-account key the sandbox issued goes to a private temporary file, because
    // the gateway reads keys from files (as it does in production).
    m_demoDir = std::make_unique<QTemporaryDir>();
    const QString accountPath = m_demoDir->filePath(QStringLiteral("google-service-account.json"));
    QFile account(accountPath);
    if (!m_demoDir->isValid() || !account.open(QIODevice::WriteOnly)) {
        return Error { QStringLiteral("unwritable"), QStringLiteral("Cannot write the demo's temporary files.") };
    }
    account.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    account.write(m_sandbox->googleServiceAccountJson());
    account.close();

    using Secret = SecretSource::Secret;
    m_demoSecrets.set(Secret::JuspayApiKey, sandboxOptions.juspayApiKey);
    m_demoSecrets.set(Secret::CmComClientId, sandboxOptions.cmClientId);
    m_demoSecrets.set(Secret::CmComClientSecret, sandboxOptions.cmClientSecret);
    m_demoSecrets.set(Secret::GooglePayServiceAccountFile, accountPath);

    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_network.get(), m_profile.httpOptions());
    const QStringList specs = GatewayFactory::configuredSpecs(m_profile);
    for (const QString &spec : specs) {
        const Result<PaymentGateway *> gateway = GatewayFactory::create(spec, m_profile, m_demoSecrets, m_http.get());
        if (!gateway)
            return gateway.error();
        m_gateways.append(gateway.value());
    }
    return ok();
}

VoidResult AppServices::loadProfile(const SecretSource *secrets)
{
    if (m_options.configPath.isEmpty()) {
        return Error { QStringLiteral("profile_missing"),
                       QStringLiteral("No gateway profile: pass --config FILE, or --demo to try CounterPay "
                                      "with its built-in sandbox.") };
    }
    const Result<GatewayProfile> profile = ProfileLoader::load(m_options.configPath);
    if (!profile)
        return profile.error();
    m_profile = profile.value();
    m_profile.juspay.upiQrLifetimeMinutes = m_options.upiQrLifetimeMinutes;
    EnvironmentSecretSource environment;
    const SecretSource &source = secrets ? *secrets : static_cast<const SecretSource &>(environment);

    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_network.get(), m_profile.httpOptions());
    const QStringList specs = GatewayFactory::configuredSpecs(m_profile);
    for (const QString &spec : specs) {
        const Result<PaymentGateway *> gateway = GatewayFactory::create(spec, m_profile, source, m_http.get());
        if (gateway)
            m_gateways.append(gateway.value());
        else
            m_skipped.insert(spec, gateway.errorMessage());
    }
    return ok();
}

VoidResult AppServices::checkRequiredProvider() const
{
    const QString &wanted = m_options.requiredProvider;
    if (wanted.isEmpty() || gateway(wanted))
        return ok();
    if (const QString why = skipReason(wanted); !why.isEmpty())
        return Error { QStringLiteral("unknown_provider"), QStringLiteral("%1 cannot be used: %2").arg(wanted, why) };
    QStringList configured;
    for (const PaymentGateway *gateway : m_gateways)
        configured << gateway->providerName();
    return Error { QStringLiteral("unknown_provider"),
                   QStringLiteral("'%1' is not a configured payment method; configured: %2.")
                           .arg(wanted.left(40), configured.isEmpty() ? QStringLiteral("none") : configured.join(QLatin1String(", "))) };
}

Ledger &AppServices::ledger()
{
    return *m_ledger;
}

CheckoutEngine &AppServices::engine()
{
    return *m_engine;
}

PaymentGateway *AppServices::gateway(const QString &provider) const
{
    for (PaymentGateway *gateway : m_gateways) {
        if (gateway->providerName() == provider)
            return gateway;
    }
    return nullptr;
}

QStringList AppServices::skippedProviders() const
{
    QStringList lines;
    for (auto it = m_skipped.cbegin(); it != m_skipped.cend(); ++it)
        lines.append(it.key() + QStringLiteral(": ") + it.value());
    return lines;
}

QStringList AppServices::providers() const
{
    QStringList names;
    for (PaymentGateway *gateway : m_gateways)
        names.append(gateway->providerName());
    return names;
}
