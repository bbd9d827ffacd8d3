using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqNullMsg() : SendRule(new RuleInfo(
    "INV-REQ-NULL-MSG",
    Level.Should,
    Area.RequestEncoding,
    "A NULL message pointer returns an error without issuing any call.",
    "Defensive (fact sheet §9); seed D6: neither the boot-time nor the runtime path checks msg.",
    Profiles.Requests with { Name = "requests with NULL messages", Request = Profiles.Requests.Request with { NullMessagePercent = 40 } })
{
    Applicability = new(TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.NullMessage),
    Coverage = ["SMC32", "SMC64"],
})
{
    protected override bool Exercises(SendView send) => send.EntryOpen && send.Request.Message is null;

    protected override Finding? Violation(SendView send)
    {
        if (send.Calls.Count > 0)
        {
            return new Finding("a NULL message was sent anyway", 0, "calls", "none", $"{send.Calls.Count}");
        }

        return Expect.Failure(send, "the message pointer is NULL");
    }
}
