namespace FfaConformance.Runner.Engine;

/// <summary>The result of one rule on one target: outcome, what was generated, and the evidence when it failed.</summary>
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
    TimeSpan Duration);
