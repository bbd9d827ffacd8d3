namespace FfaConformance.Runner.Engine;

/// <summary>
/// A failure: the first failing case as it was generated (<see cref="Original"/>), the case shrinking reached
/// and what it did when run again (<see cref="Minimal"/>), the FsCheck replay string ("seed,gamma,size") that
/// regenerates the shrunk case, the cases run before the failure and the shrink steps taken.
/// </summary>
public sealed record Counterexample(CaseRun Minimal, CaseRun Original, string Replay, int TestsRun, int Shrinks)
{
    /// <summary>The shrunk case failed again when it was run on its own.</summary>
    public bool Reproduced => Minimal.Verdict.Failed;

    /// <summary>The case whose failure the result stands on: the shrunk one, or the original when the shrunk one passed.</summary>
    public CaseRun Failing => Reproduced ? Minimal : Original;
}
