#pragma once

#include "core/Clock.h"
#include "gateway/HttpClient.h"
#include "gateway/PaymentGateway.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QtTest>

#include <memory>
#include <optional>

// A real sandbox on 127.0.0.1 (HTTP or HTTPS with its throwaway CA added to the client's trust
// store), one QNetworkAccessManager and a fast-retrying HttpClient, for end-to-end tests.
class SandboxHarness
{
public:
    bool start(bool tls, const QString &scenario = QStringLiteral("manual"), int timeoutMs = 5000)
    {
        options.tls = tls;
        options.scenario = scenario;
        server = std::make_unique<SandboxServer>(options);
        const Result<QUrl> url = server->start();
        if (!url.ok()) {
            qWarning("sandbox did not start: %s", qPrintable(url.errorMessage()));
            return false;
        }
        baseUrl = url.value();
        HttpClient::Options http;
        http.timeoutMs = timeoutMs;
        http.retry.baseDelayMs = 20;
        http.retry.maxDelayMs = 100;
        http.retry.maxRetryAfterMs = 3000;
        if (tls)
            http.extraCaCertificates = QSslCertificate::fromData(server->caCertificatePem(), QSsl::Pem);
        client = std::make_unique<HttpClient>(&manager, http);
        return true;
    }

    SandboxOptions options; // set before start() (e.g. options.upi), then used by it
    std::unique_ptr<SandboxServer> server;
    QUrl baseUrl;
    QNetworkAccessManager manager;
    std::unique_ptr<HttpClient> client;
};

// Real wall-clock time (the sandbox checks JWT iat/exp against it) with a monotonic clock
// the test can push forward, to expire cached tokens without sleeping.
class SteppingClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return Clock::system().nowUtc(); }
    qint64 monotonicMs() const override { return Clock::system().monotonicMs() + m_offsetMs; }
    void advanceMs(qint64 ms) { m_offsetMs += ms; }

private:
    qint64 m_offsetMs = 0;
};

// Runs one gateway call and waits (bounded) for its callback.
template<typename T, typename Call>
GatewayResult<T> awaitGateway(QObject *context, Call call, int timeoutMs = 20'000)
{
    std::optional<GatewayResult<T>> result;
    call(context, [&result](const GatewayResult<T> &r) { result = r; });
    if (!QTest::qWaitFor([&result]() { return result.has_value(); }, timeoutMs))
        return GatewayResult<T>::failure(GatewayError::Kind::Unexpected, QStringLiteral("test: no callback"));
    return *result;
}

// A gateway's calls, each run on `context` and awaited (bounded), for the gateway tests.
inline GatewayResult<PaymentSession> awaitStart(QObject *context, PaymentGateway &gateway, const PaymentRequest &request)
{
    return awaitGateway<PaymentSession>(context, [&](QObject *c, auto done) { gateway.start(request, c, done); });
}
inline GatewayResult<PaymentStatus> awaitStatus(QObject *context, PaymentGateway &gateway, const OrderRef &order)
{
    return awaitGateway<PaymentStatus>(context, [&](QObject *c, auto done) { gateway.status(order, c, done); });
}
inline GatewayResult<RefundResult> awaitRefund(QObject *context, PaymentGateway &gateway, const RefundRequest &refund)
{
    return awaitGateway<RefundResult>(context, [&](QObject *c, auto done) { gateway.refund(refund, c, done); });
}

// The order a request made, as a status query names it.
inline OrderRef orderRefOf(const PaymentRequest &request)
{
    OrderRef order;
    order.orderId = request.orderId;
    order.amount = request.amount;
    return order;
}
