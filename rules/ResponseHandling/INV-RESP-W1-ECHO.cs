using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespW1Echo() : SendRule(new RuleInfo(
    "INV-RESP-W1-ECHO",
    Level.Should,
    Area.ResponseHandling,
    "A DIRECT_RESP must carry w1[31:16] = the destination (or an endpoint resumed on the way) and w1[15:0] = the caller's ID; otherwise the call returns an error.",
    "Fact sheet §3.2: the responder swaps the request's IDs (U-Boot's sandbox emulator, OP-TEE); TF-A and Hafnium validate on the SP side only. Seed D15: not checked (nor in Linux).",
    Profiles.Final(Scenarios.Profiles.TerminalKind.ResponseWrongIds))
{
    Coverage = ["ids unswapped", "other responder", "other receiver"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<DirectResponseAnswer>(out var response)
        && response.Width == send.Convention
        && response.W2 == 0
        && response.Endpoints(send.Self, send.Request.Destination) != new EndpointPair(send.Request.Destination, send.Self);

    protected override IEnumerable<string> Classify(SendView send)
    {
        send.EndsAtOnce<DirectResponseAnswer>(out var response);
        yield return response.Ids switch
        {
            ResponderIds.Unswapped => "ids unswapped",
            ResponderIds.OtherSender => "other responder",
            _ => "other receiver",
        };
    }

    protected override Finding? Violation(SendView send) => Expect.Failure(send, "the response's w1 names the wrong endpoints");
}
