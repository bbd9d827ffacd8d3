using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespMsgUntouchedOnErr() : SendRule(new RuleInfo(
    "INV-RESP-MSG-UNTOUCHED-ON-ERR",
    Level.Must,
    Area.ResponseHandling,
    "When a call returns an error, the caller's message is exactly as it was passed in.",
    "Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req() and pre-patch U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_msg_send_direct_req_hdlr() write the message only after a matching DIRECT_RESP; a caller may read its own request as the reply otherwise.",
    Profiles.AnyAnswer)
{
    Coverage = ["FFA_ERROR_32", "UNKNOWN_FID", "SMCCC_NOT_SUPPORTED", "DIRECT_RESP_32", "DIRECT_RESP_64"],
})
{
    protected override bool Exercises(SendView send) =>
        send.IsLive && !(send.Flow.IsPlain && send.Flow.Stop is DirectResponseAnswer response && Payloads.IsMatching(response, send));

    protected override Finding? Violation(SendView send) => Expect.Return(send, r =>
        send.Returns.Completes(r.ReturnValue) || r.MessageOut == send.Request.Message
            ? null
            : new Finding($"the call returned {send.Returns.Describe(r.ReturnValue)} but changed the message", null, FindingField.Message, send.Request.Message.ToString(), r.MessageOut?.ToString()));
}
