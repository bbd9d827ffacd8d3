using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Traces;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.Req2Resp2;

public sealed class InvReq2Uuid() : Send2Rule(new RuleInfo(
    "INV-REQ2-UUID",
    Level.Must,
    Area.Req2Resp2,
    "x2 and x3 of a REQ2 carry the service UUID the caller named: its bytes 0–7 (RFC 4122 order, as a uuid_t holds them) as a little-endian word in x2, bytes 8–15 in x3; the null UUID as x2 = x3 = 0.",
    "Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_REQ2\" (wording not verified): x2/x3 hold the UUID of the target service, the null UUID meaning any; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req2() loads x2 and x3 from the uuid_t as two little-endian 64-bit words; Hafnium src/api.c, api_ffa_msg_send_direct_req() matches them against the partition's UUIDs.",
    Profiles.Requests2(Profiles.ShortChains, Response, CoreError))
{
    Applicability = Applicability.DirectRequest2AnyAnswer,
    Coverage = ["partition UUID", "null UUID", "other UUID"],
})
{
    protected override bool Exercises(Send2View send) => send.Calls.Count > 0;

    protected override IEnumerable<string> Classify(Send2View send)
    {
        yield return Requests2.UuidClass(send);
    }

    protected override Finding? Violation(Send2View send)
    {
        var issued = send.Calls[0].Issued;
        var uuid = send.Request.Uuid;
        if (issued.X2 != uuid.X2)
        {
            return new Finding($"x2 does not carry bytes 0–7 of {uuid}", 0, FindingField.X(2), Show.Hex(uuid.X2), Show.Hex(issued.X2));
        }

        return issued[3] == uuid.X3 ? null : new Finding($"x3 does not carry bytes 8–15 of {uuid}", 0, FindingField.X(3), Show.Hex(uuid.X3), Show.Hex(issued[3]));
    }
}
