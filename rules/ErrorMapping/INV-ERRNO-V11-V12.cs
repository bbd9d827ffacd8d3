using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvErrnoV11V12() : SendRule(new RuleInfo(
    "INV-ERRNO-V11-V12",
    Level.Should,
    Area.ErrorMapping,
    "NO_DATA (−9, v1.1) maps to -ENODATA and NOT_READY (−10, v1.2) to -EAGAIN, not to the catch-all.",
    "Linux drivers/firmware/arm_ffa/driver.c, ffa_linux_errmap (mainline) maps NO_DATA to -ENODATA and NOT_READY to -EAGAIN; the codes come from Hafnium inc/vmapi/hf/ffa.h, enum ffa_error and edk2 MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c, FfaStatusToEfiStatus(). The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_to_std_errno() gives -EINVAL for both.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.LaterError))
{
    Applicability = Applicability.Scriptable with { From = FfaVersion.V1_1, Returns = ReturnConvention.Errno },
    Coverage = [SendView.CodeClass(-9), new(SendView.CodeClass(-10), FfaVersion.V1_2)],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<ErrorAnswer>(out var error)
        && error.Extension == X2Extension.Zero
        && error.Code is -9 or -10
        && FfaErrors.Since((FfaError)error.Code) <= send.Version;

    protected override Finding? Violation(SendView send) => ErrorChecks.Maps(send);
}
