using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvIntBound() : SendRule(new RuleInfo(
    "INV-INT-BOUND",
    Level.Should,
    Area.InterruptYield,
    "The resumptions of one request are bounded: a secure world that interrupts forever gets an error back before the per-case call budget runs out.",
    "Defensive (this suite's analysis): EFI runtime services called with IRQs masked cannot service the non-secure interrupt, so an unbounded FFA_INTERRUPT/FFA_RUN loop livelocks. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() and Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_wait_for_completion() loop without bound.",
    Profiles.Chained(new ChainShape(1, 3, [new(LinkKind.Interrupt32, 1)]), TerminalKind.Response) with { Name = "endless interrupts", Endless = true })
{
    Coverage = ["endless"],
})
{
    protected override bool Exercises(SendView send) => send.IsLive && send.Flow.IsEndless;

    protected override Finding? Violation(SendView send) => send.Trace.Outcome is Stopped { Reason: StopReason.CallBudgetExhausted } stopped
        ? new Finding($"livelock: {send.Calls.Count} calls without giving up — {stopped.Detail}", send.Calls.Count - 1, FindingField.Outcome, "an error after a bounded number of FFA_RUNs", "no return")
        : Expect.Failure(send, "the secure world never completed the request");
}
