#include "sandbox/SandboxUpiProfile.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxOffsetMinor = 1'000'000'000;

Result<SandboxUpiProfile> bad(const QString &message)
{
    return Result<SandboxUpiProfile>::failure(u"sandbox_bad_profile"_s, message);
}

} // namespace

const QStringList &SandboxUpiProfile::memberNames()
{
    static const QStringList names { u"merchant_vpa"_s, u"merchant_name"_s, u"tr"_s, u"tid"_s,
        u"mcc"_s, u"amount"_s, u"currency"_s };
    return names;
}

QJsonObject SandboxUpiProfile::toJson() const
{
    return QJsonObject {
        { u"merchant_vpa"_s, merchantVpa },
        { u"merchant_name"_s, merchantName },
        { u"mcc"_s, mcc },
        { u"include_tid"_s, includeTid },
        { u"amount_offset_minor"_s, amountOffsetMinor },
        { u"omit"_s, QJsonArray::fromStringList(omit) },
    };
}

Result<SandboxUpiProfile> SandboxUpiProfile::fromJson(
    const QJsonObject &object, const SandboxUpiProfile &defaults)
{
    static const QStringList known { u"merchant_vpa"_s, u"merchant_name"_s, u"mcc"_s,
        u"include_tid"_s, u"amount_offset_minor"_s, u"omit"_s };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            return bad(u"Unknown profile member '%1'; known: %2."_s.arg(
                it.key().left(40), known.join(u", "_s)));
        }
    }
    SandboxUpiProfile profile = defaults;
    auto text = [&object](const QString &name, QString &into, int maxLength) {
        if (!object.contains(name))
            return true;
        const QJsonValue value = object.value(name);
        if (!value.isString() || value.toString().isEmpty() || value.toString().size() > maxLength)
            return false;
        into = value.toString();
        return true;
    };
    if (!text(u"merchant_vpa"_s, profile.merchantVpa, 255))
        return bad(u"merchant_vpa must be a text of 1 to 255 characters."_s);
    if (!text(u"merchant_name"_s, profile.merchantName, 100))
        return bad(u"merchant_name must be a text of 1 to 100 characters."_s);
    if (!text(u"mcc"_s, profile.mcc, 4)
        || !QRegularExpression(u"^[0-9]{4}$"_s).match(profile.mcc).hasMatch())
        return bad(u"mcc must be four digits, as in \"5411\"."_s);
    if (object.contains(u"include_tid"_s)) {
        if (!object.value(u"include_tid"_s).isBool())
            return bad(u"include_tid must be true or false."_s);
        profile.includeTid = object.value(u"include_tid"_s).toBool();
    }
    if (object.contains(u"amount_offset_minor"_s)) {
        const QJsonValue value = object.value(u"amount_offset_minor"_s);
        const qint64 offset = value.toInteger(kMaxOffsetMinor + 1);
        if (!value.isDouble() || offset > kMaxOffsetMinor || offset < -kMaxOffsetMinor)
            return bad(u"amount_offset_minor must be a whole number of paise (at most %1 either "
                       "way)."_s.arg(kMaxOffsetMinor));
        profile.amountOffsetMinor = offset;
    }
    if (object.contains(u"omit"_s)) {
        const QJsonValue value = object.value(u"omit"_s);
        if (!value.isArray())
            return bad(u"omit must be an array of sdk_params member names."_s);
        profile.omit.clear();
        for (const QJsonValue &name : value.toArray()) {
            if (!name.isString() || !memberNames().contains(name.toString())) {
                return bad(u"omit may name only %1."_s.arg(memberNames().join(u", "_s)));
            }
            profile.omit.append(name.toString());
        }
    }
    return profile;
}
