using FfaConformance.Abi;

namespace FfaConformance.Runner.Configuration;

/// <summary>One configured target: its adapter, the FF-A version its transport negotiates, and adapter-specific keys.</summary>
public sealed record TargetSettings(string Name, string Adapter, FfaVersion Version, int? MaxTest, IReadOnlyDictionary<string, string> Keys);
