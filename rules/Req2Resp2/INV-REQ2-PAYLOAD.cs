using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Traces;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.Req2Resp2;

public sealed class InvReq2Payload() : Send2Rule(new RuleInfo(
    "INV-REQ2-PAYLOAD",
    Level.Must,
    Area.Req2Resp2,
    "x4–x17 of a REQ2 equal the fourteen words of the caller's message, bit for bit.",
    "Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_REQ2\" (wording not verified): x4–x17 carry the implementation-defined payload; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req2() copies struct ffa_send_direct_data2 into x4–x17.",
    Profiles.Requests2(Profiles.ShortChains, Response, CoreError))
{
    Applicability = Applicability.DirectRequest2AnyAnswer,
    Coverage = ["payload with bits[63:32] set", "x17 non-zero"],
})
{
    protected override bool Exercises(Send2View send) => send.Calls.Count > 0;

    protected override IEnumerable<string> Classify(Send2View send)
    {
        var message = send.Request.Message;
        if (Enumerable.Range(0, DirectMessage2.Words).Any(i => message[i] >> 32 != 0))
        {
            yield return "payload with bits[63:32] set";
        }

        if (message[DirectMessage2.Words - 1] != 0)
        {
            yield return "x17 non-zero";
        }
    }

    protected override Finding? Violation(Send2View send)
    {
        var issued = send.Calls[0].Issued;
        var message = send.Request.Message;
        for (var i = 0; i < DirectMessage2.Words; i++)
        {
            var register = DirectMessage2.FirstRegister + i;
            if (issued[register] != message[i])
            {
                return new Finding($"x{register} does not carry word {i} of the message", 0, FindingField.X(register), Show.Hex(message[i]), Show.Hex(issued[register]));
            }
        }

        return null;
    }
}
