// counterpay-sandbox: an offline Juspay / Google Pay Omnichannel / CM.com gateway with a
// simulated customer, for tests, demos and cashier training. See docs/sandbox.md.

#include "sandbox/SandboxOptions.h"
#include "sandbox/SandboxScenario.h"
#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: wake the event loop through the pipe.
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
}

void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(g_signalPipe[1], &byte, 1);
        notifier->setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

QString helpFooter()
{
    const SandboxOptions defaults;
    return uR"(
Scenarios (--scenario):
%1
Default credentials (printed at start):
  Juspay       merchant id %2, API key %3 (HTTP Basic, user = key, empty password)
  CM.com       client_id %4, client_secret %5
  Google Pay   googleMerchantId %6; service account from
               GET /__sandbox/keys/google-service-account.json (token_uri <base>/token)

Endpoints (one base URL):
  Juspay       POST /orders, POST /txns, GET /orders/{id}, POST /orders/{id}/refunds
  Google Pay   POST /v1/merchantPayments:initiate, POST /v1/merchantTransactions:get, POST /token
  CM.com       POST /api/v1/authorization/oauth2/token,
               POST /api/v1/paymentmethods/google-pay/v1/transactions/initialize,
               GET  /api/v1/paymentmethods/google-pay/v1/transactions/{id}

Control API:
  GET  /__sandbox/orders                    every order: state, amount, currency, charges
  GET  /__sandbox/orders/{id}               one order (?provider=juspay|googlepay|cmcom)
  POST /__sandbox/orders/{id}/approve       also /decline, /expire, /fail
  GET  /__sandbox/pay/{id}                  the customer page (Approve / Decline)
  GET  /__sandbox/keys/cred.pem             CRED phone-number encryption key (public PEM)
  GET  /__sandbox/keys/google-service-account.json
  GET  /__sandbox/ca.pem                    the CA certificate (with --tls)
  GET|POST /__sandbox/scenario              read or change the scenario ({"scenario":"..."})
  GET|POST /__sandbox/upi/profile           Juspay UPI_QR sdk_params knobs (JSON)
  POST /__sandbox/upi/pay                   simulated UPI app: uri=<upi://pay?...>

The first line on stdout is exactly "listening on <base URL>".)"_s.arg(SandboxScenario::helpText(),
        defaults.juspayMerchantId, defaults.juspayApiKey, defaults.cmClientId,
        defaults.cmClientSecret, defaults.googleMerchantId);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"counterpay-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERPAY_VERSION));

    const SandboxOptions defaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Offline Juspay, Google Pay Omnichannel and CM.com gateway with a simulated customer."_s
        + helpFooter());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        u"port"_s, u"TCP port; 0 picks a free one (default 0)."_s, u"PORT"_s, u"0"_s);
    const QCommandLineOption bindOption(
        u"bind"_s, u"Address to listen on (default 127.0.0.1)."_s, u"ADDRESS"_s, u"127.0.0.1"_s);
    const QCommandLineOption tlsOption(
        u"tls"_s, u"Serve HTTPS with a certificate made at start; prints the CA path."_s);
    const QCommandLineOption scenarioOption(u"scenario"_s,
        u"What the customer and network do (default manual)."_s, u"SCENARIO"_s, u"manual"_s);
    const QCommandLineOption seedOption(
        u"seed"_s, u"Seed for every random choice (default 0)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption stateOption(
        u"state"_s, u"Keep orders in FILE across restarts (default: memory only)."_s, u"FILE"_s);
    const QCommandLineOption merchantOption(u"merchant-id"_s,
        u"Juspay merchant id (default %1)."_s.arg(defaults.juspayMerchantId), u"ID"_s,
        defaults.juspayMerchantId);
    const QCommandLineOption apiKeyOption(u"api-key"_s,
        u"Juspay API key (default %1)."_s.arg(defaults.juspayApiKey), u"KEY"_s,
        defaults.juspayApiKey);
    const QCommandLineOption cmIdOption(u"cm-client-id"_s,
        u"CM.com client_id (default %1)."_s.arg(defaults.cmClientId), u"ID"_s, defaults.cmClientId);
    const QCommandLineOption cmSecretOption(u"cm-client-secret"_s,
        u"CM.com client_secret (default %1)."_s.arg(defaults.cmClientSecret), u"SECRET"_s,
        defaults.cmClientSecret);
    const QCommandLineOption googleOption(u"google-merchant-id"_s,
        u"Google googleMerchantId (default %1)."_s.arg(defaults.googleMerchantId), u"ID"_s,
        defaults.googleMerchantId);
    const QCommandLineOption upiVpaOption(u"upi-vpa"_s,
        u"Payee VPA in Juspay UPI_QR sdk_params (default %1, a handle no PSP issues)."_s.arg(
            defaults.upi.merchantVpa),
        u"VPA"_s, defaults.upi.merchantVpa);
    const QCommandLineOption upiNameOption(u"upi-merchant-name"_s,
        u"Merchant name in Juspay UPI_QR sdk_params (default %1)."_s.arg(defaults.upi.merchantName),
        u"NAME"_s, defaults.upi.merchantName);
    parser.addOptions({ portOption, bindOption, tlsOption, scenarioOption, seedOption, stateOption,
        merchantOption, apiKeyOption, cmIdOption, cmSecretOption, googleOption, upiVpaOption,
        upiNameOption });
    parser.process(app);

    QTextStream err(stderr);
    SandboxOptions options;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "counterpay-sandbox: --port must be 0..65535\n";
        return 2;
    }
    options.port = quint16(port);
    options.address = QHostAddress(parser.value(bindOption));
    if (options.address.isNull()) {
        err << "counterpay-sandbox: --bind must be an IP address\n";
        return 2;
    }
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        err << "counterpay-sandbox: --seed must be a whole number\n";
        return 2;
    }
    options.tls = parser.isSet(tlsOption);
    options.scenario = parser.value(scenarioOption);
    options.stateFile = parser.value(stateOption);
    options.juspayMerchantId = parser.value(merchantOption);
    options.juspayApiKey = parser.value(apiKeyOption);
    options.cmClientId = parser.value(cmIdOption);
    options.cmClientSecret = parser.value(cmSecretOption);
    options.googleMerchantId = parser.value(googleOption);
    options.upi.merchantVpa = parser.value(upiVpaOption).trimmed();
    options.upi.merchantName = parser.value(upiNameOption).trimmed();
    if (options.upi.merchantVpa.isEmpty() || options.upi.merchantName.isEmpty()) {
        err << "counterpay-sandbox: --upi-vpa and --upi-merchant-name must not be empty\n";
        return 2;
    }

    SandboxServer server(options);
    const Result<QUrl> started = server.start();
    if (!started) {
        err << "counterpay-sandbox: " << started.errorMessage() << '\n';
        return 1;
    }
    quitOnSignals(app);

    QTextStream out(stdout);
    out << "listening on " << started->toString() << Qt::endl;
    out << "scenario " << options.scenario << '\n'
        << "juspay merchant_id " << options.juspayMerchantId << " api_key " << options.juspayApiKey
        << '\n'
        << "cm.com client_id " << options.cmClientId << " client_secret " << options.cmClientSecret
        << '\n'
        << "google googleMerchantId " << options.googleMerchantId << " service account "
        << started->toString() << "/__sandbox/keys/google-service-account.json\n";
    if (options.tls)
        out << "ca " << server.caCertificatePath() << '\n';
    if (!options.stateFile.isEmpty())
        out << "state " << options.stateFile << '\n';
    out.flush();
    return app.exec();
}
