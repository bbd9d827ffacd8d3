using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.Req2Resp2;

public sealed class InvReq2OnlyResp2() : Send2Rule(new RuleInfo(
    "INV-REQ2-ONLY-RESP2",
    Level.Must,
    Area.Req2Resp2,
    "Only a DIRECT_RESP2 completes a REQ2: a DIRECT_RESP of either width in answer to it is a protocol error — a refusal, and the message left as the caller passed it.",
    "Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_RESP2\" (wording not verified): a request sent with FFA_MSG_SEND_DIRECT_REQ2 is answered with FFA_MSG_SEND_DIRECT_RESP2; Hafnium src/api.c, api_ffa_msg_send_direct_resp() and TF-A services/std_svc/spm/el3_spmc/spmc_main.c, direct_resp_smc_handler() reject the other pairing; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req2() treats any other reply as -EINVAL.",
    Profiles.Requests2(Scenarios.Profiles.ChainShape.None, ResponseOtherInterface))
{
    Applicability = Applicability.DirectRequest2,
    Coverage = ["DIRECT_RESP_32", "DIRECT_RESP_64"],
})
{
    protected override bool Exercises(Send2View send) => send.EndsAtOnce<DirectResponseAnswer>(out _);

    protected override Finding? Violation(Send2View send) => Expect.Return(send, r =>
        !send.Returns.Refuses(r.ReturnValue)
            ? new Finding("a DIRECT_RESP completed the REQ2", 0, FindingField.ReturnValue, send.Returns.Refusal, send.Returns.Describe(r.ReturnValue))
            : r.MessageOut != send.Request.Message
                ? new Finding("the REQ2 failed but its message was changed", 0, FindingField.Message, send.Request.Message.ToString(), r.MessageOut.ToString())
                : null);
}
