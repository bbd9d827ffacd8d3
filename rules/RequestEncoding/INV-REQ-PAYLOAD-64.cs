using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqPayload64() : SendRule(new RuleInfo(
    "INV-REQ-PAYLOAD-64",
    Level.Must,
    Area.RequestEncoding,
    "In SMC64 mode x3–x7 of the request equal data0–data4 bit for bit.",
    "The payload is five implementation-defined 64-bit words in x3–x7 for SMC64 (Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_REQ\", wording not verified); Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req() and U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_msg_send_direct_req_hdlr() pass data0–data4 in x3–x7 unchanged.",
    Profiles.Requests)
{
    Applicability = Applicability.AnyAnswer,
    Coverage = ["payload with bits[63:32] set"],
})
{
    protected override bool Exercises(SendView send) =>
        send.Calls.Count > 0 && send.Convention == Convention.Smc64 && send.Request.Message is not null;

    protected override IEnumerable<string> Classify(SendView send)
    {
        if (!send.Request.Message!.Value.FitsIn32Bits)
        {
            yield return "payload with bits[63:32] set";
        }
    }

    protected override Finding? Violation(SendView send)
    {
        var message = send.Request.Message!.Value;
        var issued = send.Calls[0].Issued;
        for (var i = 0; i < DirectMessage.Words; i++)
        {
            if (issued[3 + i] != message[i])
            {
                return new Finding($"x{3 + i} does not carry data{i}", 0, FindingField.X(3 + i), Show.Hex(message[i]), Show.Hex(issued[3 + i]));
            }
        }

        return null;
    }
}
