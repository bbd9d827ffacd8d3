using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvYieldResume() : SendRule(new RuleInfo(
    "INV-YIELD-RESUME",
    Level.Must,
    Area.InterruptYield,
    "FFA_YIELD is not an error: the transport resumes with FFA_RUN(w1) (after an optional delay) until the request completes.",
    "Linux 6.12+ drivers/firmware/arm_ffa/driver.c, ffa_msg_send_wait_for_completion() sleeps and issues FFA_RUN on FFA_YIELD; Hafnium src/ffa/spmc/cpu_cycles.c, ffa_cpu_cycles_yield_prepare() relays an SP's FFA_YIELD with the SP blocked until resumed. Stated from v1.1, the first version in which a partition's FFA_YIELD is relayed to a normal-world caller as a direct request that is not yet complete (the table of FFA_YIELD states in DEN0077 v1.1, wording not verified; Linux 6.12's merge of this handling describes completion through FFA_YIELD or FFA_INTERRUPT); the seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() does not recognise FFA_YIELD and falls into the error path.",
    Profiles.Chained(new ChainShape(0, 6, [new(LinkKind.Yield32, 2), new(LinkKind.Interrupt32, 1)]), TerminalKind.Response))
{
    Applicability = Applicability.Scriptable with { From = FfaVersion.V1_1 },
    Coverage = ["yields only", "yields and interrupts"],
})
{
    protected override bool Exercises(SendView send) =>
        send.IsPlainLive
        && Resumptions.Required(send).Any(r => r.Answer is YieldAnswer)
        && send.Flow.Stop is DirectResponseAnswer response
        && Payloads.IsMatching(response, send);

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return Resumptions.Required(send).All(r => r.Answer is YieldAnswer) ? "yields only" : "yields and interrupts";
    }

    protected override Finding? Violation(SendView send)
    {
        foreach (var (index, answer) in Resumptions.Required(send))
        {
            if (answer is YieldAnswer && Resumptions.RunFollows(send, index, answer) is { } finding)
            {
                return finding;
            }
        }

        return Expect.Return(send, r => Payloads.Completed(send, r, Payloads.Expected((DirectResponseAnswer)send.Flow.Stop!), send.Flow.Depth, send.Convention));
    }
}
