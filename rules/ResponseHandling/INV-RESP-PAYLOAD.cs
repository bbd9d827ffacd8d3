using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespPayload() : SendRule(new RuleInfo(
    "INV-RESP-PAYLOAD",
    Level.Must,
    Area.ResponseHandling,
    "On a matching DIRECT_RESP the call completes and data0–data4 hold x3–x7 (SMC32: w3–w7).",
    "The response carries the payload in w/x3–x7 (Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_RESP\", wording not verified); Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req() and U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_msg_send_direct_req_hdlr() copy them into the caller's message.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.Response))
{
    Coverage = [Required.Smc32("SMC32"), "SMC64"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<DirectResponseAnswer>(out var response) && Payloads.IsMatching(response, send);

    protected override Finding? Violation(SendView send)
    {
        send.EndsAtOnce<DirectResponseAnswer>(out var response);
        return Expect.Return(send, r => Payloads.Completed(send, r, Payloads.Expected(response), 0, response.Width));
    }
}
