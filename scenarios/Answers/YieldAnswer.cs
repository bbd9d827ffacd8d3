using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>FFA_YIELD relayed to the caller: the callee is blocked; w2/w3 are a timeout hint, not an error code.</summary>
public sealed record YieldAnswer(
    Convention YieldWidth,
    ushort? Endpoint,
    ushort VCpu,
    uint TimeoutLow,
    uint TimeoutHigh,
    Noise Noise) : Resumption(YieldWidth, Endpoint, VCpu, Noise)
{
    public override AnswerClass Class => AnswerClass.Yield;

    public override string Label => Width == Convention.Smc64 ? "FFA_YIELD_64" : "FFA_YIELD_32";

    protected override void Fill(Span<ulong> x, in AnswerContext context)
    {
        x[0] = FfaFunctions.Yield.Id(Width).Value;
        x[1] = Target(context.Destination).Packed;
        x[2] = TimeoutLow;
        x[3] = TimeoutHigh;
    }

    public override string ToString() => WithNoise($"{Label}({TargetText}, timeout 0x{TimeoutHigh:X}:{TimeoutLow:X8})");
}
