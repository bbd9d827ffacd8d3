using System.Collections.Immutable;

namespace FfaConformance.Scenarios.Traces;

/// <summary>The conduit calls one step caused, in order, and how it ended.</summary>
public sealed record StepTrace(ImmutableArray<ConduitCall> Calls, StepOutcome Outcome)
{
    public static readonly StepTrace Unrun = new([], NotRun.Instance);

    /// <summary>Same calls (issued and answered) and same outcome: what twin rules compare.</summary>
    public bool SameBehaviourAs(StepTrace other) =>
        Outcome == other.Outcome
        && Calls.Length == other.Calls.Length
        && Calls.Zip(other.Calls).All(p => p.First.Conduit == p.Second.Conduit && p.First.Issued.Equals(p.Second.Issued));

    public bool Equals(StepTrace? other) => other is not null && Outcome == other.Outcome && Calls.SequenceEqual(other.Calls);

    public override int GetHashCode() => HashCode.Combine(Calls.Length, Outcome);
}
