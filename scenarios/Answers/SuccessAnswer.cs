using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>FFA_SUCCESS of either width: a valid reply to many ABIs, but never a completion of a direct request.</summary>
public sealed record SuccessAnswer(Convention SuccessWidth, Noise Noise) : Answer(Noise)
{
    public override AnswerClass Class => AnswerClass.Success;

    public override Convention Width => SuccessWidth;

    public override string Label => Width == Convention.Smc64 ? "FFA_SUCCESS_64" : "FFA_SUCCESS_32";

    protected override void Fill(Span<ulong> x, in AnswerContext context) => x[0] = FfaFunctions.Success.Id(Width).Value;

    public override string ToString() => WithNoise(Label);
}
