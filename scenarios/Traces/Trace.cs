using System.Collections.Immutable;

namespace FfaConformance.Scenarios.Traces;

/// <summary>What the target did in one case: the boot-time calls, then one <see cref="StepTrace"/> per step.</summary>
public sealed record Trace(ImmutableArray<ConduitCall> Boot, ImmutableArray<StepTrace> Steps)
{
    public bool Equals(Trace? other) => other is not null && Boot.SequenceEqual(other.Boot) && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => HashCode.Combine(Boot.Length, Steps.Length);
}
