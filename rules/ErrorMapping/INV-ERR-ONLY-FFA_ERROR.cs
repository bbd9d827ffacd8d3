using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Steps;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvErrOnlyFfaError() : TwinRule(new RuleInfo(
    "INV-ERR-ONLY-FFA_ERROR",
    Level.Must,
    Area.ErrorMapping,
    "An error code is read from w2 only when w0 is FFA_ERROR: any other unexpected w0 returns an error that does not depend on x2.",
    "Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req() returns -EINVAL for anything but FFA_ERROR or the expected response, and edk2 MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c, FfaArgsToEfiStatus() reads w2 only for FFA_ERROR. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() decodes x2 for every unrecognised w0.",
    Profiles.Twins(TwinVariation.UnexpectedX2, ChainShape.None, TerminalKind.UnknownFunction))
{
    Coverage = ["another FF-A ID", "an arbitrary ID"],
}, TwinVariation.UnexpectedX2)
{
    protected override bool Exercises(SendView original) => original.EndsAtOnce<UnknownFunctionAnswer>(out _);

    protected override IEnumerable<string> Classify(SendView original, SendView twin)
    {
        original.EndsAtOnce<UnknownFunctionAnswer>(out var unknown);
        yield return FfaFunctions.Find(unknown.W0) is null ? "an arbitrary ID" : "another FF-A ID";
    }

    protected override Finding? Also(SendView original) =>
        Expect.Failure(original, "the reply's w0 is no reply to a direct request");
}
