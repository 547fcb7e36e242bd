#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>

class SandboxServer;

// What came back from one request.
struct SandboxTestReply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonObject json() const;
    QJsonArray jsonArray() const;
    bool isValidJson() const;
    QByteArray header(const QByteArray &name) const;
};

// Real HTTP(S) over 127.0.0.1 with QNetworkAccessManager, waiting on the reply's signal (never
// sleeping). Shared by the sandbox tests.
class SandboxTestClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit SandboxTestClient(QUrl baseUrl);
    void trustCaPem(const QByteArray &caPem);

    SandboxTestReply get(const QString &path, const Headers &headers = {});
    SandboxTestReply post(const QString &path, const QByteArray &body,
        const QByteArray &contentType, const Headers &headers = {});
    SandboxTestReply postForm(const QString &path, const QList<QPair<QString, QString>> &fields,
        const Headers &headers = {});
    SandboxTestReply postJson(
        const QString &path, const QJsonObject &object, const Headers &headers = {});

    static Headers juspayAuth(const QByteArray &key = QByteArrayLiteral("sandbox-juspay-key"));
    static Headers bearer(const QString &token);
    // Fetches the service account from the sandbox and trades a signed assertion for a token.
    QString googleToken();
    QString cmToken();
    // Creates a Juspay order and starts a Google Pay push on it; returns the /txns reply.
    SandboxTestReply startJuspayPush(
        const QString &orderId, const QString &amount = QStringLiteral("149.50"));

    // Creates a Juspay order (unless it exists) and starts a UPI_QR transaction on it.
    SandboxTestReply startJuspayUpiQr(
        const QString &orderId, const QString &amount = QStringLiteral("149.50"));
    // The upi://pay URI a client builds from a UPI_QR answer's sdk_params (the test's own
    // reading of ../shared/api/juspay-upi-qr.md): every value percent-encoded, absent ones out.
    static QString upiUriFrom(const QJsonObject &sdkParams);
    // The form of a UPI_QR /txns call, and payment.sdk_params of its answer.
    static QList<QPair<QString, QString>> upiQrTxnFields(const QString &orderId);
    static QJsonObject sdkParamsOf(const SandboxTestReply &reply);

private:
    void createJuspayOrder(const QString &orderId, const QString &amount);
    SandboxTestReply run(QNetworkReply *reply);
    QNetworkRequest request(const QString &path, const Headers &headers) const;

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
};
