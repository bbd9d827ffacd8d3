using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespSuccessNotCompletion() : SendRule(new RuleInfo(
    "INV-RESP-SUCCESS-NOT-COMPLETION",
    Level.Must,
    Area.ResponseHandling,
    "FFA_SUCCESS (0x84000061 or 0xC4000061) never completes a direct request: the call returns an error.",
    "Fact sheet §3.4/§3.9: FFA_SUCCESS is not a completion of FFA_MSG_SEND_DIRECT_REQ in v1.0–v1.2 and no SPMC studied sends it; Linux returns -EINVAL. Seed D4 returns 0 with the message untouched.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.Success))
{
    Coverage = ["FFA_SUCCESS_32", "FFA_SUCCESS_64"],
})
{
    protected override bool Exercises(SendView send) => send.EndsAtOnce<SuccessAnswer>(out _);

    protected override Finding? Violation(SendView send) => Expect.Failure(send, "FFA_SUCCESS is no response to a direct request");
}
