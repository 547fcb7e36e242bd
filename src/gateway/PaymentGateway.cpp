#include "gateway/PaymentGateway.h"

PaymentGateway::~PaymentGateway() = default;

QString PaymentGateway::transactionIdFor(const QString &, const QString &) const
{
    return {};
}
