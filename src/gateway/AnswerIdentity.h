#pragma once

#include "gateway/GatewayError.h"

#include <QLoggingCategory>
#include <QString>

#include <optional>

// Whom an answer must be about. A provider's status, transaction or initiate answer counts
// only for the order it names: an answer naming another order (a proxy's mix-up, a cache, a
// provider fault) proves nothing about ours and is refused as Kind::IdentityMismatch, never
// read as a status. The parsers take one of these and compare every identity field the
// provider sends (see ../shared/api/README.md, "Every status answer names its order").
struct AnswerIdentity
{
    QString orderId;       // our order id: Juspay order_id, Google transactionId, CM.com reference
    QString merchantId;    // the configured merchant; empty: not compared
    QString providerTxnId; // CM.com: the transaction id we asked by; empty: not compared

    // nullopt when `got` equals `expected`; otherwise an IdentityMismatch error saying which
    // field of which answer named what, logged as a warning on `category`. The echoed value is
    // cleaned with JsonSupport::cleanText (control characters dropped, long digit runs masked,
    // cut); `expected` is ours and already validated.
    static std::optional<GatewayError> compare(const QLoggingCategory &(*category)(), const QString &what,
                                               QLatin1String field, const QString &expected,
                                               const QString &got);
};
