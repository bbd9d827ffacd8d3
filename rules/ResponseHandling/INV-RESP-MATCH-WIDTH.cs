using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespMatchWidth() : SendRule(new RuleInfo(
    "INV-RESP-MATCH-WIDTH",
    Level.Must,
    Area.ResponseHandling,
    "A DIRECT_RESP completes a request only in the request's width (0x84000070 for 0x8400006F, 0xC4000070 for 0xC400006F); the other width is a protocol error.",
    "Arm Trusted Services commit 1bc4a623 (the response must match the request's 32/64-bit mode); Linux and pre-patch U-Boot compare with the expected RESP ID. DEN0077 wording not verified [SPEC?]. Seed D1 accepts both.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.ResponseOtherWidth))
{
    Coverage = ["SMC32 request, DIRECT_RESP_64", "SMC64 request, DIRECT_RESP_32"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<DirectResponseAnswer>(out var response) && response.Width != send.Convention;

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return send.Convention == Convention.Smc32 ? "SMC32 request, DIRECT_RESP_64" : "SMC64 request, DIRECT_RESP_32";
    }

    protected override Finding? Violation(SendView send) => Expect.Failure(send, "the response is of the other width");
}
