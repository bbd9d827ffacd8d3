using FfaConformance.Records;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Runner.Expectations;

/// <summary>A verdict and the line that explains it.</summary>
public sealed record Judgement(Verdict Verdict, string Explanation, Expectation? Expectation)
{
    public static Judgement Of(RuleResult result, Expectation? expected, DateOnly today)
    {
        var subject = $"{result.Target} fails {result.RuleId}";
        return (result.Outcome, expected) switch
        {
            (RuleOutcome.Unavailable, _) => new(Verdict.Skipped, result.Message, expected),
            (RuleOutcome.NotApplicable, null) => new(Verdict.Skipped, result.Message, null),
            (RuleOutcome.NotExercised, null) => new(Verdict.Skipped, result.Message, null),
            (RuleOutcome.NotExercised, { } e) => new(Verdict.Skipped,
                $"{result.Message}; the expectation that {subject} with {e.Describe()} ({e.Reference}) is not checked here", e),
            (RuleOutcome.NotApplicable, { } e) => new(Verdict.StaleExpectation,
                $"stale expectation: {result.RuleId} does not apply to {result.Target} ({result.Message}) yet the expectations list it ({e.Reference}); remove the entry", e),
            (RuleOutcome.Passed, null) => new(Verdict.Passed, result.Message, null),
            (RuleOutcome.Passed, { } e) => new(Verdict.UnexpectedPass,
                $"unexpected pass: {result.Target} was expected to fail {result.RuleId} with {e.Describe()} ({e.Reference}: {e.Reason}) but passed {result.Cases} cases; remove the entry", e),
            (RuleOutcome.CoverageGap, _) => new(Verdict.CoverageGap, result.Message, expected),
            (RuleOutcome.Failed, null) => new(Verdict.Failed, result.Message, null),
            (RuleOutcome.Failed, { } e) when Matches(e, result) && e.Expires < today => new(Verdict.ExpiredExpectation,
                $"the expectation that {subject} with {e.Describe()} expired on {e.Expires:yyyy-MM-dd} ({e.Reference}: {e.Reason}); fix the target or renew the entry: {result.Message}", e),
            (RuleOutcome.Failed, { } e) when Matches(e, result) => new(Verdict.ExpectedFailure,
                $"expected failure ({e.Reference}: {e.Reason}; until {e.Expires:yyyy-MM-dd}): {result.Message}", e),
            (RuleOutcome.Failed, { } e) => new(Verdict.Failed,
                $"unexpected failure: {result.Target} was expected to fail {result.RuleId} with {e.Describe()} ({e.Reference}), but it failed with {FailureKinds.Phrase(result.Counterexample!.Failing.Verdict.Kind)}: {result.Message}", e),
            (_, null) => new(Verdict.Failed, result.Message, null),
            (_, { } e) => new(Verdict.Failed,
                $"{result.Message} (the expectation that {subject} with {e.Describe()} does not cover a target that could not be checked)", e),
        };
    }

    /// <summary>The failure is the one the entry expects: its kind, and its text when the entry gives one.</summary>
    public static bool Matches(Expectation expected, RuleResult result) =>
        result.Counterexample?.Failing.Verdict is { Finding: { } finding, Kind: var kind }
        && kind == expected.Failure
        && (expected.Text is null || finding.ToString().Contains(expected.Text, StringComparison.Ordinal));
}
