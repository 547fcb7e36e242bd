#pragma once

#include "core/Money.h"
#include "core/PhoneNumber.h"

#include <QString>

#include <optional>

// What the cashier asks for: one sale. The UI and the CLI build it; the engine validates it.
struct CheckoutRequest
{
    QString provider;                    // a configured gateway's providerName()
    Money amount = Money::fromMinorUnits(0, Currency::inr()).value();
    std::optional<PhoneNumber> mobile;
    QString orderId;                     // reuse for the same sale; empty = a new sale
    QString cashier;
    QString note;
};
