#include "gateway/juspay/JuspayRequestBuilder.h"

#include "crypto/RsaCipher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QUrl>

QByteArray JuspayRequestBuilder::encodeForm(const Form &form)
{
    QByteArray body;
    for (const auto &field : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    return body;
}

QString JuspayRequestBuilder::routingId(const JuspayConfig &config, const QString &orderId,
                                        const QString &customerId)
{
    switch (config.routingPolicy) {
    case JuspayConfig::RoutingPolicy::Fixed:
        if (!config.fixedRoutingId.isEmpty())
            return config.fixedRoutingId;
        break;
    case JuspayConfig::RoutingPolicy::Customer:
        if (!customerId.isEmpty())
            return customerId;
        break;
    case JuspayConfig::RoutingPolicy::Order:
        break;
    }
    return orderId;
}

QString JuspayRequestBuilder::customerId(const PaymentRequest &request)
{
    return request.customerId.isEmpty() ? QStringLiteral("guest-") + request.orderId
                                        : request.customerId;
}

HttpRequest JuspayRequestBuilder::baseRequest(const JuspayConfig &config, const QString &path,
                                              const QString &routingId)
{
    HttpRequest request;
    QUrl url = config.baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    request.url = url;
    const QByteArray credentials = (config.apiKey + u':').toUtf8().toBase64();
    request.headers = {
        { "Authorization", "Basic " + credentials },
        { "version", config.apiVersion.toUtf8() },
        { "x-merchantid", config.merchantId.toUtf8() },
        { "x-routing-id", routingId.toUtf8() },
    };
    request.contentType = "application/x-www-form-urlencoded";
    return request;
}

JuspayRequestBuilder::Form JuspayRequestBuilder::createOrderForm(const JuspayConfig &config,
                                                                 const PaymentRequest &request, int expiryMinutes)
{
    Form form {
        { QStringLiteral("order_id"), request.orderId },
        { QStringLiteral("amount"), request.amount.toDecimalString() },
        { QStringLiteral("currency"), request.amount.currency().code() },
        { QStringLiteral("customer_id"), customerId(request) },
    };
    if (request.mobile)
        form.append({ QStringLiteral("customer_phone"), request.mobile->nationalNumber() });
    if (!config.returnUrl.isEmpty())
        form.append({ QStringLiteral("return_url"), config.returnUrl });
    if (!request.description.isEmpty())
        form.append({ QStringLiteral("description"), request.description });
    // Juspay's order expiry option (its public order API; not in ../shared/api).
    if (expiryMinutes > 0)
        form.append({ QStringLiteral("metadata.expiryInMins"), QString::number(expiryMinutes) });
    return form;
}

JuspayRequestBuilder::Form JuspayRequestBuilder::upiQrTxnForm(const JuspayConfig &config, const QString &orderId)
{
    return {
        { QStringLiteral("merchant_id"), config.merchantId },
        { QStringLiteral("order_id"), orderId },
        { QStringLiteral("payment_method_type"), QStringLiteral("UPI") },
        { QStringLiteral("payment_method"), QStringLiteral("UPI") },
        { QStringLiteral("txn_type"), QStringLiteral("UPI_QR") },
        { QStringLiteral("sdk_params"), QStringLiteral("true") },
        { QStringLiteral("redirect_after_payment"), QStringLiteral("true") },
        { QStringLiteral("format"), QStringLiteral("json") },
    };
}

JuspayRequestBuilder::Form JuspayRequestBuilder::pushTxnForm(const JuspayConfig &config,
                                                             const QString &orderId,
                                                             const PhoneNumber &mobile)
{
    return {
        { QStringLiteral("merchant_id"), config.merchantId },
        { QStringLiteral("order_id"), orderId },
        { QStringLiteral("payment_method_type"), QStringLiteral("WALLET") },
        { QStringLiteral("payment_method"), QStringLiteral("GOOGLEPAY") },
        { QStringLiteral("txn_type"), QStringLiteral("PUSH_PAY") },
        { QStringLiteral("mobile_number"), mobile.nationalNumber() },
        { QStringLiteral("format"), QStringLiteral("json") },
    };
}

Result<QString> JuspayRequestBuilder::encryptPhone(const RsaKey &publicKey, const PhoneNumber &mobile)
{
    if (publicKey.isNull()) {
        return Result<QString>::failure(
                QStringLiteral("cred_no_public_key"),
                QStringLiteral("CRED needs Juspay's public key: set cred_public_key_file in [juspay]."));
    }
    const Result<QByteArray> cipher = RsaCipher::encryptPkcs1v15(publicKey, mobile.nationalNumber().toUtf8());
    if (!cipher.ok())
        return cipher.error();
    return QString(QStringLiteral("enc-") + QString::fromLatin1(cipher.value().toBase64()));
}

QString JuspayRequestBuilder::operatingSystemName()
{
    const QString type = QSysInfo::productType();
    if (type == QLatin1String("windows"))
        return QStringLiteral("windows");
    if (type == QLatin1String("macos") || type == QLatin1String("osx"))
        return QStringLiteral("macOS");
    if (QSysInfo::kernelType() == QLatin1String("linux"))
        return QStringLiteral("linux");
    return QStringLiteral("unknown");
}

Result<JuspayRequestBuilder::Form> JuspayRequestBuilder::credTxnForm(const JuspayConfig &config,
                                                                     const QString &orderId,
                                                                     const PhoneNumber &mobile)
{
    const Result<QString> encrypted = encryptPhone(config.credPublicKey, mobile);
    if (!encrypted.ok())
        return encrypted.error();
    const QJsonObject sdkPgParams {
        { QStringLiteral("platform"), config.credPlatform },
        { QStringLiteral("os"), config.credOs.isEmpty() ? operatingSystemName() : config.credOs },
        { QStringLiteral("device"), config.credDevice },
        { QStringLiteral("countryCode"), mobile.countryCallingCode() },
        { QStringLiteral("phoneNumber"), encrypted.value() },
        { QStringLiteral("credAppPresent"), config.credAppPresent },
    };
    return Form {
        { QStringLiteral("order_id"), orderId },
        { QStringLiteral("merchant_id"), config.merchantId },
        { QStringLiteral("payment_method_type"), QStringLiteral("WALLET") },
        { QStringLiteral("payment_method"), QStringLiteral("CRED") },
        { QStringLiteral("redirect_after_payment"), QStringLiteral("true") },
        { QStringLiteral("format"), QStringLiteral("json") },
        { QStringLiteral("sdk_params"), QStringLiteral("true") },
        { QStringLiteral("sdk_pg_params"),
          QString::fromUtf8(QJsonDocument(sdkPgParams).toJson(QJsonDocument::Compact)) },
    };
}

JuspayRequestBuilder::Form JuspayRequestBuilder::walletTxnForm(const JuspayConfig &config,
                                                               const PaymentRequest &request,
                                                               const QString &walletMethod)
{
    Form form {
        { QStringLiteral("merchant_id"), config.merchantId },
        { QStringLiteral("payment_method_type"), QStringLiteral("WALLET") },
        { QStringLiteral("payment_method"), walletMethod },
        { QStringLiteral("redirect_after_payment"), QStringLiteral("true") },
        { QStringLiteral("format"), QStringLiteral("json") },
        { QStringLiteral("order.order_id"), request.orderId },
        { QStringLiteral("order.amount"), request.amount.toDecimalString() },
        { QStringLiteral("order.currency"), request.amount.currency().code() },
        { QStringLiteral("order.customer_id"), customerId(request) },
    };
    if (request.mobile)
        form.append({ QStringLiteral("order.customer_phone"), request.mobile->nationalNumber() });
    if (!config.returnUrl.isEmpty())
        form.append({ QStringLiteral("order.return_url"), config.returnUrl });
    return form;
}

JuspayRequestBuilder::Form JuspayRequestBuilder::refundForm(const RefundRequest &request)
{
    return {
        { QStringLiteral("unique_request_id"), request.uniqueRequestId },
        { QStringLiteral("amount"), request.amount.toDecimalString() },
    };
}
