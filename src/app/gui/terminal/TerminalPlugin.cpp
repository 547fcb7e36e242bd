#include "TerminalPlugin.h"

#include "AppTerminal.h"

std::unique_ptr<Terminal> TerminalPlugin::createTerminal()
{
    return std::make_unique<AppTerminal>();
}
