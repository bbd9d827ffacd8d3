using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.Req2Resp2;

public sealed class InvReq2Gated() : Send2Rule(new RuleInfo(
    "INV-REQ2-GATED",
    Level.Must,
    Area.Req2Resp2,
    "Below FF-A v1.2 the REQ2 entry issues no conduit call and refuses the request. (The managed secure world reports REQ2 in FFA_FEATURES exactly when the negotiated version has it, so a transport that gates on FFA_FEATURES instead is judged the same; an FFA_FEATURES that withholds REQ2 at v1.2 is not generated yet.)",
    "FFA_MSG_SEND_DIRECT_REQ2 is defined from FF-A v1.2 (Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_REQ2\", wording not verified); TF-A services/std_svc/spmd/spmd_main.c answers it with NOT_SUPPORTED below v1.2; Linux drivers/firmware/arm_ffa/driver.c, ffa_sync_send_receive2() returns -EOPNOTSUPP without a call unless FFA_FEATURES reported it at probe (ffa_drvinfo_flags_init()).",
    Profiles.Requests2(Profiles.ShortChains, Response, CoreError))
{
    Applicability = new Applicability(TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.DirectRequest2, Below: FfaVersion.V1_2),
    Coverage = ["known destination"],
})
{
    protected override bool Exercises(Send2View send) => send.EntryOpen;

    protected override IEnumerable<string> Classify(Send2View send)
    {
        yield return send.Case.Partitions.Contains(send.Destination) ? "known destination" : "unknown destination";
    }

    protected override Finding? Violation(Send2View send)
    {
        if (send.Calls.Count > 0)
        {
            return new Finding($"a REQ2 reached the conduit at FF-A {send.Version}", 0, FindingField.X(0), "no call", Show.Id(send.Calls[0].Issued.W0));
        }

        return Expect.Failure(send, $"REQ2 is not available at FF-A {send.Version}");
    }
}
