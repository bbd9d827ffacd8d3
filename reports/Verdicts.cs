using FfaConformance.Records;

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
        Verdict.Skipped => "skip",
    };

    /// <summary>
    /// What a CI system or a lab is told, in JUnit and in LAVA alike: anything red fails (an unexpected failure or
    /// pass, an expired or stale expectation, a coverage gap), a rule that does not apply is skipped, and the rest —
    /// passes and expected failures — pass.
    /// </summary>
    public static LabResult Lab(ResultRecord result) =>
        result.IsRed ? LabResult.Fail : result.Verdict == Verdict.Skipped ? LabResult.Skip : LabResult.Pass;

    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "passed",
        Verdict.ExpectedFailure => "expected failures",
        Verdict.Failed => "failed",
        Verdict.UnexpectedPass => "unexpected passes",
        Verdict.ExpiredExpectation => "expired expectations",
        Verdict.StaleExpectation => "stale expectations",
        Verdict.CoverageGap => "coverage gaps",
        Verdict.Skipped => "skipped",
    };
}
