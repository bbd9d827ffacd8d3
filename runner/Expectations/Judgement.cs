using FfaConformance.Runner.Engine;

namespace FfaConformance.Runner.Expectations;

/// <summary>What a result means once the target's expectations are taken into account.</summary>
public enum Verdict
{
    Passed,
    ExpectedFailure,
    Failed,
    UnexpectedPass,
    ExpiredExpectation,
    StaleExpectation,
    CoverageGap,
    Skipped,
}

/// <summary>A verdict and the line that explains it.</summary>
public sealed record Judgement(Verdict Verdict, string Explanation, Expectation? Expectation)
{
    /// <summary>Green when nothing happened that the expectations did not foresee.</summary>
    public bool IsGreen => Verdict is Verdict.Passed or Verdict.ExpectedFailure or Verdict.Skipped;

    public static Judgement Of(RuleResult result, Expectation? expected, DateOnly today)
    {
        if (expected is not null && expected.Expires < today)
        {
            return new(Verdict.ExpiredExpectation,
                $"the expectation that {result.Target} fails {result.RuleId} expired on {expected.Expires:yyyy-MM-dd} ({expected.Reference}: {expected.Reason}); fix the target or renew the entry",
                expected);
        }

        return (result.Outcome, expected) switch
        {
            (RuleOutcome.TargetUnavailable, _) => new(Verdict.Skipped, result.Message, expected),
            (RuleOutcome.Failed, null) => new(Verdict.Failed, result.Message, null),
            (RuleOutcome.Failed, { } e) => new(Verdict.ExpectedFailure, $"expected failure ({e.Reference}: {e.Reason}; until {e.Expires:yyyy-MM-dd}): {result.Message}", e),
            (RuleOutcome.Passed, { } e) => new(Verdict.UnexpectedPass,
                $"unexpected pass: {result.Target} was expected to fail {result.RuleId} ({e.Reference}: {e.Reason}) but passed {result.Cases} cases; remove the entry", e),
            (RuleOutcome.NotApplicable, { } e) => new(Verdict.StaleExpectation,
                $"stale expectation: {result.RuleId} does not apply to {result.Target} ({result.Message}) yet the expectations list it ({e.Reference})", e),
            (RuleOutcome.Passed, null) => new(Verdict.Passed, result.Message, null),
            (RuleOutcome.CoverageGap, _) => new(Verdict.CoverageGap, result.Message, expected),
            _ => new(Verdict.Skipped, result.Message, null),
        };
    }
}
