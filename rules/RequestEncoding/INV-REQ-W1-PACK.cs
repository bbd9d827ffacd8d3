using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqW1Pack() : SendRule(new RuleInfo(
    "INV-REQ-W1-PACK",
    Level.Must,
    Area.RequestEncoding,
    "A request's w1[15:0] is the destination endpoint ID (w1[31:16] the sender) and x1[63:32] is 0.",
    "Receiver in bits[15:0], sender in bits[31:16]: Linux drivers/firmware/arm_ffa/driver.c, PACK_TARGET_INFO(), TF-A include/services/ffa_svc.h, FFA_DIRECT_MSG_SOURCE_SHIFT/FFA_DIRECT_MSG_DESTINATION_SHIFT, U-Boot include/arm_ffa_priv.h, PREP_SELF_ENDPOINT_ID()/PREP_PART_ENDPOINT_ID(); x1[63:32] is not used.",
    Profiles.Requests)
{
    Applicability = Applicability.AnyAnswer,
    Coverage = ["known destination", Required.Smc32("SMC32"), "SMC64"],
})
{
    protected override bool Exercises(SendView send) => send.Calls.Count > 0;

    protected override IEnumerable<string> Classify(SendView send)
    {
        var destination = send.Request.Destination;
        yield return send.Case.Partitions.Contains(destination) ? "known destination"
            : destination is 0 or 0xFFFF or 0x8000 or 0x7FFF ? "boundary destination"
            : "unknown destination";
    }

    protected override Finding? Violation(SendView send)
    {
        var x1 = send.Calls[0].Issued.X1;
        var receiver = EndpointPair.Unpack(x1).Receiver;
        if (receiver != send.Request.Destination)
        {
            return new Finding("w1[15:0] does not name the destination", 0, FindingField.X(1, 15, 0), $"0x{send.Request.Destination:X4}", $"0x{receiver:X4}");
        }

        return x1 >> 32 == 0 ? null : new Finding("x1[63:32] is not zero", 0, FindingField.X(1, 63, 32), "0", Show.Hex(x1 >> 32));
    }
}
