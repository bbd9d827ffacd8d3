using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>FFA_ERROR with any 32-bit code (defined, zero, positive, unknown) and any widening of x2.</summary>
public sealed record ErrorAnswer(int Code, Convention ErrorWidth, X2Extension Extension, uint Garbage, Noise Noise)
    : Answer(Noise)
{
    public override AnswerClass Class => AnswerClass.Error;

    public override Convention Width => ErrorWidth;

    public override string Label => Width == Convention.Smc64 ? "FFA_ERROR_64" : "FFA_ERROR_32";

    public ulong X2 => Extension switch
    {
        X2Extension.Zero => (uint)Code,
        X2Extension.Sign => (ulong)(long)Code,
        _ => ((ulong)Garbage << 32) | (uint)Code,
    };

    protected override void Fill(Span<ulong> x, in AnswerContext context)
    {
        x[0] = FfaFunctions.Error.Id(Width).Value;
        x[2] = X2;
    }

    protected override void ApplyNoise(Span<ulong> x, RegisterSet issued) => Noise.ApplyTo(x, Width, issued, keepUpper: 2);

    public override string ToString()
    {
        var extension = Extension switch
        {
            X2Extension.Zero => string.Empty,
            X2Extension.Sign => ", x2 sign-extended",
            _ => $", x2[63:32]=0x{Garbage:X}",
        };
        return WithNoise($"{Label}({FfaErrors.Describe(Code)}{extension})");
    }
}
