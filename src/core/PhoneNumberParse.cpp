// PhoneNumber::parse, the one part of PhoneNumber that needs libphonenumber. It has a file of
// its own so code that only shows or masks a number (the cashier's window) links without
// libphonenumber and the window can start before that library (and ICU, protobuf) is loaded.
#include "core/PhoneNumber.h"

#include <QCoreApplication>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace {

using i18n::phonenumbers::PhoneNumberUtil;

// A message the cashier reads next to the mobile field: in the GUI's language once a translator
// is installed, English otherwise. Marked with QT_TRANSLATE_NOOP under "PhoneNumber".
QString msg(const char *source)
{
    return QCoreApplication::translate("PhoneNumber", source);
}

} // namespace

Result<PhoneNumber> PhoneNumber::parse(QStringView input, QStringView defaultRegion)
{
    const QString text = input.trimmed().toString();
    if (text.isEmpty())
        return Error::make("empty", msg(QT_TRANSLATE_NOOP("PhoneNumber", "Enter the customer's mobile number.")));

    int digits = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch.isDigit()) {
            ++digits;
            continue;
        }
        const bool punctuation = ch == u' ' || ch == u'-' || ch == u'(' || ch == u')'
                || ch == u'.' || ch == QChar(0x00A0);
        if (punctuation || (ch == u'+' && i == 0))
            continue;
        return Error::make("invalid_character",
                           msg(QT_TRANSLATE_NOOP("PhoneNumber", "'%1' cannot be part of a phone number; use digits, "
                                          "spaces and a leading +."))
                                   .arg(ch));
    }
    if (digits < 6) {
        return Error::make("too_short",
                           msg(QT_TRANSLATE_NOOP("PhoneNumber", "The number is too short; a mobile number has 10 "
                                          "digits.")));
    }

    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber parsed;
    const std::string region = defaultRegion.toString().toUpper().toStdString();
    switch (util->Parse(text.toStdString(), region, &parsed)) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return Error::make("invalid_country_code",
                           msg(QT_TRANSLATE_NOOP("PhoneNumber", "The country code is not valid; start with + and a "
                                          "country code such as +91, or leave it out.")));
    case PhoneNumberUtil::TOO_SHORT_NSN:
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        return Error::make("too_short",
                           msg(QT_TRANSLATE_NOOP("PhoneNumber", "The number is too short; a mobile number has 10 "
                                          "digits.")));
    case PhoneNumberUtil::TOO_LONG_NSN:
        return Error::make("too_long", msg(QT_TRANSLATE_NOOP("PhoneNumber", "The number has too many digits.")));
    default:
        return Error::make("not_a_number", msg(QT_TRANSLATE_NOOP("PhoneNumber", "This is not a phone number.")));
    }

    switch (util->IsPossibleNumberWithReason(parsed)) {
    case PhoneNumberUtil::TOO_SHORT:
    case PhoneNumberUtil::INVALID_LENGTH:
        return Error::make("too_short",
                           msg(QT_TRANSLATE_NOOP("PhoneNumber", "The number is too short; a mobile number has 10 "
                                          "digits.")));
    case PhoneNumberUtil::TOO_LONG:
        return Error::make("too_long", msg(QT_TRANSLATE_NOOP("PhoneNumber", "The number has too many digits.")));
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        return Error::make("invalid_country_code", msg(QT_TRANSLATE_NOOP("PhoneNumber", "The country code is not valid.")));
    default:
        break;
    }

    if (!util->IsValidNumber(parsed)) {
        std::string regionOfNumber;
        util->GetRegionCodeForCountryCode(parsed.country_code(), &regionOfNumber);
        return Error::make("invalid_number",
                           msg(QT_TRANSLATE_NOOP("PhoneNumber", "This is not a valid number in %1; check the digits."))
                                   .arg(QString::fromStdString(regionOfNumber)));
    }

    const PhoneNumberUtil::PhoneNumberType type = util->GetNumberType(parsed);
    if (type != PhoneNumberUtil::MOBILE && type != PhoneNumberUtil::FIXED_LINE_OR_MOBILE) {
        // Whole sentences, so each translates on its own.
        const char *message = type == PhoneNumberUtil::FIXED_LINE
                ? QT_TRANSLATE_NOOP("PhoneNumber", "This is a landline number; payment requests go to the "
                                                   "customer's mobile number.")
                : type == PhoneNumberUtil::TOLL_FREE
                ? QT_TRANSLATE_NOOP("PhoneNumber", "This is a toll-free number; payment requests go to the "
                                                   "customer's mobile number.")
                : QT_TRANSLATE_NOOP("PhoneNumber", "This is not a mobile number; payment requests go to the "
                                                   "customer's mobile number.");
        return Error::make("not_mobile", msg(message));
    }

    PhoneNumber number;
    std::string out;
    util->Format(parsed, PhoneNumberUtil::E164, &out);
    number.m_e164 = QString::fromStdString(out);
    out.clear();
    util->GetNationalSignificantNumber(parsed, &out);
    number.m_national = QString::fromStdString(out);
    out.clear();
    util->GetRegionCodeForNumber(parsed, &out);
    number.m_region = QString::fromStdString(out);
    number.m_countryCode = parsed.country_code();
    return number;
}
