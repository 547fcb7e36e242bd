#include "sandbox/SandboxJuspayTxns.h"

#include "core/PhoneNumber.h"
#include "crypto/RsaCipher.h"
#include "sandbox/SandboxContext.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxJuspayApi.h"
#include "sandbox/SandboxLogging.h"
#include "sandbox/SandboxStore.h"
#include "sandbox/SandboxUpiQr.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

bool isTrue(const QString &value)
{
    return value.compare(u"true"_s, Qt::CaseInsensitive) == 0 || value == u"1";
}

} // namespace

SandboxJuspayTxns::SandboxJuspayTxns(SandboxContext &context, const SandboxJuspayApi &api)
    : m_context(context)
    , m_api(api)
{ }

bool SandboxJuspayTxns::usesPostAuthentication(const QString &paymentMethod)
{
    static const QStringList postWallets { u"GOPAY"_s, u"OVO"_s, u"DANA"_s, u"SHOPEEPAY"_s,
        u"LINKAJA"_s };
    return postWallets.contains(paymentMethod.toUpper());
}

QString SandboxJuspayTxns::newTxnUuid()
{
    QString uuid;
    do {
        uuid = u"eul"_s + m_context.randomAlphanumeric(14);
    } while (m_context.store().findByTxnUuid(uuid));
    return uuid;
}

SandboxHttpResponse SandboxJuspayTxns::handle(const SandboxHttpRequest &request)
{
    const QHash<QString, QString> fields = SandboxJuspayApi::fieldsOf(request);
    if (auto denied = m_api.checkAuth(request, fields, true))
        return *denied;
    const QString merchantId = fields.value(u"merchant_id"_s);
    if (merchantId.isEmpty()) {
        return SandboxJuspayApi::badRequest(
            u"MISSING_MANDATORY_PARAMETER"_s, u"merchant_id is mandatory."_s, { u"merchant_id"_s });
    }
    if (merchantId != m_context.options().juspayMerchantId) {
        return SandboxJuspayApi::error(401, u"access_denied"_s, u"UNAUTHENTICATED"_s,
            u"merchant_id does not match the API key."_s);
    }

    // The order: named by order_id, or created inline from order.* fields.
    const bool inlineOrder
        = fields.contains(u"order.order_id"_s) || fields.contains(u"order.amount"_s);
    SandboxOrder order;
    bool orderIsNew = false;
    if (inlineOrder) {
        Result<SandboxOrder> built = m_api.buildOrder(fields, u"order."_s);
        if (!built)
            return SandboxJuspayApi::orderError(built.error());
        if (const auto existing = m_context.store().find(built->key())) {
            if (existing->amountMinor != built->amountMinor
                || existing->currency != built->currency) {
                return SandboxJuspayApi::badRequest(u"INVALID_INPUT"_s,
                    u"Order %1 already exists with another amount or currency."_s.arg(
                        existing->id));
            }
            order = *existing;
        } else {
            order = built.value();
            order.providerRef = u"ordeh_"_s + m_context.randomAlphanumeric(20).toLower();
            orderIsNew = true;
        }
    } else {
        const QString orderId = fields.value(u"order_id"_s);
        if (orderId.isEmpty()) {
            return SandboxJuspayApi::badRequest(
                u"MISSING_MANDATORY_PARAMETER"_s, u"order_id is mandatory."_s, { u"order_id"_s });
        }
        const auto existing
            = m_context.store().find(SandboxOrder::keyFor(SandboxOrder::Provider::Juspay, orderId));
        if (!existing) {
            return SandboxJuspayApi::error(404, u"object_not_found"_s, u"RESOURCE_NOT_FOUND"_s,
                u"Order with id = \"%1\" does not exist."_s.arg(orderId.left(40)));
        }
        order = *existing;
    }

    if (!orderIsNew && m_context.expireIfDue) {
        m_context.expireIfDue(order.key());
        order = m_context.store().find(order.key()).value_or(order);
    }
    if (order.expiresAt.isValid() && order.expiresAt <= m_context.now()) {
        return SandboxJuspayApi::badRequest(u"INVALID_ACTION"_s,
            u"Order %1 expired at %2; a new transaction is refused."_s.arg(
                order.id, order.expiresAt.toString(Qt::ISODate)));
    }
    if (order.state == PaymentState::Charged) {
        return SandboxJuspayApi::badRequest(u"INVALID_ACTION"_s,
            u"Order %1 is already charged; a new transaction is refused."_s.arg(order.id));
    }
    const QString methodType = fields.value(u"payment_method_type"_s).toUpper();
    const QString method = fields.value(u"payment_method"_s).toUpper();
    if (methodType.isEmpty() || method.isEmpty()) {
        return SandboxJuspayApi::badRequest(u"MISSING_MANDATORY_PARAMETER"_s,
            u"payment_method_type and payment_method are mandatory."_s,
            { u"payment_method_type"_s, u"payment_method"_s });
    }
    if (methodType == u"UPI") {
        if (auto refused = checkUpiQr(fields, order))
            return *refused;
    } else if (methodType != u"WALLET") {
        return SandboxJuspayApi::badRequest(u"INVALID_INPUT"_s,
            u"payment_method_type %1 is not offered by the sandbox; use WALLET or UPI."_s.arg(
                methodType.left(20)),
            { u"payment_method_type"_s });
    }

    SandboxTxn txn;
    txn.paymentMethodType = methodType;
    txn.paymentMethod = method;
    txn.txnType = fields.value(u"txn_type"_s).toUpper();
    txn.created = m_context.now();
    txn.txnUuid = newTxnUuid();
    txn.txnId = m_context.options().juspayMerchantId + u'-' + order.id + u'-'
        + QString::number(order.txns.size() + 1);
    txn.authMethod = usesPostAuthentication(method) ? u"POST"_s : u"GET"_s;

    QJsonObject credResponse;
    if (txn.isUpiQr()) {
        credResponse = SandboxUpiQr::issue(m_context, order, txn);
        qCInfo(lcSandbox) << "juspay UPI_QR for" << order.id << "tr" << txn.upiTr;
    } else if (method == u"GOOGLEPAY" && txn.txnType == u"PUSH_PAY") {
        const QString mobile = fields.value(u"mobile_number"_s);
        if (mobile.isEmpty()) {
            return SandboxJuspayApi::badRequest(u"MISSING_MANDATORY_PARAMETER"_s,
                u"mobile_number is mandatory for PUSH_PAY."_s, { u"mobile_number"_s });
        }
        const Result<PhoneNumber> phone = PhoneNumber::parse(mobile, u"IN");
        if (!phone) {
            return SandboxJuspayApi::badRequest(u"INVALID_INPUT"_s,
                u"mobile_number is not a valid mobile number."_s, { u"mobile_number"_s });
        }
        order.details.insert(u"push_phone"_s, phone->e164());
        qCInfo(lcSandbox) << "juspay PUSH_PAY to" << phone->masked() << "for" << order.id;
    } else if (method == u"CRED") {
        if (auto refused = checkCred(fields, order, credResponse))
            return *refused;
    }

    order.txns.append(txn);
    order.state = PaymentState::AwaitingCustomer;
    order.failureCode.clear();
    order.details.remove(u"failure_message"_s);
    order.updated = txn.created;
    m_context.store().put(order);
    if (orderIsNew)
        qCInfo(lcSandbox) << "juspay inline order created" << order.id;
    if (m_context.paymentStarted)
        m_context.paymentStarted(order.key());

    const QString authUrl = m_context.url(
        u"/v2/pay/start/"_s + m_context.options().juspayMerchantId + u'/' + txn.txnUuid);
    QJsonObject authentication { { u"method"_s, txn.authMethod }, { u"url"_s, authUrl } };
    if (txn.authMethod == u"POST") {
        authentication.insert(u"params"_s,
            QJsonObject {
                { u"txn_uuid"_s, txn.txnUuid },
                { u"merchant_id"_s, m_context.options().juspayMerchantId },
                { u"order_id"_s, order.id },
            });
    }
    QJsonObject payment { { u"authentication"_s, authentication } };
    if (!credResponse.isEmpty())
        payment.insert(u"sdk_params"_s, credResponse);

    SandboxHttpResponse response;
    const QString format = fields.value(u"format"_s);
    // "If it is set to json, then the response will be HTTP 200 with a JSON formatted text.
    // Otherwise, the response is HTTP 302 with the Location attribute having the destination URL."
    if (format.compare(u"json"_s, Qt::CaseInsensitive) != 0) {
        response = SandboxHttpResponse::redirect(authUrl.toUtf8());
    } else {
        response = SandboxHttpResponse::rawJson(200,
            SandboxJson::serialize(QJsonObject {
                { u"order_id"_s, order.id },
                { u"txn_id"_s, txn.txnId },
                { u"txn_uuid"_s, txn.txnUuid },
                { u"status"_s, u"PENDING_VBV"_s },
                { u"payment"_s, payment },
            }));
    }
    response.committed = true;
    return response;
}

std::optional<SandboxHttpResponse> SandboxJuspayTxns::checkUpiQr(
    const QHash<QString, QString> &fields, const SandboxOrder &order)
{
    // Only the dynamic QR of ../shared/api/juspay-upi-qr.md (Flow A) is played.
    if (fields.value(u"payment_method"_s).toUpper() != u"UPI") {
        return SandboxJuspayApi::badRequest(u"INVALID_INPUT"_s,
            u"payment_method must be UPI for payment_method_type UPI."_s, { u"payment_method"_s });
    }
    if (fields.value(u"txn_type"_s).toUpper() != u"UPI_QR") {
        return SandboxJuspayApi::badRequest(u"INVALID_INPUT"_s,
            u"txn_type must be UPI_QR: the sandbox offers UPI only as a dynamic QR."_s,
            { u"txn_type"_s });
    }
    if (!isTrue(fields.value(u"sdk_params"_s))) {
        return SandboxJuspayApi::badRequest(
            u"INVALID_INPUT"_s, u"sdk_params must be true for UPI_QR."_s, { u"sdk_params"_s });
    }
    if (order.currency != u"INR") {
        return SandboxJuspayApi::badRequest(u"INVALID_INPUT"_s,
            u"UPI takes INR only; order %1 is in %2."_s.arg(order.id, order.currency));
    }
    return std::nullopt;
}

std::optional<SandboxHttpResponse> SandboxJuspayTxns::checkCred(
    const QHash<QString, QString> &fields, SandboxOrder &order, QJsonObject &credResponse)
{
    auto refuse = [](const QString &message) {
        return SandboxJuspayApi::badRequest(u"INVALID_INPUT"_s, message, { u"sdk_pg_params"_s });
    };
    if (!isTrue(fields.value(u"sdk_params"_s)))
        return refuse(u"sdk_params must be true for CRED."_s);
    const QJsonDocument document
        = QJsonDocument::fromJson(fields.value(u"sdk_pg_params"_s).toUtf8());
    if (!document.isObject())
        return refuse(u"sdk_pg_params must be a JSON object."_s);
    const QJsonObject params = document.object();
    for (const QString &name :
        { u"platform"_s, u"os"_s, u"device"_s, u"countryCode"_s, u"phoneNumber"_s }) {
        if (params.value(name).toString().isEmpty())
            return refuse(u"sdk_pg_params.%1 is mandatory."_s.arg(name));
    }
    const QJsonValue appPresent = params.value(u"credAppPresent"_s);
    if (!appPresent.isBool() && !appPresent.isString())
        return refuse(u"sdk_pg_params.credAppPresent is mandatory (true or false)."_s);
    const bool intent = appPresent.isBool() ? appPresent.toBool() : isTrue(appPresent.toString());

    const QString encrypted = params.value(u"phoneNumber"_s).toString();
    if (!encrypted.startsWith(u"enc-"))
        return refuse(
            u"sdk_pg_params.phoneNumber must be \"enc-\" + base64 of the RSA PKCS#1 ciphertext."_s);
    const auto cipher = QByteArray::fromBase64Encoding(
        encrypted.mid(4).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!cipher)
        return refuse(u"sdk_pg_params.phoneNumber is not valid base64 after \"enc-\"."_s);
    const Result<QByteArray> plain
        = RsaCipher::decryptPkcs1v15(m_context.keys().credKey(), *cipher);
    if (!plain) {
        return refuse(u"sdk_pg_params.phoneNumber cannot be decrypted with the sandbox's CRED key "
                      "(GET /__sandbox/keys/cred.pem)."_s);
    }
    const QString countryCode = params.value(u"countryCode"_s).toString();
    const Result<PhoneNumber> phone
        = PhoneNumber::parse(QString(countryCode + QString::fromUtf8(plain.value())), u"IN");
    if (!phone)
        return refuse(u"sdk_pg_params.phoneNumber does not decrypt to a valid mobile number."_s);
    order.details.insert(u"cred_phone"_s, phone->e164());
    qCInfo(lcSandbox) << "juspay CRED" << (intent ? "intent" : "collect") << "to"
                      << phone->masked();

    const QString trackingId = m_context.options().juspayMerchantId + u'-' + order.id + u'-'
        + QString::number(order.txns.size() + 1);
    credResponse = QJsonObject {
        { u"status"_s, u"OK"_s },
        { u"error_code"_s, QJsonValue::Null },
        { u"error_description"_s, QJsonValue::Null },
        { u"error_message"_s, QJsonValue::Null },
        { u"response"_s,
            QJsonObject {
                { u"checkout_mode"_s, intent ? u"intent"_s : u"collect"_s },
                { u"state"_s, u"FLOW_TRIGGERED"_s },
                { u"tracking_id"_s, trackingId },
                { u"reference_id"_s, m_context.randomUuid() },
                { u"intent_url"_s,
                    intent ? QJsonValue(u"credpay://checkout?ref_id="_s + m_context.randomUuid()
                        + u"&is_collect=false"_s)
                           : QJsonValue(QJsonValue::Null) },
                { u"layout"_s,
                    QJsonObject {
                        { u"title"_s, u"Pay with CRED"_s },
                        { u"cta_text"_s, u"Pay with CRED"_s },
                        { u"sub_text"_s, u"sandbox: no money moves"_s },
                        { u"banner_text"_s, u"CounterPay sandbox"_s },
                        { u"icon"_s, m_context.url(u"/__sandbox/cred.png"_s) },
                    } },
            } },
    };
    return std::nullopt;
}
