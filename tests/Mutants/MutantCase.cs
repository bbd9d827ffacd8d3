using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Tests.Mutants;

/// <summary>
/// A mutant transport with one deliberate deviation, the rule meant to catch it at <see cref="Version"/>, and
/// the minimal counterexample shrinking must reach: an exact scenario, or — where several are equally minimal
/// — a description and a test.
/// </summary>
public sealed record MutantCase(
    string Name,
    Func<IConduit, FfaVersion, ReferenceTransport> Create,
    string RuleId,
    FfaVersion Version,
    Scenario? Exactly,
    string Shape,
    Func<Scenario, bool> IsMinimal)
{
    public static MutantCase Exact(string name, Func<IConduit, FfaVersion, ReferenceTransport> create, string ruleId, Scenario minimal, FfaVersion? version = null) =>
        new(name, create, ruleId, version ?? FfaVersion.V1_2, minimal, minimal.ToString(), s => s.Equals(minimal));

    public static MutantCase Like(string name, Func<IConduit, FfaVersion, ReferenceTransport> create, string ruleId, string shape, Func<Scenario, bool> isMinimal, FfaVersion? version = null) =>
        new(name, create, ruleId, version ?? FfaVersion.V1_2, null, shape, isMinimal);

    /// <summary>The mutant as an emulator target at its version, with every capability.</summary>
    public EmulatorTarget Emulator() =>
        new(new TargetDescription(Name, EmulatorTarget.AdapterName, Version, TargetCapabilities.All, new Provenance("mutant")), Create);

    public override string ToString() => $"{Name} → {RuleId} at {Version}";
}
