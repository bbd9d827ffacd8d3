using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Lifecycle;

public sealed class InvRtGate() : SendRule(new RuleInfo(
    "INV-RT-GATE",
    Level.Must,
    Area.Lifecycle,
    "Before the runtime context is enabled at ExitBootServices, the runtime entry returns an error and issues no call.",
    "As designed, the seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_sync_send_receive_runtime() returns -EPERM while ffa_get_status_runtime_context() is false, i.e. until the ExitBootServices event (ffa_rt_exit_boot_services_notify()) enables the runtime context.",
    Profiles.Lifecycle)
{
    Applicability = Applicability.Lifecycle,
    Coverage = ["runtime entry before ExitBootServices"],
})
{
    protected override bool Exercises(SendView send) => send.Step.Entry == Entry.Runtime && send.ExitBefore is null;

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return "runtime entry before ExitBootServices";
    }

    protected override Finding? Violation(SendView send) =>
        send.Calls.Count > 0
            ? new Finding("the runtime entry called the secure world before ExitBootServices", 0, FindingField.Calls, "none", $"{send.Calls.Count}")
            : Expect.Failure(send, "the runtime context is not enabled yet");
}
