using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqPayload32() : SendRule(new RuleInfo(
    "INV-REQ-PAYLOAD-32",
    Level.Must,
    Area.RequestEncoding,
    "In SMC32 mode w3–w7 of the request equal data0–data4 when every word fits in 32 bits.",
    "SMC32 and SMC64 requests differ only in the function ID and the width of w/x3–x7 (Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_REQ\", wording not verified; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req() builds both alike). This suite's own addition, so that a dropped or shifted SMC32 word has a rule of its own.",
    Profiles.Requests)
{
    Applicability = Applicability.AnyAnswer with { Needs = TargetCapabilities.Smc32Request },
    Coverage = ["non-zero payload"],
})
{
    protected override bool Exercises(SendView send) =>
        send.Calls.Count > 0 && send.Convention == Convention.Smc32 && send.Request.Message is { FitsIn32Bits: true };

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return send.Request.Message == DirectMessage.Zero ? "zero payload" : "non-zero payload";
    }

    protected override Finding? Violation(SendView send)
    {
        var message = send.Request.Message!.Value;
        var issued = send.Calls[0].Issued;
        for (var i = 0; i < DirectMessage.Words; i++)
        {
            if (issued.W(3 + i) != (uint)message[i])
            {
                return new Finding($"w{3 + i} does not carry data{i}", 0, FindingField.W(3 + i), Show.Hex(message[i]), Show.Hex(issued.W(3 + i)));
            }
        }

        return null;
    }
}
