using System.Collections.Immutable;
using System.Text;

namespace FfaConformance.Scenarios.Traces;

/// <summary>What the target did in one case: the boot-time calls, then one <see cref="StepTrace"/> per step.</summary>
public sealed record Trace(ImmutableArray<ConduitCall> Boot, ImmutableArray<StepTrace> Steps)
{
    public bool Equals(Trace? other) => other is not null && Boot.SequenceEqual(other.Boot) && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => HashCode.Combine(Boot.Length, Steps.Length);

    public override string ToString()
    {
        var text = new StringBuilder();
        if (!Boot.IsEmpty)
        {
            text.Append("boot:");
            foreach (var call in Boot)
            {
                text.Append("\n    ").Append(call);
            }

            text.Append('\n');
        }

        for (var i = 0; i < Steps.Length; i++)
        {
            text.Append("step ").Append(i + 1).Append(':');
            for (var c = 0; c < Steps[i].Calls.Length; c++)
            {
                text.Append("\n    #").Append(c + 1).Append(' ').Append(Steps[i].Calls[c]);
            }

            text.Append("\n    ").Append(Steps[i].Outcome).Append('\n');
        }

        return text.ToString().TrimEnd();
    }
}
