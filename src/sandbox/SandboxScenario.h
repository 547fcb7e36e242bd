#pragma once

#include "core/Result.h"

#include <QString>

// What the simulated customer and the simulated network do, chosen with --scenario.
class SandboxScenario
{
public:
    enum class Kind {
        Manual, // wait for the customer page or the control API
        ApproveAfter, // the customer approves MS milliseconds after the payment starts
        DeclineAfter, // ... declines
        ExpireAfter, // ... the payment expires
        Never, // the customer never acts (the control API still works)
        Flaky, // 503 + Retry-After for the first K calls of each order
        Throttle, // 429 + Retry-After for the first K calls of each order
        Slow, // every gateway response is delayed by MS milliseconds
        Garbled, // gateway responses carry malformed JSON
        Truncated, // gateway response bodies are cut short
        DropAfterCommit, // changes are committed, then the connection closes unanswered
        Oversized, // gateway responses are padded beyond 2 MiB (still valid JSON)
    };

    // Timers and delays are bounded so a typo cannot park a test for hours.
    static constexpr int kMaxDelayMs = 600'000;
    static constexpr int kMaxFlakyCalls = 1000;

    // "manual", "approve-after:1500", "flaky:2", ... Error code: sandbox_bad_scenario.
    static Result<SandboxScenario> parse(QStringView text);
    // One line per scenario, for --help and docs/sandbox.md.
    static QString helpText();

    Kind kind() const { return m_kind; }
    // MS for the *-after and slow scenarios, K for flaky and throttle, 0 otherwise.
    int parameter() const { return m_parameter; }
    QString toString() const;

private:
    SandboxScenario(Kind kind, int parameter)
        : m_kind(kind)
        , m_parameter(parameter)
    { }

    Kind m_kind;
    int m_parameter;
};
