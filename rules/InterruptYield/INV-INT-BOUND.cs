using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvIntBound() : SendRule(new RuleInfo(
    "INV-INT-BOUND",
    Level.Should,
    Area.InterruptYield,
    "The resumptions of one request are bounded: a secure world that interrupts forever gets an error back before the per-case call budget runs out.",
    "Analysis (fact sheet §3.8, §8): EFI runtime services called with IRQs masked cannot service the interrupt, so an unbounded FFA_INTERRUPT/FFA_RUN loop livelocks. Seed D13 and Linux loop without bound.",
    Profiles.Chained(new ChainShape(1, 3, [new(LinkKind.Interrupt32, 1)]), TerminalKind.Response) with { Name = "endless interrupts", Endless = true })
{
    Coverage = ["endless"],
})
{
    protected override bool Exercises(SendView send) => send.IsLive && send.Flow.IsEndless;

    protected override Finding? Violation(SendView send) => send.Trace.Outcome is Stopped { Reason: StopReason.CallBudgetExhausted } stopped
        ? new Finding($"livelock: {send.Calls.Count} calls without giving up — {stopped.Detail}", send.Calls.Count - 1, "outcome", "an error after a bounded number of FFA_RUNs", "no return")
        : Expect.Failure(send, "the secure world never completed the request");
}
