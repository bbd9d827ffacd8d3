using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Scenarios.Steps;

/// <summary>
/// A send that repeats step <see cref="Of"/> with one thing changed (<see cref="Variation"/>, by
/// <see cref="Parameter"/>). It holds no script of its own, so shrinking the original shrinks the twin too.
/// </summary>
public sealed record TwinStep(int Of, TwinVariation Variation, ulong Parameter) : Step
{
    public SendStep Resolve(SendStep original) => Variation switch
    {
        TwinVariation.BootVersusRuntime => original with { Entry = Entry.Runtime },
        _ => original with { Script = new Script([.. original.Script.Answers.Select(Vary)], original.Script.Forever is { } f ? Vary(f) : null) },
    };

    private Answer Vary(Answer answer) => (Variation, answer) switch
    {
        (TwinVariation.X0UpperHalf, SmcccUnknownAnswer) => answer,
        (TwinVariation.X0UpperHalf, _) => answer with { Noise = answer.Noise with { X0Upper = (uint)Parameter } },
        (TwinVariation.ErrorCodeExtension, ErrorAnswer error) => Parameter == 0
            ? error with { Extension = X2Extension.Sign }
            : error with { Extension = X2Extension.Garbage, Garbage = (uint)Parameter },
        (TwinVariation.YieldTimeout, YieldAnswer yield) => yield with { TimeoutLow = (uint)Parameter, TimeoutHigh = (uint)(Parameter >> 32) },
        (TwinVariation.UnexpectedX2, UnknownFunctionAnswer unknown) => unknown with { X2 = Parameter },
        _ => answer,
    };

    public override string ToString() => Variation switch
    {
        TwinVariation.BootVersusRuntime => $"twin of step {Of + 1} through the runtime entry",
        TwinVariation.X0UpperHalf => $"twin of step {Of + 1} with x0[63:32]=0x{(uint)Parameter:X} in every answer",
        TwinVariation.ErrorCodeExtension => $"twin of step {Of + 1} with FFA_ERROR's x2 {(Parameter == 0 ? "sign-extended" : $"x2[63:32]=0x{(uint)Parameter:X}")}",
        TwinVariation.YieldTimeout => $"twin of step {Of + 1} with FFA_YIELD timeout 0x{Parameter >> 32:X}:{(uint)Parameter:X8}",
        _ => $"twin of step {Of + 1} with x2=0x{Parameter:X} in the unexpected reply",
    };
}
