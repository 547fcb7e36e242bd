#pragma once

#include "core/PaymentState.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QUrl>

// The texts CRED asks the merchant to show ("Pay with CRED" ...), from sdk_params.response.layout.
struct CredLayout
{
    QString title;
    QString subText;
    QString bannerText;
    QString ctaText;
    QUrl icon;

    bool isEmpty() const { return title.isEmpty() && ctaText.isEmpty() && bannerText.isEmpty(); }
};

// What start() gives back: where the customer authenticates and the provider's references.
// The code the customer scans is upiUri when set, else authUrl (scanCode()).
//
// Authentication method (a decision that touches the UI issue):
// - GET: authUrl is a plain URL. The cashier's web view loads it, and the QR code encodes it.
// - POST: authUrl plus `params` must be submitted as an HTML form (Juspay wallets such as
//   GOPAY answer this way). The gateway layer does not submit it: the cashier's web view
//   performs the POST (a generated auto-submitting form), and for the customer's phone the UI
//   offers a QR of a local hand-off page that renders the same auto-submitting form. The
//   gateway only exposes url + method + params, unchanged and in full.
struct PaymentSession
{
    enum class Method { None, Get, Post };

    QString orderId;
    QUrl authUrl;                    // empty for pure push flows (Google direct)
    Method method = Method::None;
    QMap<QString, QString> params;   // form fields for Method::Post
    QUrl intentUrl;                  // CRED intent mode: fire this on the customer's device
    QString checkoutMode;            // CRED: "collect" or "intent"; empty elsewhere
    CredLayout credLayout;
    QDateTime expiresAt;             // UTC; invalid when the provider did not say
    QString txnId;                   // provider transaction id (CM.com: its transaction id)
    QString txnUuid;                 // Juspay txn_uuid
    QString rawStatus;               // the provider's status string as received
    // Juspay UPI QR: the upi://pay URI the QR encodes (built from the answer's sdk_params and
    // checked against the order's amount), and the payee name the customer's UPI app shows.
    // When set, this, not authUrl, is what the customer scans.
    QString upiUri;
    QString payeeName;
    PaymentState state = PaymentState::AwaitingCustomer; // rawStatus mapped

    // What a QR of this session encodes: the UPI intent for a UPI QR, else the page (GET only:
    // a POST form cannot travel in a QR). Empty: nothing to scan.
    QString scanCode() const
    {
        if (!upiUri.isEmpty())
            return upiUri;
        return method == Method::Get && !authUrl.isEmpty() ? authUrl.toString(QUrl::FullyEncoded) : QString();
    }

    static QString methodName(Method method)
    {
        return method == Method::Get ? QStringLiteral("GET")
               : method == Method::Post ? QStringLiteral("POST") : QString();
    }
};
