#include "SandboxTestClient.h"

#include "crypto/Jwt.h"
#include "crypto/RsaKey.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

QJsonObject SandboxTestReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray SandboxTestReply::jsonArray() const
{
    return QJsonDocument::fromJson(body).array();
}

bool SandboxTestReply::isValidJson() const
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

QByteArray SandboxTestReply::header(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return entry.second;
    }
    return {};
}

SandboxTestClient::SandboxTestClient(QUrl baseUrl)
    : m_baseUrl(std::move(baseUrl))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{ }

void SandboxTestClient::trustCaPem(const QByteArray &caPem)
{
    m_ssl.setCaCertificates(QSslCertificate::fromData(caPem, QSsl::Pem));
}

QNetworkRequest SandboxTestClient::request(const QString &path, const Headers &headers) const
{
    QNetworkRequest request(QUrl(m_baseUrl.toString() + path));
    request.setSslConfiguration(m_ssl);
    request.setTransferTimeout(15000);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    return request;
}

SandboxTestReply SandboxTestClient::run(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    SandboxTestReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

SandboxTestReply SandboxTestClient::get(const QString &path, const Headers &headers)
{
    return run(m_network.get(request(path, headers)));
}

SandboxTestReply SandboxTestClient::post(const QString &path, const QByteArray &body,
    const QByteArray &contentType, const Headers &headers)
{
    QNetworkRequest req = request(path, headers);
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return run(m_network.post(req, body));
}

SandboxTestReply SandboxTestClient::postForm(
    const QString &path, const QList<QPair<QString, QString>> &fields, const Headers &headers)
{
    QByteArray body;
    for (const auto &field : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    return post(path, body, QByteArrayLiteral("application/x-www-form-urlencoded"), headers);
}

SandboxTestReply SandboxTestClient::postJson(
    const QString &path, const QJsonObject &object, const Headers &headers)
{
    return post(path, QJsonDocument(object).toJson(QJsonDocument::Compact),
        QByteArrayLiteral("application/json"), headers);
}

SandboxTestClient::Headers SandboxTestClient::juspayAuth(const QByteArray &key)
{
    return { { QByteArrayLiteral("Authorization"), "Basic " + QByteArray(key + ':').toBase64() } };
}

SandboxTestClient::Headers SandboxTestClient::bearer(const QString &token)
{
    return { { QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1() } };
}

QString SandboxTestClient::googleToken()
{
    const QJsonObject account = get(u"/__sandbox/keys/google-service-account.json"_s).json();
    const Result<RsaKey> key
        = RsaKey::fromPem(account.value(u"private_key"_s).toString().toLatin1());
    if (!key)
        return {};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims {
        { u"iss"_s, account.value(u"client_email"_s) },
        { u"scope"_s, u"https://www.googleapis.com/auth/nbupaymentsmerchants"_s },
        { u"aud"_s, account.value(u"token_uri"_s) },
        { u"iat"_s, now },
        { u"exp"_s, now + 3600 },
    };
    const Result<QByteArray> assertion
        = Jwt::signRs256(claims, key.value(), account.value(u"private_key_id"_s).toString());
    if (!assertion)
        return {};
    const SandboxTestReply reply = postForm(u"/token"_s,
        { { u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s },
            { u"assertion"_s, QString::fromLatin1(assertion.value()) } });
    return reply.json().value(u"access_token"_s).toString();
}

QString SandboxTestClient::cmToken()
{
    const SandboxTestReply reply = postForm(u"/api/v1/authorization/oauth2/token"_s,
        { { u"client_id"_s, u"sandbox-cm-client"_s },
            { u"client_secret"_s, u"sandbox-cm-secret"_s },
            { u"grant_type"_s, u"client_credentials"_s } });
    return reply.json().value(u"access_token"_s).toString();
}

void SandboxTestClient::createJuspayOrder(const QString &orderId, const QString &amount)
{
    postForm(u"/orders"_s,
        { { u"order_id"_s, orderId }, { u"amount"_s, amount }, { u"currency"_s, u"INR"_s } },
        juspayAuth());
}

SandboxTestReply SandboxTestClient::startJuspayPush(const QString &orderId, const QString &amount)
{
    createJuspayOrder(orderId, amount);
    return postForm(u"/txns"_s,
        { { u"order_id"_s, orderId }, { u"merchant_id"_s, u"counterpay_demo"_s },
            { u"payment_method_type"_s, u"WALLET"_s }, { u"payment_method"_s, u"GOOGLEPAY"_s },
            { u"txn_type"_s, u"PUSH_PAY"_s }, { u"mobile_number"_s, u"9876543210"_s },
            { u"format"_s, u"json"_s } },
        juspayAuth());
}

QList<QPair<QString, QString>> SandboxTestClient::upiQrTxnFields(const QString &orderId)
{
    return { { u"order_id"_s, orderId }, { u"merchant_id"_s, u"counterpay_demo"_s },
        { u"payment_method_type"_s, u"UPI"_s }, { u"payment_method"_s, u"UPI"_s },
        { u"txn_type"_s, u"UPI_QR"_s }, { u"sdk_params"_s, u"true"_s },
        { u"redirect_after_payment"_s, u"true"_s }, { u"format"_s, u"json"_s } };
}

QJsonObject SandboxTestClient::sdkParamsOf(const SandboxTestReply &reply)
{
    return reply.json().value(u"payment"_s).toObject().value(u"sdk_params"_s).toObject();
}

SandboxTestReply SandboxTestClient::startJuspayUpiQr(const QString &orderId, const QString &amount)
{
    createJuspayOrder(orderId, amount);
    return postForm(u"/txns"_s, upiQrTxnFields(orderId), juspayAuth());
}

QString SandboxTestClient::upiUriFrom(const QJsonObject &sdkParams)
{
    const QList<QPair<QString, QString>> names { { u"pa"_s, u"merchant_vpa"_s },
        { u"pn"_s, u"merchant_name"_s }, { u"tr"_s, u"tr"_s }, { u"tid"_s, u"tid"_s },
        { u"mc"_s, u"mcc"_s }, { u"am"_s, u"amount"_s }, { u"cu"_s, u"currency"_s } };
    QStringList query;
    for (const auto &name : names) {
        if (sdkParams.contains(name.second))
            query.append(name.first + u'='
                + QString::fromLatin1(
                    QUrl::toPercentEncoding(sdkParams.value(name.second).toString())));
    }
    return u"upi://pay?"_s + query.join(u'&');
}
