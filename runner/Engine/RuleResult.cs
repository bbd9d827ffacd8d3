using FfaConformance.Records;

namespace FfaConformance.Runner.Engine;

/// <summary>
/// What checking one rule on one target found, before it is judged against expectations: the outcome, the
/// cases the runner counted itself (every generated case up to the first failure, never a shrink step), how
/// many exercised the rule, how many cases fell in each coverage class, and the evidence of a failure.
/// </summary>
public sealed record RuleResult(
    string RuleId,
    string Target,
    RuleOutcome Outcome,
    string Message,
    int Cases,
    int Exercised,
    IReadOnlyDictionary<string, int> Classes,
    IReadOnlyList<string> MissingClasses,
    Counterexample? Counterexample,
    string Seed,
    TimeSpan Duration)
{
    /// <summary>How many cases a real secure world gave each class of answer in (<see cref="CaseRun.Answers"/>); empty where a script answered.</summary>
    public IReadOnlyDictionary<string, int> Answered { get; init; } = new Dictionary<string, int>();

    /// <summary>A result with nothing generated: not applicable, unavailable or broken.</summary>
    public static RuleResult Empty(string ruleId, string target, RuleOutcome outcome, string message, TimeSpan duration = default) =>
        new(ruleId, target, outcome, message, 0, 0, new Dictionary<string, int>(), [], null, string.Empty, duration);
}
