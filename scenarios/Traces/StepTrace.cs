using System.Collections.Immutable;

namespace FfaConformance.Scenarios.Traces;

/// <summary>The conduit calls one step caused, in order, and how it ended.</summary>
public sealed record StepTrace(ImmutableArray<ConduitCall> Calls, StepOutcome Outcome)
{
    public static readonly StepTrace Unrun = new([], NotRun.Instance);

    public bool Equals(StepTrace? other) => other is not null && Outcome == other.Outcome && Calls.SequenceEqual(other.Calls);

    public override int GetHashCode() => HashCode.Combine(Calls.Length, Outcome);
}
