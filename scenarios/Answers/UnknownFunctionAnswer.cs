using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>A w0 that is no valid reply to a direct request (another FF-A ID or an arbitrary value), with x2 set.</summary>
public sealed record UnknownFunctionAnswer(uint W0, ulong X2, Noise Noise) : Answer(Noise)
{
    public override AnswerClass Class => AnswerClass.UnknownFunction;

    public override Convention Width => new FunctionId(W0).Convention;

    public override string Label => "UNKNOWN_FID";

    protected override void Fill(Span<ulong> x, in AnswerContext context)
    {
        x[0] = W0;
        x[2] = X2;
    }

    public override string ToString() => WithNoise($"{FfaFunctions.Describe(W0)}(x2=0x{X2:X})");
}
