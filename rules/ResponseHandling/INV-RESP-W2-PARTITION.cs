using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespW2Partition() : SendRule(new RuleInfo(
    "INV-RESP-W2-PARTITION",
    Level.Should,
    Area.ResponseHandling,
    "A DIRECT_RESP to a partition message has w2 = 0 (framework bit clear); otherwise the call returns an error.",
    "w2 bit 31 marks a framework message, all other bits MBZ (Arm DEN0077 (FF-A) v1.1, section \"FFA_MSG_SEND_DIRECT_RESP\", wording not verified; TF-A services/std_svc/spm/el3_spmc/spmc_main.c, direct_msg_validate_arg2()); Hafnium src/api.c, api_ffa_msg_send_direct_resp_validate_ongoing_request() checks framework-bit consistency on the SP side. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() does not check w2.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.ResponseNonZeroW2))
{
    Coverage = ["framework bit set", "other w2 bits set"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<DirectResponseAnswer>(out var response)
        && response.Width == send.Convention
        && response.Ids == ResponderIds.Echo
        && response.W2 != 0;

    protected override IEnumerable<string> Classify(SendView send)
    {
        send.EndsAtOnce<DirectResponseAnswer>(out var response);
        yield return (response.W2 & 0x8000_0000) != 0 ? "framework bit set" : "other w2 bits set";
    }

    protected override Finding? Violation(SendView send) => Expect.Failure(send, "the response's w2 is not zero");
}
