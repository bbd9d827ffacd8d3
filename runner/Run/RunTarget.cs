using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Runner.Expectations;

namespace FfaConformance.Runner.Run;

/// <summary>
/// One target of a run: its name, adapter and version as configured, how to build it (once, when its first
/// rule is checked), what it is expected to fail, and its own cases per rule when it has one.
/// </summary>
public sealed record RunTarget(
    string Name,
    string Adapter,
    FfaVersion Version,
    Func<ITarget> Build,
    IReadOnlyDictionary<string, Expectation> Expectations,
    int? MaxTest = null);
