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
#if COUNTERPAY_FUZZ_TARGET == 1
    (void)JuspayParser::parseTxn(body);
    (void)JuspayParser::parseOrderCreate(body);
#elif COUNTERPAY_FUZZ_TARGET == 2
    check(JuspayParser::parseOrderStatus(body, inr(14950)));
#elif COUNTERPAY_FUZZ_TARGET == 3
    (void)JuspayParser::parseRefund(body, QStringLiteral("T01ABC123-r1"), Currency::inr());
    (void)JuspayParser::parseError(body, GatewayError());
#elif COUNTERPAY_FUZZ_TARGET == 4
    check(GooglePayParser::parseTransaction(body, inr(10075)));
    (void)GooglePayParser::parseInitiate(body, id);
    (void)GooglePayParser::parseError(body, GatewayError());
#elif COUNTERPAY_FUZZ_TARGET == 5
    check(CmComParser::parseTransaction(body, Money::fromMinorUnits(1200, Currency::fromCode(u"EUR").value()).value()));
    (void)CmComParser::parseInitialize(body, id);
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
