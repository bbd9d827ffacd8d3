using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvIntRunFid() : SendRule(new RuleInfo(
    "INV-INT-RUN-FID",
    Level.Must,
    Area.InterruptYield,
    "After FFA_INTERRUPT (0x84000062) the next call is FFA_RUN with w0 = 0x8400006D (0xC400006D only once v1.3 is negotiated).",
    "Fact sheet §3.5/§3.6/§3.8: the preempted context is resumed with FFA_RUN; Linux, U-Boot and edk2 issue FFA_RUN_32.",
    Profiles.Chained(Profiles.InterruptChains, Response, CoreError))
{
    Coverage = ["depth 1", "depth 2–3", "depth 4–7", "depth ≥8"],
})
{
    protected override bool Exercises(SendView send) =>
        send.IsLive && Resumptions.Required(send).Any(r => r.Answer is InterruptAnswer);

    protected override Finding? Violation(SendView send)
    {
        foreach (var (index, answer) in Resumptions.Required(send))
        {
            if (answer is InterruptAnswer && Resumptions.RunFollows(send, index, answer) is { } finding)
            {
                return finding;
            }
        }

        return null;
    }
}
