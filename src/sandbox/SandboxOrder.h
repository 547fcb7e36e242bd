#pragma once

#include "core/PaymentState.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// One payment attempt on a Juspay order (a retry gets a new txn_id on the same order).
struct SandboxTxn
{
    QString txnId;
    QString txnUuid;
    QString paymentMethodType;
    QString paymentMethod;
    QString txnType; // PUSH_PAY, UPI_QR, or empty
    QString authMethod; // GET or POST
    QDateTime created;
    // UPI_QR only: the transaction reference, the payee VPA it was issued with and the
    // sdk_params as answered (members may be left out or misreported by the profile).
    QString upiTr;
    QString upiVpa;
    QJsonObject upiSdkParams;

    bool isUpiQr() const { return txnType == QStringLiteral("UPI_QR"); }

    QJsonObject toJson() const;
    static SandboxTxn fromJson(const QJsonObject &object);
};

struct SandboxRefund
{
    QString id;
    QString uniqueRequestId;
    qint64 amountMinor = 0;
    QDateTime created;

    QJsonObject toJson() const;
    static SandboxRefund fromJson(const QJsonObject &object);
};

// An order in the sandbox, whichever provider it came through. Amounts are integer minor units.
// `state` uses the core PaymentState: Created (no payment started), AwaitingCustomer, Charged,
// Declined, Expired, Failed; each provider API maps it to its own status words.
struct SandboxOrder
{
    enum class Provider { Juspay, GooglePay, CmCom };

    Provider provider = Provider::Juspay;
    QString id; // Juspay order_id, Google transactionId, CM.com transaction id
    QString providerRef; // Juspay "id", Google googleTransactionId, CM.com orderId
    qint64 amountMinor = 0;
    QString currency;
    PaymentState state = PaymentState::Created;
    int charges = 0; // how many times money was taken: more than 1 is a double charge
    QDateTime created;
    QDateTime updated;
    QDateTime expiresAt; // invalid: none
    QString customerId;
    QString customerPhone; // personal data: never logged unmasked
    QString description;
    QString reference;
    QString returnUrl;
    QStringList udfs; // udf1..udf10
    QString upiRrn;
    QString failureCode;
    QJsonObject details; // provider-specific fields echoed back (CM.com consumer, webhooks, ...)
    QList<SandboxTxn> txns;
    QList<SandboxRefund> refunds;

    static QString providerName(Provider provider);
    static std::optional<Provider> providerFromName(QStringView name);
    static QString keyFor(Provider provider, const QString &id);
    QString key() const { return keyFor(provider, id); }

    bool isPending() const;
    qint64 refundedMinor() const;
    // Major-unit decimal string with the currency's full exponent, e.g. "149.50".
    QString amountDecimal() const;
    static QString decimalFor(qint64 minor, const QString &currency);

    QJsonObject toJson() const;
    // Error code: sandbox_state_corrupt.
    static Result<SandboxOrder> fromJson(const QJsonObject &object);
};
