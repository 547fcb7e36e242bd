#include "sandbox/SandboxContext.h"

#include "core/Clock.h"
#include "sandbox/SandboxStore.h"

SandboxContext::SandboxContext(SandboxOptions options, SandboxStore *store)
    : m_options(std::move(options))
    , m_store(store)
    , m_random(quint32(m_options.seed ^ (m_options.seed >> 32)))
    , m_upiProfile(m_options.upi)
{ }

QDateTime SandboxContext::now() const
{
    return m_options.clock ? m_options.clock->nowUtc() : QDateTime::currentDateTimeUtc();
}

QString SandboxContext::url(const QString &path) const
{
    QString base = m_baseUrl.toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + path;
}

QString SandboxContext::randomAlphanumeric(int length)
{
    static const QLatin1String alphabet(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text.append(QChar(alphabet.at(int(m_random.bounded(quint32(alphabet.size()))))));
    return text;
}

QString SandboxContext::randomDigits(int length)
{
    QString text;
    for (int i = 0; i < length; ++i)
        text.append(QChar(u'0' + int(m_random.bounded(10u))));
    return text;
}

QString SandboxContext::randomUuid()
{
    static const QLatin1String hex("0123456789abcdef");
    QString text;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            text.append(u'-');
        int digit = int(m_random.bounded(16u));
        if (i == 12)
            digit = 4; // version 4
        else if (i == 16)
            digit = 8 | (digit & 3); // RFC 4122 variant
        text.append(QChar(hex.at(digit)));
    }
    return text;
}
