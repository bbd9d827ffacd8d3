using FfaConformance.Abi;

namespace FfaConformance.Runner.Configuration;

/// <summary>
/// One configured target: its adapter, the FF-A version its transport negotiates, adapter-specific keys, and which of
/// them the shipped defaults file gives (their paths name files that ship with the suite).
/// </summary>
public sealed record TargetSettings(string Name, string Adapter, FfaVersion Version, int? MaxTest, IReadOnlyDictionary<string, string> Keys)
{
    public IReadOnlySet<string> FromDefaults { get; init; } = new HashSet<string>();
}
