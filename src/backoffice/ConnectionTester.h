#pragma once

#include <QObject>
#include <QUrl>

class PaymentGateway;
struct GatewayError;

// "Test connection" for one provider: asks the status of an order that cannot exist
// (probeOrderId()) through the real client, which fetches a token or sends the API key to the
// configured base URL, and says in words what is wrong. A "no such order" answer means the
// address and the credentials were accepted.
class ConnectionTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTester)

public:
    struct Verdict
    {
        bool ok = false;
        QString words;
    };

    explicit ConnectionTester(QObject *parent = nullptr);

    static QString probeOrderId() { return QStringLiteral("CP-CONNECTION-CHECK"); }

    // `baseUrl` names the host in the words ("Cannot reach 127.0.0.1:8443: ..."); when empty,
    // a Juspay gateway's own base URL is used, otherwise "the gateway". Emits finished() once.
    void test(PaymentGateway &gateway, const QUrl &baseUrl = QUrl());

    // The words for an answer (nullptr: the probe order was found) or an error.
    static Verdict judge(const GatewayError *error, const QString &host);

signals:
    void finished(const QString &provider, bool ok, const QString &words);
};
