using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Traces;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvIntNoResend() : SendRule(new RuleInfo(
    "INV-INT-NO-RESEND",
    Level.Must,
    Area.InterruptYield,
    "The request is issued exactly once per call: resumptions use FFA_RUN and never re-send FFA_MSG_SEND_DIRECT_REQ.",
    "The interrupted request is still in progress in the partition: Hafnium src/api.c, api_preempt() leaves its vCPU PREEMPTED until FFA_RUN and api_ffa_msg_send_direct_req() answers BUSY while it is, so sending it again starts a second one (or gets BUSY).",
    Profiles.Chained(Profiles.InterruptChains, Response, CoreError))
{
    Coverage = ["depth 1", "depth 2–3", "depth 4–7"],
})
{
    protected override bool Exercises(SendView send) => send.IsLive && send.Flow.Depth > 0;

    protected override Finding? Violation(SendView send)
    {
        for (var c = 1; c < send.Calls.Count; c++)
        {
            if (FfaFunctions.DirectRequest.Matches(send.Calls[c].Issued.W0))
            {
                return new Finding("the request was sent again instead of resuming", c, FindingField.W(0), Show.Id(FfaFunctions.Run.Id(Convention.Smc32).Value), Show.Id(send.Calls[c].Issued.W0));
            }
        }

        return null;
    }
}
