namespace FfaConformance.Runner.Engine;

/// <summary>
/// Where a rule's run is written down as it goes, so that a run that stops (a killed runner, a reset board)
/// can resume: the run's seed, each generated case before it runs, and the case that failed, if one did.
/// </summary>
public interface ICaseJournal : IDisposable
{
    void Begin(string seed);

    /// <summary>Case <paramref name="index"/> (from 1) is about to run; the one before took <paramref name="previous"/>.</summary>
    void Case(int index, TimeSpan previous);

    void Failed(int index);
}
