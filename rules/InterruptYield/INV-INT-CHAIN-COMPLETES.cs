using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvIntChainCompletes() : SendRule(new RuleInfo(
    "INV-INT-CHAIN-COMPLETES",
    Level.Must,
    Area.InterruptYield,
    "REQ → (FFA_INTERRUPT → FFA_RUN)^k → matching DIRECT_RESP completes the call with the final response's payload, for every k from 1 to 12.",
    "Hafnium src/ffa/spmc/interrupts.c, ffa_interrupts_unwind_nwd_call_chain() hands a preempted request back with FFA_INTERRUPT to be resumed by FFA_RUN, and Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_wait_for_completion() and U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_msg_send_direct_req_hdlr() loop on FFA_INTERRUPT. 12 is the longest chain the suite asks for; a resumption bound (INV-INT-BOUND) must not be lower.",
    Profiles.Chained(Profiles.InterruptChains, Scenarios.Profiles.TerminalKind.Response))
{
    Coverage = ["depth 1", "depth 2–3", "depth 4–7", "depth ≥8"],
})
{
    protected override bool Exercises(SendView send) =>
        send.IsPlainLive
        && send.Flow.Depth > 0
        && Resumptions.Required(send).All(r => r.Answer is InterruptAnswer)
        && send.Flow.Stop is DirectResponseAnswer response
        && Payloads.IsMatching(response, send);

    protected override Finding? Violation(SendView send) =>
        Expect.Return(send, r => Payloads.Completed(send, r, Payloads.Expected((DirectResponseAnswer)send.Flow.Stop!), send.Flow.Depth, send.Convention));
}
