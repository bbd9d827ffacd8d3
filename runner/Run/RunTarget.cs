using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Runner.Expectations;

namespace FfaConformance.Runner.Run;

/// <summary>
/// One target of a run: its name, adapter and version as configured, how to build it (once, when its first
/// rule is checked), what it is expected to fail, its own cases per rule when it has one, and every key its
/// configuration set (<see cref="Keys"/>), which with the rest defines its verdicts (<see cref="TargetDigest"/>).
/// </summary>
public sealed record RunTarget(
    string Name,
    string Adapter,
    FfaVersion Version,
    Func<ITarget> Build,
    IReadOnlyDictionary<string, Expectation> Expectations,
    int? MaxTest = null)
{
    public IReadOnlyDictionary<string, string> Keys { get; init; } = new Dictionary<string, string>();
}
