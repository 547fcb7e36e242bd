#pragma once

// A real in-process sandbox on 127.0.0.1 and real Juspay clients over HTTP to it: one with the
// sandbox's API key, one with a wrong key. For the Test connection and reconciliation tests.
#include "gateway/HttpClient.h"
#include "gateway/juspay/JuspayGateway.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>

struct SandboxGateways
{
    SandboxGateways()
    {
        sandbox = std::make_unique<SandboxServer>(options);
        const Result<QUrl> url = sandbox->start();
        if (!url.ok())
            return;
        base = url.value();
        HttpClient::Options httpOptions;
        httpOptions.timeoutMs = 3000;
        httpOptions.retry.maxAttempts = 1;
        http = std::make_unique<HttpClient>(&manager, httpOptions);
        good = make(options.juspayApiKey);
        wrongKey = make(QStringLiteral("not-the-key"));
    }

    std::unique_ptr<JuspayGateway> make(const QString &apiKey)
    {
        JuspayConfig config;
        config.baseUrl = base;
        config.merchantId = options.juspayMerchantId;
        config.apiKey = apiKey;
        return std::make_unique<JuspayGateway>(http.get(), config, JuspayGateway::Flow::GooglePayPush);
    }

    bool started() const { return good != nullptr; }

    SandboxOptions options;
    std::unique_ptr<SandboxServer> sandbox;
    QUrl base;
    QNetworkAccessManager manager;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<JuspayGateway> good;
    std::unique_ptr<JuspayGateway> wrongKey;
};
