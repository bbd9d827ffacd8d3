using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvInt64Gated() : SendRule(new RuleInfo(
    "INV-INT-64-GATED",
    Level.Must,
    Area.InterruptYield,
    "Before v1.3 is negotiated, 0xC4000062 (FFA_INTERRUPT_64) and 0xC400006C (FFA_YIELD_64) are not resumed but end the request with an error, and 0xC400006D (FFA_RUN_64) is never issued.",
    "The arm-ffa crate gives these IDs minimum version v1.3 (an ALP revision [SPEC?]); TF-A and Hafnium define only the SMC32 forms and answer 0xC400006D with NOT_SUPPORTED (fact sheet §1, §7). Seed D2/D3: accepted and issued at v1.0.",
    Profiles.Chained(new ChainShape(0, 3, [new(LinkKind.Interrupt32, 1), new(LinkKind.Interrupt64, 2), new(LinkKind.Yield64, 1)]), TerminalKind.Response))
{
    Applicability = Applicability.Scriptable with { Below = FfaVersion.V1_3 },
    Coverage = ["FFA_INTERRUPT_64", "FFA_YIELD_64"],
})
{
    protected override bool Exercises(SendView send) =>
        send.IsPlainLive && send.Flow.Stop is Resumption { Width: Convention.Smc64 };

    protected override Finding? Violation(SendView send)
    {
        var run64 = FfaFunctions.Run.Id(Convention.Smc64).Value;
        for (var c = 0; c < send.Calls.Count; c++)
        {
            if (send.Calls[c].Issued.W0 == run64)
            {
                return new Finding($"FFA_RUN_64 issued at {send.Version}, where the ID does not exist", c, "w0", Show.Id(FfaFunctions.Run.Id(Convention.Smc32).Value), Show.Id(run64));
            }
        }

        var stop = send.Flow.Depth;
        if (send.Calls.Count > stop + 1)
        {
            return new Finding($"{send.Flow.Stop!.Label} was resumed at {send.Version}", stop + 1, "next call", "none", Show.Id(send.Calls[stop + 1].Issued.W0));
        }

        return Expect.Failure(send, $"{send.Flow.Stop!.Label} does not exist at {send.Version}");
    }
}
