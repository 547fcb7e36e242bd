#pragma once

#include "gateway/PaymentGateway.h"

// Forwards every call to a real gateway and counts the status queries: how many were made and
// how many were on the wire at once (the most seen). For tests of concurrency limits.
class CountingGateway final : public PaymentGateway
{
public:
    explicit CountingGateway(PaymentGateway &inner) : m_inner(inner) { }
    QString providerName() const override { return m_inner.providerName(); }
    void start(const PaymentRequest &request, QObject *context, Callback<PaymentSession> done) override
    {
        m_inner.start(request, context, std::move(done));
    }
    void status(const OrderRef &order, QObject *context, Callback<PaymentStatus> done) override
    {
        ++m_calls;
        m_maxInFlight = qMax(m_maxInFlight, ++m_inFlight);
        m_inner.status(order, context, [this, done](const GatewayResult<PaymentStatus> &result) {
            --m_inFlight;
            done(result);
        });
    }
    void refund(const RefundRequest &request, QObject *context, Callback<RefundResult> done) override
    {
        m_inner.refund(request, context, std::move(done));
    }
    int calls() const { return m_calls; }
    int maxInFlight() const { return m_maxInFlight; }

private:
    PaymentGateway &m_inner;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_calls = 0;
};
