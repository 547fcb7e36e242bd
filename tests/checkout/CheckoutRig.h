#pragma once

// A real sandbox on 127.0.0.1, the real Juspay client over HTTP and a real SQLite ledger in a
// temporary folder, with polling scaled down. Shared by the checkout tests.
#include "checkout/CheckoutEngine.h"
#include "gateway/HttpClient.h"
#include "gateway/juspay/JuspayGateway.h"
#include "sandbox/SandboxServer.h"
#include "storage/SqliteLedger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>

inline const QString kProvider = QStringLiteral("juspay-gpay");

inline PollPolicy fastPolicy()
{
    PollPolicy policy;
    policy.firstCheckMs = 30;
    policy.phases = { { 2'000, 30 }, { 4'000, 60 } };
    policy.capMs = 200;
    policy.graceAfterExpiryMs = 1'500;
    policy.defaultExpiryMs = 20'000;
    return policy;
}

// Everything one test needs, built fresh: sandbox, HTTP client, gateway, ledger, engine.
struct Rig
{
    explicit Rig(const QString &scenario, PollPolicy policy = fastPolicy(), QString ledgerPath = {})
    {
        SandboxOptions options;
        options.scenario = scenario;
        sandbox = std::make_unique<SandboxServer>(options);
        const Result<QUrl> url = sandbox->start();
        started = url.ok();
        if (!started)
            return;
        base = url.value();
        HttpClient::Options httpOptions;
        httpOptions.timeoutMs = 1500;
        httpOptions.retry.maxAttempts = 2;
        http = std::make_unique<HttpClient>(&manager, httpOptions);
        JuspayConfig config;
        config.baseUrl = base;
        config.merchantId = options.juspayMerchantId;
        config.apiKey = options.juspayApiKey;
        gateway = std::make_unique<JuspayGateway>(http.get(), config, JuspayGateway::Flow::GooglePayPush);
        path = ledgerPath.isEmpty() ? dir.filePath(QStringLiteral("ledger.sqlite")) : ledgerPath;
        openEngine(policy);
    }

    void openEngine(const PollPolicy &policy)
    {
        engine.reset();
        ledger.reset();
        ledger = SqliteLedger::open(path, PhoneVault::fromKey(QByteArray(32, 'k')).value()).value();
        CheckoutEngine::Config config;
        config.defaultPolicy = policy;
        engine = std::make_unique<CheckoutEngine>(*ledger, QList<PaymentGateway *> { gateway.get() }, config);
    }

    CheckoutRequest sale(qint64 minor = 14950) const
    {
        CheckoutRequest request;
        request.provider = kProvider;
        request.amount = Money::fromMinorUnits(minor, Currency::inr()).value();
        request.mobile = PhoneNumber::parse(u"9876543210").value();
        request.cashier = QStringLiteral("asha");
        return request;
    }

    PaymentState stateOf(const QString &orderId) const
    {
        const auto order = ledger->findOrder(orderId, PhoneAccess::Masked);
        return order.ok() && order.value() ? order.value()->state : PaymentState::Created;
    }

    // GET /__sandbox/orders, the sandbox's own view of what it was asked to do.
    QJsonArray sandboxOrders()
    {
        QNetworkReply *reply = manager.get(QNetworkRequest(base.resolved(QUrl(QStringLiteral("/__sandbox/orders")))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(5000);
        const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
        reply->deleteLater();
        return document.isArray() ? document.array() : document.object().value(QLatin1String("orders")).toArray();
    }

    QTemporaryDir dir;
    QString path;
    QUrl base;
    bool started = false;
    std::unique_ptr<SandboxServer> sandbox;
    QNetworkAccessManager manager;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<JuspayGateway> gateway;
    std::unique_ptr<SqliteLedger> ledger;
    std::unique_ptr<CheckoutEngine> engine;
};

