// One libFuzzer entry point, compiled once per response parser (COUNTERPAY_FUZZ_TARGET picks
// which). Built only with -DCOUNTERPAY_FUZZ=ON and clang; run by scripts/fuzz.sh.
#include "core/Money.h"
#include "gateway/LogRedactor.h"
#include "gateway/OAuthToken.h"
#include "gateway/cmcom/CmComParser.h"
#include "gateway/googlepay/GooglePayParser.h"
#include "gateway/juspay/JuspayParser.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

Money inr(qint64 minor)
{
    return Money::fromMinorUnits(minor, Currency::inr()).value();
}

// A parser may refuse anything, but what it accepts must be self-consistent.
void check(const GatewayResult<PaymentStatus> &status)
{
    if (!status.ok())
        return;
    if (status->state == PaymentState::Charged && !status->amountVerified)
        std::abort(); // "charged" without the amount check would be the worst bug here
    if (status->amountVerified && !status->reportedAmount)
        std::abort();
    if (status->orderId != QLatin1String("T01ABC123"))
        std::abort(); // an accepted answer names the order asked about
    if (status->state == PaymentState::Charged && status->refundedAmount && status->refundedAmount->minorUnits() > 0)
        std::abort(); // money that went back is never "charged"
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(QStringLiteral("counterpay.*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString id = QStringLiteral("T01ABC123");
    const AnswerIdentity identity { id, QStringLiteral("counterpay_demo"), {} };
#if COUNTERPAY_FUZZ_TARGET == 1
    (void)JuspayParser::parseTxn(body, identity);
    (void)JuspayParser::parseOrderCreate(body, identity);
#elif COUNTERPAY_FUZZ_TARGET == 2
    check(JuspayParser::parseOrderStatus(body, identity, inr(14950)));
#elif COUNTERPAY_FUZZ_TARGET == 3
    (void)JuspayParser::parseRefund(body, identity, QStringLiteral("T01ABC123-r1"), Currency::inr());
    (void)JuspayParser::parseError(body, GatewayError());
#elif COUNTERPAY_FUZZ_TARGET == 4
    check(GooglePayParser::parseTransaction(body, identity, inr(10075)));
    (void)GooglePayParser::parseInitiate(body, identity);
    (void)GooglePayParser::parseError(body, GatewayError());
#elif COUNTERPAY_FUZZ_TARGET == 5
    const AnswerIdentity cmIdentity { id, QString(), QStringLiteral("8db1e7fa-ba8a-4189-92fd-67a20217443d") };
    check(CmComParser::parseTransaction(body, cmIdentity, Money::fromMinorUnits(1200, Currency::fromCode(u"EUR").value()).value()));
    (void)CmComParser::parseInitialize(body, identity);
    (void)CmComParser::parseError(body, GatewayError());
#elif COUNTERPAY_FUZZ_TARGET == 6
    (void)OAuthToken::parse(body);
    (void)OAuthToken::parseError(body, GatewayError());
    (void)LogRedactor::redactBody(body);
#else
#error "COUNTERPAY_FUZZ_TARGET must be 1..6"
#endif
    return 0;
}
