namespace FfaConformance.Abi;

/// <summary>Facts about <see cref="CallOutcome"/>s: every one, the one an FFA_ERROR code means, and their names in findings.</summary>
public static class CallOutcomes
{
    /// <summary>Completed first, then the error codes' outcomes from −1 down, then the protocol error.</summary>
    public static readonly IReadOnlyList<CallOutcome> All = [.. Enum.GetValues<CallOutcome>().OrderByDescending(o => (int)o)];

    /// <summary>What an FFA_ERROR with <paramref name="code"/> means: its code's refusal, or a protocol error for a code FF-A does not define.</summary>
    public static CallOutcome Of(int code) => FfaErrors.IsDefined(code) ? (CallOutcome)code : CallOutcome.ProtocolError;

    /// <summary>"completed", "busy", "a protocol error"…</summary>
    public static string Describe(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Completed => "completed",
        CallOutcome.NotSupported => "not supported",
        CallOutcome.InvalidParameters => "invalid parameters",
        CallOutcome.NoMemory => "no memory",
        CallOutcome.Busy => "busy",
        CallOutcome.Interrupted => "interrupted",
        CallOutcome.Denied => "denied",
        CallOutcome.Retry => "retry",
        CallOutcome.Aborted => "aborted",
        CallOutcome.NoData => "no data",
        CallOutcome.NotReady => "not ready",
        CallOutcome.ProtocolError => "a protocol error",
    };
}
