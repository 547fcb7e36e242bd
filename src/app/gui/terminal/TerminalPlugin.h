#pragma once

#include "app/gui/terminal/Terminal.h"

#include <QObject>

// The counterpay_terminal plugin's root object: makes AppTerminals.
class TerminalPlugin final : public QObject, public TerminalFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CounterPayTerminalFactory_iid)
    Q_INTERFACES(TerminalFactory)
    Q_DISABLE_COPY_MOVE(TerminalPlugin)

public:
    TerminalPlugin() = default;
    ~TerminalPlugin() override = default;

    std::unique_ptr<Terminal> createTerminal() override;
};
