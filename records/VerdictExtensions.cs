namespace FfaConformance.Records;

/// <summary>The one definition of a red result.</summary>
public static class VerdictExtensions
{
    /// <summary>Anything the expectations did not foresee: an unexpected failure or pass, an expired or stale expectation, a coverage gap.</summary>
    public static bool IsRed(this Verdict verdict) => verdict is not (Verdict.Passed or Verdict.ExpectedFailure or Verdict.Skipped);
}
