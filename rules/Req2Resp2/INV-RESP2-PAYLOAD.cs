using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.Req2Resp2;

public sealed class InvResp2Payload() : Send2Rule(new RuleInfo(
    "INV-RESP2-PAYLOAD",
    Level.Must,
    Area.Req2Resp2,
    "On a DIRECT_RESP2 (0xC400008E) from the destination to the caller the REQ2 completes and the message's fourteen words hold x4–x17, whatever x0[63:32] holds.",
    "Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_RESP2\" (wording not verified): the response carries its payload in x4–x17; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req2() copies x4–x17 of FFA_MSG_SEND_DIRECT_RESP2 into the caller's struct ffa_send_direct_data2; SMCCC function IDs are 32-bit (Arm DEN0028 SMC Calling Convention, section \"Function Identifiers\").",
    Profiles.Requests2(Scenarios.Profiles.ChainShape.None, Response) with { NoisePercent = 40 })
{
    Applicability = Applicability.DirectRequest2,
    Coverage = ["payload with bits[63:32] set", "x0[63:32] set"],
})
{
    protected override bool Exercises(Send2View send) =>
        send.EndsAtOnce<DirectResponse2Answer>(out var response) && Requests2.IsMatching(response, send);

    protected override IEnumerable<string> Classify(Send2View send)
    {
        send.EndsAtOnce<DirectResponse2Answer>(out var response);
        if (Enumerable.Range(0, Abi.DirectMessage2.Words).Any(i => response.Payload[i] >> 32 != 0))
        {
            yield return "payload with bits[63:32] set";
        }

        if (response.Noise.X0Upper != 0)
        {
            yield return "x0[63:32] set";
        }
    }

    protected override Finding? Violation(Send2View send)
    {
        send.EndsAtOnce<DirectResponse2Answer>(out var response);
        return Expect.Return(send, r => Requests2.Completed(send, r, response, 0));
    }
}
