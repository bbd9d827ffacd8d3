using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvErrnoV11V12() : SendRule(new RuleInfo(
    "INV-ERRNO-V11-V12",
    Level.Should,
    Area.ErrorMapping,
    "NO_DATA (−9, v1.1) maps to -ENODATA and NOT_READY (−10, v1.2) to -EAGAIN, not to the catch-all.",
    "Linux mainline ffa_linux_errmap; the codes come from Hafnium's enum ffa_error and edk2 (fact sheet §2). Seed D10: both give -EINVAL.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.LaterError))
{
    Applicability = Applicability.Scriptable with { From = FfaVersion.V1_1 },
    Coverage = [SendView.CodeClass(-9), new(SendView.CodeClass(-10), FfaVersion.V1_2)],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<ErrorAnswer>(out var error)
        && error.Extension == X2Extension.Zero
        && error.Code is -9 or -10
        && FfaErrors.Since((FfaError)error.Code) <= send.Version;

    protected override Finding? Violation(SendView send) => ErrnoChecks.Maps(send);
}
