#pragma once

#include <QSettings>
#include <QVariant>

// The GUI's own settings, one key table (name, default). Secrets never live here.
class GuiSettings
{
public:
    enum class Key { Language, Demo, ConfigPath, Sound, Speech, MerchantName };

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    // Whether the settings file has been written before (demo is the default on first start).
    bool isFirstStart() const;

private:
    struct Entry
    {
        const char *name;
        QVariant defaultValue;
    };
    static Entry entry(Key key);

    QSettings m_settings;
};
