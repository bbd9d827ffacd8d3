namespace FfaConformance.Scenarios.Traces;

/// <summary>
/// What kind of failure a failing case shows, read from how the step the finding points at ended. An
/// expectation names the kind it expects, so a crash is never taken for the wrong value it was listed for.
/// </summary>
public enum FailureKind
{
    /// <summary>The target ran to a return (or was refused a call after a final answer) and got something wrong.</summary>
    Finding,

    /// <summary>The target crashed: a signal, an exception, a fault.</summary>
    Crash,

    /// <summary>The target neither called the conduit nor returned in time.</summary>
    Hang,

    /// <summary>The target kept calling until the per-case call budget ran out.</summary>
    Livelock,

    /// <summary>After ExitBootServices the runtime path touched memory that does not stay resident.</summary>
    Residency,

    /// <summary>After SetVirtualAddressMap the runtime path used an address of the runtime region that was not relocated.</summary>
    Unrelocated,

    /// <summary>The run stopped during the case (a killed runner, a reset board): the case never finished, so it matches no other kind.</summary>
    Lost,
}

/// <summary>How a step's end reads as a <see cref="FailureKind"/>.</summary>
public static class FailureKinds
{
    public static FailureKind Of(StepOutcome outcome) => outcome is Stopped stopped ? StopReasons.Of(stopped.Reason).Kind : FailureKind.Finding;

    /// <summary>The word expectation files and reports use: finding, crash, hang, livelock, residency, unrelocated, lost.</summary>
    public static string Word(FailureKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind in a sentence: "a crash", "a wrong value or call".</summary>
    public static string Phrase(FailureKind kind) => kind switch
    {
        FailureKind.Finding => "a wrong value or call",
        FailureKind.Crash => "a crash",
        FailureKind.Hang => "a hang",
        FailureKind.Livelock => "a livelock",
        FailureKind.Residency => "a residency violation",
        FailureKind.Unrelocated => "an address not relocated by SetVirtualAddressMap",
        FailureKind.Lost => "a case lost when the run stopped",
    };

    public static IEnumerable<string> Words => Enum.GetValues<FailureKind>().Select(Word);

    public static bool TryParse(string word, out FailureKind kind)
    {
        foreach (var candidate in Enum.GetValues<FailureKind>())
        {
            if (Word(candidate) == word)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
