using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Runner.Engine;

/// <summary>
/// One case as it ran: the scenario (as answered, where a real secure world answered), what the target did with it, and
/// the rule's verdict.
/// </summary>
public sealed record CaseRun(Scenario Scenario, Trace Trace, CaseVerdict Verdict)
{
    /// <summary>The first call a real secure world answered outside the generators (<see cref="CaseView.Unread"/>).</summary>
    public ConduitCall? Unread { get; init; }

    /// <summary>The classes of the answers the secure world gave, one per answered call.</summary>
    public IEnumerable<string> Answers => Unread is { } unread ? [Rule.UnreadClass(unread)] : AnsweredScenario.Labels(Scenario, Trace);
}
