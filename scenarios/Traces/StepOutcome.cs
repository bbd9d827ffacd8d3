using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Traces;

/// <summary>How a step ended.</summary>
public abstract record StepOutcome
{
    /// <summary>The outcome in words, a return value with what it means in the target's convention.</summary>
    public virtual string Describe(ReturnConvention returns) => ToString() ?? string.Empty;
}

/// <summary>
/// A send returned <see cref="ReturnValue"/> (the implementation's own value, widened to 64 bits) and left the
/// caller's message as <see cref="MessageOut"/>.
/// </summary>
public sealed record Returned(long ReturnValue, DirectMessage? MessageOut) : StepOutcome
{
    public override string Describe(ReturnConvention returns) =>
        $"returned {returns.Describe(ReturnValue)}, message {(MessageOut is { } m ? m.ToString() : "NULL")}";
}

/// <summary>A REQ2 send returned <see cref="ReturnValue"/> and left the caller's fourteen-word message as <see cref="MessageOut"/>.</summary>
public sealed record Returned2(long ReturnValue, DirectMessage2 MessageOut) : StepOutcome
{
    public override string Describe(ReturnConvention returns) => $"returned {returns.Describe(ReturnValue)}, message {MessageOut}";
}

/// <summary>A non-send step (ExitBootServices, SetVirtualAddressMap) ran to its end.</summary>
public sealed record Completed : StepOutcome
{
    public static readonly Completed Instance = new();

    public override string ToString() => "completed";
}

/// <summary>The harness stopped the target during the step.</summary>
public sealed record Stopped(StopReason Reason, string Detail) : StepOutcome
{
    /// <summary>A stop reason in words, for findings and traces.</summary>
    public static string Describe(StopReason reason) => StopReasons.Of(reason).Phrase;

    public override string ToString() => $"stopped by {Describe(Reason)}: {Detail}";
}

/// <summary>An earlier step stopped the target, so this one never ran.</summary>
public sealed record NotRun : StepOutcome
{
    public static readonly NotRun Instance = new();

    public override string ToString() => "not run (an earlier step stopped the target)";
}
