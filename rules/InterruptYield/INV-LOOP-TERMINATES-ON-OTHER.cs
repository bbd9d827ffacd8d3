using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvLoopTerminatesOnOther() : SendRule(new RuleInfo(
    "INV-LOOP-TERMINATES-ON-OTHER",
    Level.Must,
    Area.InterruptYield,
    "Any answer other than an FFA_INTERRUPT/FFA_YIELD the negotiated version defines ends the request: no further call follows it.",
    "Only FFA_INTERRUPT and FFA_YIELD leave a request incomplete; everything else is final: Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_wait_for_completion() resumes only on those two, and edk2 MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c, FfaArgsToEfiStatus() reports only those two as EFI_INTERRUPT_PENDING.",
    Profiles.AnyAnswer)
{
    Coverage = ["DIRECT_RESP_32", "DIRECT_RESP_64", "FFA_ERROR_32", "FFA_SUCCESS_32", "UNKNOWN_FID", "SMCCC_NOT_SUPPORTED"],
})
{
    protected override bool Exercises(SendView send) => send.IsPlainLive && send.Flow.Stop is not Resumption;

    protected override Finding? Violation(SendView send)
    {
        var final = send.Flow.Depth;
        return send.Calls.Count <= final + 1
            ? null
            : new Finding($"a call followed the final answer {send.Flow.Stop!.Label}", final + 1, FindingField.NextCall, "none", Show.Id(send.Calls[final + 1].Issued.W0));
    }
}
