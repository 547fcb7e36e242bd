#include "GuiSettings.h"

GuiSettings::Entry GuiSettings::entry(Key key)
{
    switch (key) {
    case Key::Language: return { "ui/language", QStringLiteral("en") };
    case Key::Demo: return { "ui/demo", true };
    case Key::ConfigPath: return { "gateway/config", QString() };
    case Key::Sound: return { "ui/sound", true };
    case Key::Speech: return { "ui/speech", false };
    case Key::MerchantName: return { "ui/merchantName", QStringLiteral("CounterPay demo store") };
    }
    return { "", QVariant() };
}

QVariant GuiSettings::value(Key key) const
{
    const Entry e = entry(key);
    return m_settings.value(QLatin1String(e.name), e.defaultValue);
}

void GuiSettings::setValue(Key key, const QVariant &value)
{
    m_settings.setValue(QLatin1String(entry(key).name), value);
}

bool GuiSettings::isFirstStart() const
{
    return m_settings.allKeys().isEmpty();
}
