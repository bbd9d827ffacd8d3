using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Rules.Model;

/// <summary>
/// A rule as data: the one place its ID, level, statement, basis, applicability, generation profile and
/// required coverage are written. Tests, reports and the README read it from here.
/// </summary>
public sealed record RuleInfo(string Id, Level Level, Area Area, string Statement, string Basis, ScenarioProfile Profile)
{
    public Applicability Applicability { get; init; } = Applicability.Scriptable;

    /// <summary>Classes every run must generate, or the rule fails its coverage gate.</summary>
    public IReadOnlyList<Required> Coverage { get; init; } = [];

    public IEnumerable<string> RequiredClasses(TargetDescription target) =>
        Coverage.Where(c => c.AppliesTo(target)).Select(c => c.Class);
}
