using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>
/// No FF-A at the conduit: SMCCC NOT_SUPPORTED (−1) in w0 — TF-A writes it to the whole of x0 — and every
/// other register keeps the caller's value.
/// </summary>
public sealed record SmcccUnknownAnswer(bool WholeX0) : Answer(Noise.None)
{
    public override AnswerClass Class => AnswerClass.SmcccUnknown;

    public override Convention Width => Convention.Smc32;

    public override string Label => "SMCCC_NOT_SUPPORTED";

    protected override void Fill(Span<ulong> x, in AnswerContext context)
    {
        context.Issued.AsSpan().CopyTo(x);
        x[0] = WholeX0 ? Smccc.UnknownFunction64 : Smccc.NotSupported;
    }

    public override string ToString() => $"{Label}(x0={(WholeX0 ? "0xFFFFFFFFFFFFFFFF" : "0xFFFFFFFF")}, x1–x17 as called)";
}
