using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Traces;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.Req2Resp2;

public sealed class InvReq2FidIds() : Send2Rule(new RuleInfo(
    "INV-REQ2-FID-IDS",
    Level.Must,
    Area.Req2Resp2,
    "A REQ2 is issued as w0 = 0xC400008D (FFA_MSG_SEND_DIRECT_REQ2 exists in SMC64 only) with w1[31:16] the caller's endpoint ID, w1[15:0] the destination and x1[63:32] = 0.",
    "Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_REQ2\" (wording not verified): SMC64 function ID 0xC400008D, x1 as for FFA_MSG_SEND_DIRECT_REQ; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req2() issues FFA_MSG_SEND_DIRECT_REQ2 with PACK_TARGET_INFO(src_id, dst_id); TF-A services/std_svc/spmd/spmd_main.c forwards it only as an SMC64 call.",
    Profiles.Requests2(Profiles.ShortChains, Response, CoreError))
{
    Applicability = Applicability.DirectRequest2AnyAnswer,
    Coverage = ["known destination"],
})
{
    protected override bool Exercises(Send2View send) => send.Calls.Count > 0;

    protected override IEnumerable<string> Classify(Send2View send)
    {
        yield return send.Case.Partitions.Contains(send.Destination) ? "known destination" : "unknown destination";
    }

    protected override Finding? Violation(Send2View send)
    {
        var issued = send.Calls[0].Issued;
        var fid = FfaFunctions.DirectRequest2.Id(Convention.Smc64).Value;
        if (issued.X0 != fid)
        {
            return new Finding("the REQ2 is not issued as FFA_MSG_SEND_DIRECT_REQ2 (SMC64)", 0, FindingField.X(0), Show.Id(fid), Show.Hex(issued.X0));
        }

        var expected = new EndpointPair(send.Self, send.Destination).Packed;
        return issued.X1 == expected
            ? null
            : new Finding("x1 does not name the caller (bits[31:16]) and the destination (bits[15:0]) alone", 0, FindingField.X(1),
                $"{Show.Hex(expected)} ({EndpointPair.Unpack(expected)})", Show.Hex(issued.X1));
    }
}
