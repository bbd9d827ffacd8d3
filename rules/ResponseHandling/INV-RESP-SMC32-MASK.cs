using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespSmc32Mask() : SendRule(new RuleInfo(
    "INV-RESP-SMC32-MASK",
    Level.Must,
    Area.ResponseHandling,
    "For an SMC32 response, data_i is the zero-extended w(3+i): the upper halves of x3–x7 never reach the caller.",
    "SMCCC SMC32 results are 32-bit (fact sheet §4); Hafnium truncates, but an SPMD forwarding an S-EL1 SPMC's x3–x7 need not, so upper halves are undefined [SPEC? exact SMCCC wording]. Seed D14: raw 64-bit copy.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.Response) with { Name = "SMC32 responses with noise above w3–w7", NoisePercent = 70 })
{
    Coverage = ["x3–x7[63:32] set"],
})
{
    protected override bool Exercises(SendView send) =>
        send.Convention == Convention.Smc32
        && send.EndsAtOnce<DirectResponseAnswer>(out var response)
        && Payloads.IsMatching(response, send)
        && response.Noise.UpperHalves != 0;

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return "x3–x7[63:32] set";
    }

    protected override Finding? Violation(SendView send)
    {
        send.EndsAtOnce<DirectResponseAnswer>(out var response);
        return Expect.Return(send, r => Payloads.Completed(r, Payloads.Expected(response), 0, response.Width, lowHalvesOfSmc32: false));
    }
}
