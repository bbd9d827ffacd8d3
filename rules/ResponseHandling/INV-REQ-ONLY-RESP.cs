using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvReqOnlyResp() : SendRule(new RuleInfo(
    "INV-REQ-ONLY-RESP",
    Level.Must,
    Area.ResponseHandling,
    "Only a DIRECT_RESP completes a FFA_MSG_SEND_DIRECT_REQ: a DIRECT_RESP2 (0xC400008E) in answer to it is a protocol error — a refusal, and the message left as the caller passed it.",
    "Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_RESP2\" (wording not verified): FFA_MSG_SEND_DIRECT_RESP2 answers FFA_MSG_SEND_DIRECT_REQ2 only; Hafnium src/api.c, api_ffa_msg_send_direct_resp() and TF-A services/std_svc/spm/el3_spmc/spmc_main.c, direct_resp_smc_handler() reject the other pairing; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req() completes only on FFA_MSG_SEND_DIRECT_RESP of the request's width.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.ResponseOtherInterface))
{
    Coverage = [Required.Smc32("SMC32"), "SMC64"],
})
{
    protected override bool Exercises(SendView send) => send.EndsAtOnce<DirectResponse2Answer>(out _);

    protected override Finding? Violation(SendView send) => Expect.Return(send, r =>
        !send.Returns.Refuses(r.ReturnValue)
            ? new Finding("a DIRECT_RESP2 completed the request", 0, FindingField.ReturnValue, send.Returns.Refusal, send.Returns.Describe(r.ReturnValue))
            : r.MessageOut != send.Request.Message
                ? new Finding("the request failed but its message was changed", 0, FindingField.Message, send.Request.Message?.ToString(), r.MessageOut?.ToString() ?? "NULL")
                : null);
}
