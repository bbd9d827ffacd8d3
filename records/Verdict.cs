namespace FfaConformance.Records;

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
