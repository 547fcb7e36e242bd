#pragma once

#include "backoffice/Settings.h"
#include "checkout/PollPolicy.h"

#include <QString>

// The back office's polling settings (first check, longest wait, grace after expiry) as the
// schedule every sale of this till polls on; the other figures keep PollPolicy's defaults.
// Header only: the cashier's executable links Settings and the checkout layer but not the rest
// of the back office.
namespace PollSettings {

// The schedule the settings describe. One that PollPolicy refuses (a file edited by hand past
// the dialog's checks) gives the defaults, with the one-line reason in `why`.
inline PollPolicy policy(const Settings &settings, QString *why = nullptr)
{
    PollPolicy policy;
    policy.firstCheckMs = settings.integer(Settings::Key::PollFirstMs);
    policy.capMs = settings.integer(Settings::Key::PollCapMs);
    policy.graceAfterExpiryMs = qint64(settings.integer(Settings::Key::PollGraceS)) * 1000;
    const QString refused = policy.validate();
    if (refused.isEmpty())
        return policy;
    if (why)
        *why = QStringLiteral("polling settings refused (%1); the default schedule is used").arg(refused);
    return PollPolicy();
}

} // namespace PollSettings
