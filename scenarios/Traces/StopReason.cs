namespace FfaConformance.Scenarios.Traces;

/// <summary>Why the harness stopped a target before a step returned.</summary>
public enum StopReason
{
    /// <summary>The target issued more conduit calls than the per-case budget allows (a livelock).</summary>
    CallBudgetExhausted,

    /// <summary>The target issued a call after the script's last answer: it went on after a final reply.</summary>
    ScriptExhausted,

    /// <summary>The target crashed (a signal, an exception, a fault).</summary>
    Crashed,

    /// <summary>The target neither called the conduit nor returned within the time limit.</summary>
    Hung,

    /// <summary>After ExitBootServices the runtime path touched memory outside what stays resident.</summary>
    ResidencyViolation,

    /// <summary>After SetVirtualAddressMap the runtime path used a physical address of the runtime region: one not relocated.</summary>
    UnrelocatedAddress,

    /// <summary>The run itself stopped during the step — the runner was killed, the board reset — so the step never finished.</summary>
    Lost,
}
