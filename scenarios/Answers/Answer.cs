using System.Text.Json.Serialization;
using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>
/// One secure-world reply to one conduit call. Answers are structured (so they shrink field by field) and
/// become registers only when played, relative to an <see cref="AnswerContext"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "answer")]
[JsonDerivedType(typeof(DirectResponseAnswer), "direct-response")]
[JsonDerivedType(typeof(DirectResponse2Answer), "direct-response2")]
[JsonDerivedType(typeof(ErrorAnswer), "error")]
[JsonDerivedType(typeof(InterruptAnswer), "interrupt")]
[JsonDerivedType(typeof(YieldAnswer), "yield")]
[JsonDerivedType(typeof(SuccessAnswer), "success")]
[JsonDerivedType(typeof(SmcccUnknownAnswer), "smccc-unknown")]
[JsonDerivedType(typeof(UnknownFunctionAnswer), "unknown-function")]
public abstract record Answer(Noise Noise)
{
    public abstract AnswerClass Class { get; }

    /// <summary>The width of the function ID the answer carries.</summary>
    public abstract Convention Width { get; }

    /// <summary>Coverage label such as "FFA_ERROR_32" or "DIRECT_RESP_64".</summary>
    public abstract string Label { get; }

    public RegisterSet Materialize(in AnswerContext context)
    {
        Span<ulong> x = stackalloc ulong[RegisterSet.Count];
        Fill(x, context);
        ApplyNoise(x, context.Issued);
        return RegisterSet.From(x);
    }

    protected abstract void Fill(Span<ulong> x, in AnswerContext context);

    protected virtual void ApplyNoise(Span<ulong> x, RegisterSet issued) => Noise.ApplyTo(x, Width, issued);

    protected string WithNoise(string text) => Noise.IsNone ? text : $"{text} noise({Noise})";
}
