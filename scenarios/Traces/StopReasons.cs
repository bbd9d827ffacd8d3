namespace FfaConformance.Scenarios.Traces;

/// <summary>
/// How each way a case can stop reads, in one table: the phrase traces and findings use ("a hang"), the words a
/// rule's finding opens with, and the kind of failure an expectation names. The switch has no default arm, so a
/// new <see cref="StopReason"/> fails the build here until it is given all three.
/// </summary>
public static class StopReasons
{
    /// <summary>The reason's phrase, the opening of a finding about it (empty: the detail says it all), and its kind of failure.</summary>
    public static (string Phrase, string Finding, FailureKind Kind) Of(StopReason reason) => reason switch
    {
        StopReason.CallBudgetExhausted => ("a livelock (call budget exhausted)", "the target did not stop calling: ", FailureKind.Livelock),
        StopReason.ScriptExhausted => ("a call after the final answer", "the target went on after the final answer: ", FailureKind.Finding),
        StopReason.Crashed => ("a crash", "the target crashed: ", FailureKind.Crash),
        StopReason.Hung => ("a hang", "the target hung: ", FailureKind.Hang),
        StopReason.ResidencyViolation => ("a residency violation", string.Empty, FailureKind.Residency),
        StopReason.UnrelocatedAddress => ("an address not relocated by SetVirtualAddressMap", string.Empty, FailureKind.Unrelocated),
        StopReason.Lost => ("a lost run", "the run was lost during this case: ", FailureKind.Lost),
    };
}
