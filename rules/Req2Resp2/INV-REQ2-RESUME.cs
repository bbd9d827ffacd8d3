using FfaConformance.Rules.InterruptYield;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Traces;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.Req2Resp2;

public sealed class InvReq2Resume() : Send2Rule(new RuleInfo(
    "INV-REQ2-RESUME",
    Level.Must,
    Area.Req2Resp2,
    "A REQ2 answered by FFA_INTERRUPT or FFA_YIELD is resumed with FFA_RUN naming the w1 it got (never by sending the REQ2 again), and the DIRECT_RESP2 that ends the chain completes it, the message holding x4–x17.",
    "Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_REQ2\" (wording not verified): the callee may be preempted or yield as for FFA_MSG_SEND_DIRECT_REQ; Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req2() runs the same ffa_msg_send_wait_for_completion() loop of FFA_RUN calls as ffa_msg_send_direct_req(); Hafnium src/ffa/spmc/interrupts.c, ffa_interrupts_unwind_nwd_call_chain() names the context to resume.",
    Profiles.Requests2(new ChainShape(0, 7, [new(LinkKind.Interrupt32, 3), new(LinkKind.Yield32, 2)]), Response) with { MaxSends = 1 })
{
    Applicability = Applicability.DirectRequest2,
    Coverage = ["depth 1", "depth 2–3", "depth 4–7", "FFA_INTERRUPT_32", "FFA_YIELD_32"],
})
{
    protected override bool Exercises(Send2View send) =>
        send.IsPlainLive && send.Flow.Depth > 0 && send.Flow.Stop is DirectResponse2Answer response && Requests2.IsMatching(response, send);

    protected override Finding? Violation(Send2View send)
    {
        foreach (var (index, answer) in Resumptions.Required(send))
        {
            if (Resumptions.RunFollows(send, index, answer) is { } finding)
            {
                return finding;
            }

            // The resumption never reached the target (the step never ran): how the step ended is judged below.
            if (send.Calls.Count <= index)
            {
                break;
            }

            var run = send.Calls[index + 1].Issued;
            var named = send.Calls[index].Answer!.W1;
            if (run.W1 != named)
            {
                return new Finding($"FFA_RUN does not resume the context {answer.Label} named", index + 1, FindingField.W(1), Show.Hex(named), Show.Hex(run.W1));
            }
        }

        return Expect.Return(send, r => Requests2.Completed(send, r, (DirectResponse2Answer)send.Flow.Stop!, send.Flow.Depth));
    }
}
