using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvSmcccUnknown() : SendRule(new RuleInfo(
    "INV-SMCCC-UNKNOWN",
    Level.Should,
    Area.ErrorMapping,
    "w0 = 0xFFFFFFFF (SMCCC NOT_SUPPORTED: no FF-A at the conduit) is refused as not supported (-EOPNOTSUPP, EFI_UNSUPPORTED) whatever x2 holds.",
    "SMCCC unknown-function return (Arm DEN0028 (SMCCC) v1.2, section \"Unknown Function Identifier\", wording not verified): TF-A services/std_svc/std_svc_setup.c, std_svc_smc_handler() writes SMC_UNK (include/lib/smccc.h) to all of x0 and leaves x1–x17 as called; edk2 MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c, FfaArgsToEfiStatus() maps it to EFI_UNSUPPORTED. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() decodes it from the leftover x2 (-EINVAL).",
    Profiles.Final(Scenarios.Profiles.TerminalKind.SmcccUnknown))
{
    Coverage = ["x0 all ones", "w0 only"],
})
{
    protected override bool Exercises(SendView send) => send.EndsAtOnce<SmcccUnknownAnswer>(out _);

    protected override IEnumerable<string> Classify(SendView send)
    {
        send.EndsAtOnce<SmcccUnknownAnswer>(out var unknown);
        yield return unknown.WholeX0 ? "x0 all ones" : "w0 only";
    }

    protected override Finding? Violation(SendView send) => Expect.Return(send, r =>
        r.ReturnValue == send.Returns.ValueFor(CallOutcome.NotSupported)
            ? null
            : new Finding("SMCCC NOT_SUPPORTED is not reported as not supported", 0, FindingField.ReturnValue, send.Returns.Describe(CallOutcome.NotSupported), send.Returns.Describe(r.ReturnValue)));
}
