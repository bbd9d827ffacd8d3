using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvIntRunFid() : SendRule(new RuleInfo(
    "INV-INT-RUN-FID",
    Level.Must,
    Area.InterruptYield,
    "After FFA_INTERRUPT (0x84000062) the next call is FFA_RUN with w0 = 0x8400006D (0xC400006D only once v1.3 is negotiated).",
    "The preempted context is resumed with FFA_RUN (Hafnium src/ffa/spmc/interrupts.c, ffa_interrupts_unwind_nwd_call_chain()); Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_wait_for_completion(), U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_msg_send_direct_req_hdlr() and edk2 MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c, ArmFfaLibRun() issue FFA_RUN_32.",
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
