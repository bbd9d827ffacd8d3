using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespW2Partition() : SendRule(new RuleInfo(
    "INV-RESP-W2-PARTITION",
    Level.Should,
    Area.ResponseHandling,
    "A DIRECT_RESP to a partition message has w2 = 0 (framework bit clear); otherwise the call returns an error.",
    "Fact sheet §3.1: w2 bit 31 marks a framework message, all other bits MBZ; Hafnium checks framework-bit consistency on the SP side. Seed D15: not checked.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.ResponseNonZeroW2))
{
    Coverage = ["framework bit set", "other w2 bits set"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<DirectResponseAnswer>(out var response)
        && response.Width == send.Convention
        && response.Ids == ResponderIds.Echo
        && response.W2 != 0;

    protected override IEnumerable<string> Classify(SendView send)
    {
        send.EndsAtOnce<DirectResponseAnswer>(out var response);
        yield return (response.W2 & 0x8000_0000) != 0 ? "framework bit set" : "other w2 bits set";
    }

    protected override Finding? Violation(SendView send) => Expect.Failure(send, "the response's w2 is not zero");
}
