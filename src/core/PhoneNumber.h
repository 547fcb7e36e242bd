#pragma once

#include "core/Result.h"

#include <QString>

// A customer's mobile number, validated with libphonenumber. Personal data: show and log only
// masked() unless a gateway needs the digits.
class PhoneNumber
{
public:
    // National ("98765 43210", "098765-43210") or international ("+91 98765 43210") input.
    // defaultRegion is the ISO 3166 region assumed for national input.
    static Result<PhoneNumber> parse(QStringView input, QStringView defaultRegion = u"IN");

    // Masks any text that may hold a phone number, for log lines: all but the last 4 digits.
    static QString maskForLog(QStringView raw);

    // "+919876543210"
    QString e164() const { return m_e164; }
    // The national significant number: the 10 digits Juspay's `mobile_number` wants in India.
    QString nationalNumber() const { return m_national; }
    int countryCode() const { return m_countryCode; }
    QString regionCode() const { return m_region; }
    // "+91" as CRED's countryCode field wants it.
    QString countryCallingCode() const { return u'+' + QString::number(m_countryCode); }
    QString lastFour() const { return m_national.right(4); }
    // "••••••3210", for screens and logs.
    QString masked() const;

    bool operator==(const PhoneNumber &other) const { return m_e164 == other.m_e164; }

private:
    PhoneNumber() = default;

    QString m_e164;
    QString m_national;
    QString m_region;
    int m_countryCode = 0;
};
