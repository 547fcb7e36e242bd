#pragma once

#include "sandbox/SandboxHttpRequest.h"
#include "sandbox/SandboxOrder.h"

#include <QHash>
#include <QString>

#include <optional>

class SandboxContext;
class SandboxCustomer;

// The simulated UPI app behind POST /__sandbox/upi/pay: it "scans" a dynamic QR's
// upi://pay?... URI (form field `uri` or JSON {"uri": ...}) and pays the order whose UPI_QR
// transaction has that `tr`, only when the URI matches what that transaction was issued with.
//
//   200 the order summary: charged (state Charged, charges + 1, a 12-digit UPI RRN)
//   400 missing_uri, not_upi_pay_uri (not upi://pay?..., a bad %-escape or a repeated
//       parameter), missing_tr
//   404 unknown_tr        no UPI_QR transaction has this tr
//   409 already_paid      the order is charged (a second pay of the same tr: charges stays 1)
//   409 superseded        a newer transaction replaced this one on the order
//   409 not_payable       the order is declined or failed
//   410 expired           the payment or the order (metadata.expiryInMins) expired
//   422 wrong_currency    cu is not INR
//   422 wrong_payee       pa is not the VPA the transaction was issued with
//   422 amount_mismatch   am is not the order's amount with two fraction digits ("149.50")
//   402 declined          scenario decline-after: the payer's bank declines the payment and
//                         the order becomes Declined (bank_error_code ZA)
// Other scenarios: approve-after, expire-after and never leave the app's payment as above
// (whichever comes first wins); the network scenarios (flaky, slow, garbled, ...) touch only
// the gateway calls, never this endpoint, which is the customer's side.
class SandboxUpiApp
{
public:
    struct Outcome
    {
        int status = 200;
        QString code; // empty on success
        QString message;
        std::optional<SandboxOrder> order; // the order the tr names, if any
    };

    SandboxUpiApp(SandboxContext &context, SandboxCustomer &customer);

    // The `uri` of a form or JSON body, or nullopt.
    static std::optional<QString> uriOf(const SandboxHttpRequest &request);
    // upi://pay?a=b&... into percent-decoded values ('+' is a literal plus). nullopt if it is
    // not a upi://pay URI, a value has a bad escape, or a parameter appears twice.
    static std::optional<QHash<QString, QString>> parsePayUri(const QString &uri);

    Outcome pay(const QString &uri);

private:
    SandboxContext &m_context;
    SandboxCustomer &m_customer;
};
