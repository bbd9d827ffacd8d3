using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Steps;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvErrW2S32() : TwinRule(new RuleInfo(
    "INV-ERR-W2-S32",
    Level.Must,
    Area.ErrorMapping,
    "The error code is (int32)w2: whether the secure world zero- or sign-extends it into x2, or leaves garbage in x2[63:32], the result is the same.",
    "TF-A services/std_svc/spmd/spmd_main.c, spmd_ffa_error_return() zero-extends the code into x2, TF-A services/std_svc/spm/el3_spmc/spmc_main.c, spmc_ffa_error_return() passes a C int (sign-extended), and Hafnium inc/hf/ffa_internal.h, ffa_error() stores a uint32; Trusty commit 43225004 (\"Cast FF-A registers to the correct types\") reads the code as a signed 32-bit w2.",
    Profiles.Twins(TwinVariation.ErrorCodeExtension, Profiles.ShortChains, CoreError, LaterError, UnknownErrorCode))
{
    Coverage = ["x2 sign-extended", "x2[63:32] garbage"],
}, TwinVariation.ErrorCodeExtension)
{
    protected override bool Exercises(SendView original) => original.IsPlainLive && original.Flow.Stop is ErrorAnswer;

    protected override IEnumerable<string> Classify(SendView original, SendView twin)
    {
        yield return twin.Twin!.Parameter == 0 ? "x2 sign-extended" : "x2[63:32] garbage";
    }
}
