using System.Collections.Immutable;
using System.Text;
using FfaConformance.Scenarios.Steps;

namespace FfaConformance.Scenarios;

/// <summary>What one case generates: the boot state and the steps, each send with its own script.</summary>
public sealed record Scenario(BootState Boot, ImmutableArray<Step> Steps)
{
    public static Scenario Of(BootState boot, params Step[] steps) => new(boot, [.. steps]);

    /// <summary>The send step <paramref name="index"/> stands for (a twin resolved against its original), or null.</summary>
    public SendStep? SendAt(int index) => Steps[index] switch
    {
        SendStep send => send,
        TwinStep twin when Steps[twin.Of] is SendStep original => twin.Resolve(original),
        _ => null,
    };

    /// <summary>The destination and script of step <paramref name="index"/> when it sends a request of either interface, or null.</summary>
    public (ushort Destination, Script Script)? RequestAt(int index) => Steps[index] switch
    {
        Send2Step send2 => (send2.Request.Destination, send2.Script),
        _ => SendAt(index) is { } send ? (send.Request.Destination, send.Script) : null,
    };

    /// <summary>Whether ExitBootServices has happened before step <paramref name="index"/>.</summary>
    public ExitBootServicesStep? ExitBootServicesBefore(int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (Steps[i] is ExitBootServicesStep ebs)
            {
                return ebs;
            }
        }

        return null;
    }

    /// <summary>Whether SetVirtualAddressMap has happened before step <paramref name="index"/>.</summary>
    public bool VirtualAddressMapBefore(int index) => Steps.Take(index).Any(s => s is SetVirtualAddressMapStep);

    public bool Equals(Scenario? other) => other is not null && Boot == other.Boot && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => HashCode.Combine(Boot, Steps.Length);

    public override string ToString()
    {
        var text = new StringBuilder($"boot: {Boot}");
        for (var i = 0; i < Steps.Length; i++)
        {
            text.Append('\n').Append("  step ").Append(i + 1).Append(": ").Append(Steps[i]);
        }

        return text.ToString();
    }
}
