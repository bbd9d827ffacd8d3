using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespMatchWidth() : SendRule(new RuleInfo(
    "INV-RESP-MATCH-WIDTH",
    Level.Must,
    Area.ResponseHandling,
    "A DIRECT_RESP completes a request only in the request's width (0x84000070 for 0x8400006F, 0xC4000070 for 0xC400006F); the other width is a protocol error.",
    "Trusted Services commit 1bc4a623 (\"Add 64 bit direct message handling to libsp\"): the response must match the request's 32/64-bit mode; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req() and pre-patch U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_msg_send_direct_req_hdlr() compare with the expected RESP ID (Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_RESP\", wording not verified). The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() accepts both widths.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.ResponseOtherWidth))
{
    Coverage = [Required.Smc32("SMC32 request, DIRECT_RESP_64"), "SMC64 request, DIRECT_RESP_32"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<DirectResponseAnswer>(out var response) && response.Width != send.Convention;

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return send.Convention == Convention.Smc32 ? "SMC32 request, DIRECT_RESP_64" : "SMC64 request, DIRECT_RESP_32";
    }

    protected override Finding? Violation(SendView send) => Expect.Failure(send, "the response is of the other width");
}
