using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Steps;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvYieldW2NotError() : TwinRule(new RuleInfo(
    "INV-YIELD-W2-NOT-ERROR",
    Level.Must,
    Area.InterruptYield,
    "FFA_YIELD's w2/w3 are a timeout hint, never an error code: changing them changes neither the calls nor the result (whether the transport resumes or gives up).",
    "Hafnium src/ffa/spmc/cpu_cycles.c, ffa_cpu_cycles_yield_prepare() relays the SP's timeout in w2 (low) and w3 (high); this suite's own addition, it states at every version what INV-YIELD-RESUME states from v1.1. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() decodes w2 as an error code.",
    Profiles.Twins(TwinVariation.YieldTimeout, new ChainShape(0, 3, [new(LinkKind.Yield32, 2), new(LinkKind.Interrupt32, 1)]), TerminalKind.Response, TerminalKind.CoreError))
{
    Coverage = ["FFA_YIELD reached"],
}, TwinVariation.YieldTimeout)
{
    /// <summary>The original reaches an FFA_YIELD: one among the resumptions it must follow, or the one where it may stop.</summary>
    protected override bool Exercises(SendView original) =>
        original.IsLive
        && (Resumptions.Required(original).Any(r => r.Answer is YieldAnswer) || original.Flow.Stop is YieldAnswer);

    protected override IEnumerable<string> Classify(SendView original, SendView twin)
    {
        yield return "FFA_YIELD reached";
    }
}
