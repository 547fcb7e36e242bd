#include "sandbox/SandboxScenario.h"

namespace {

struct ScenarioName
{
    SandboxScenario::Kind kind;
    const char16_t *name;
    const char16_t *parameter; // nullptr: takes none
    const char16_t *help;
};

constexpr ScenarioName kScenarios[] = {
    { SandboxScenario::Kind::Manual, u"manual", nullptr,
        u"wait for the customer page or the control API (default)" },
    { SandboxScenario::Kind::ApproveAfter, u"approve-after", u"MS",
        u"the customer approves MS ms after the payment is initiated" },
    { SandboxScenario::Kind::DeclineAfter, u"decline-after", u"MS",
        u"the customer declines MS ms after the payment is initiated" },
    { SandboxScenario::Kind::ExpireAfter, u"expire-after", u"MS",
        u"the payment expires MS ms after it is initiated" },
    { SandboxScenario::Kind::Never, u"never", nullptr,
        u"the customer never acts (the control API still decides)" },
    { SandboxScenario::Kind::Flaky, u"flaky", u"K",
        u"503 with Retry-After: 1 for the first K gateway calls of each order" },
    { SandboxScenario::Kind::Throttle, u"throttle", u"K",
        u"429 with Retry-After: 1 for the first K gateway calls of each order" },
    { SandboxScenario::Kind::Slow, u"slow", u"MS", u"every gateway response is delayed by MS ms" },
    { SandboxScenario::Kind::Garbled, u"garbled", nullptr,
        u"gateway responses carry malformed JSON (the change is still made)" },
    { SandboxScenario::Kind::Truncated, u"truncated", nullptr,
        u"gateway response bodies are cut short, then the connection closes" },
    { SandboxScenario::Kind::DropAfterCommit, u"drop-after-commit", nullptr,
        u"changes are committed, then the connection closes without an answer" },
    { SandboxScenario::Kind::Oversized, u"oversized", nullptr,
        u"gateway responses are padded to more than 2 MiB (still valid JSON)" },
};

} // namespace

Result<SandboxScenario> SandboxScenario::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    const qsizetype colon = trimmed.indexOf(u':');
    const QStringView name = colon >= 0 ? trimmed.left(colon) : trimmed;
    const QStringView argument = colon >= 0 ? trimmed.mid(colon + 1) : QStringView();
    for (const ScenarioName &entry : kScenarios) {
        if (name != QStringView(entry.name))
            continue;
        if (!entry.parameter) {
            if (colon >= 0) {
                return Result<SandboxScenario>::failure(QStringLiteral("sandbox_bad_scenario"),
                    QStringLiteral("Scenario '%1' takes no parameter.").arg(name));
            }
            return SandboxScenario(entry.kind, 0);
        }
        bool ok = false;
        const int value = argument.toInt(&ok);
        const bool counted = entry.kind == Kind::Flaky || entry.kind == Kind::Throttle;
        const int maximum = counted ? kMaxFlakyCalls : kMaxDelayMs;
        if (!ok || value < 0 || value > maximum) {
            return Result<SandboxScenario>::failure(QStringLiteral("sandbox_bad_scenario"),
                QStringLiteral(
                    "Scenario '%1' needs %2 as a whole number from 0 to %3, as in %1:%4.")
                    .arg(name, QStringView(entry.parameter))
                    .arg(maximum)
                    .arg(counted ? 2 : 1500));
        }
        return SandboxScenario(entry.kind, value);
    }
    return Result<SandboxScenario>::failure(QStringLiteral("sandbox_bad_scenario"),
        QStringLiteral("Unknown scenario '%1'. See --help for the list.").arg(trimmed));
}

QString SandboxScenario::helpText()
{
    QString text;
    for (const ScenarioName &entry : kScenarios) {
        QString name = QString::fromUtf16(entry.name);
        if (entry.parameter)
            name += u':' + QString::fromUtf16(entry.parameter);
        text += QStringLiteral("  %1 %2\n").arg(name, -22).arg(QString::fromUtf16(entry.help));
    }
    return text;
}

QString SandboxScenario::toString() const
{
    for (const ScenarioName &entry : kScenarios) {
        if (entry.kind != m_kind)
            continue;
        if (!entry.parameter)
            return QString::fromUtf16(entry.name);
        return QString::fromUtf16(entry.name) + u':' + QString::number(m_parameter);
    }
    return {};
}
