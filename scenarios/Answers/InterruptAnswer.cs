using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>FFA_INTERRUPT: the callee was preempted by a non-secure interrupt (SMC64 form only from v1.3).</summary>
public sealed record InterruptAnswer(Convention InterruptWidth, ushort? Endpoint, ushort VCpu, Noise Noise)
    : Resumption(InterruptWidth, Endpoint, VCpu, Noise)
{
    public override AnswerClass Class => AnswerClass.Interrupt;

    public override string Label => Width == Convention.Smc64 ? "FFA_INTERRUPT_64" : "FFA_INTERRUPT_32";

    protected override void Fill(Span<ulong> x, in AnswerContext context)
    {
        x[0] = FfaFunctions.Interrupt.Id(Width).Value;
        x[1] = Target(context.Destination).Packed;
    }

    public override string ToString() => WithNoise($"{Label}({TargetText})");
}
