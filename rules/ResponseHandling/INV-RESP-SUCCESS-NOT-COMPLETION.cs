using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespSuccessNotCompletion() : SendRule(new RuleInfo(
    "INV-RESP-SUCCESS-NOT-COMPLETION",
    Level.Must,
    Area.ResponseHandling,
    "FFA_SUCCESS (0x84000061 or 0xC4000061) never completes a direct request: the call returns an error.",
    "FFA_SUCCESS is not a completion of FFA_MSG_SEND_DIRECT_REQ in v1.0–v1.2 (Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_REQ\", wording not verified) and no SPMC studied (Hafnium, TF-A, OP-TEE) sends it; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req() returns -EINVAL. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() returns 0 with the message untouched.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.Success))
{
    Coverage = ["FFA_SUCCESS_32", "FFA_SUCCESS_64"],
})
{
    protected override bool Exercises(SendView send) => send.EndsAtOnce<SuccessAnswer>(out _);

    protected override Finding? Violation(SendView send) => Expect.Failure(send, "FFA_SUCCESS is no response to a direct request");
}
