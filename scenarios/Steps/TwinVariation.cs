namespace FfaConformance.Scenarios.Steps;

/// <summary>
/// What a twin step changes relative to the step it mirrors. A rule that says "X never changes the result"
/// compares the two traces; no oracle of the expected result is needed.
/// </summary>
public enum TwinVariation
{
    /// <summary>The upper half of x0 in the answers.</summary>
    X0UpperHalf,

    /// <summary>How FFA_ERROR's code is widened into x2.</summary>
    ErrorCodeExtension,

    /// <summary>The timeout hint in FFA_YIELD's w2/w3.</summary>
    YieldTimeout,

    /// <summary>x2 of an unexpected reply.</summary>
    UnexpectedX2,

    /// <summary>The entry: the boot-time path before ExitBootServices, the runtime path after.</summary>
    BootVersusRuntime,
}
