using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespPayload() : SendRule(new RuleInfo(
    "INV-RESP-PAYLOAD",
    Level.Must,
    Area.ResponseHandling,
    "On a matching DIRECT_RESP the call returns 0 and data0–data4 hold x3–x7 (SMC32: w3–w7).",
    "Fact sheet §3.2: the response carries the payload in w/x3–x7; Linux and U-Boot copy them into the caller's message.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.Response))
{
    Coverage = ["SMC32", "SMC64"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<DirectResponseAnswer>(out var response) && Payloads.IsMatching(response, send);

    protected override Finding? Violation(SendView send)
    {
        send.EndsAtOnce<DirectResponseAnswer>(out var response);
        return Expect.Return(send, r => Payloads.Completed(r, Payloads.Expected(response), 0, response.Width));
    }
}
