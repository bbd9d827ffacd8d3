using FfaConformance.Runner.Expectations;

namespace FfaConformance.Reports;

/// <summary>How each verdict is shown: its mark in the summary and the matrix, and its word in counts.</summary>
public static class Verdicts
{
    public static string Mark(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "pass",
        Verdict.ExpectedFailure => "xfail",
        Verdict.Failed => "FAIL",
        Verdict.UnexpectedPass => "XPASS",
        Verdict.ExpiredExpectation => "EXPIRED",
        Verdict.StaleExpectation => "STALE",
        Verdict.CoverageGap => "GAP",
        _ => "skip",
    };

    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "passed",
        Verdict.ExpectedFailure => "expected failures",
        Verdict.Failed => "failed",
        Verdict.UnexpectedPass => "unexpected passes",
        Verdict.ExpiredExpectation => "expired expectations",
        Verdict.StaleExpectation => "stale expectations",
        Verdict.CoverageGap => "coverage gaps",
        _ => "skipped",
    };
}
