using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Lifecycle;

public sealed class InvRtEnableValid() : SendRule(new RuleInfo(
    "INV-RT-ENABLE-VALID",
    Level.Should,
    Area.Lifecycle,
    "The runtime context is enabled only if valid boot-time data was captured: after an ExitBootServices whose event had no context, the runtime entry returns an error and issues no call.",
    "Simon Glass's review of the seed, https://lists.denx.de/pipermail/u-boot/2026-April/616512.html; the seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_rt_exit_boot_services_notify() logs an error on a NULL context and calls ffa_enable_runtime_context() anyway, with endpoint ID 0.",
    Profiles.Lifecycle)
{
    Applicability = Applicability.Lifecycle,
    Coverage = ["runtime entry after a NULL-context ExitBootServices"],
})
{
    protected override bool Exercises(SendView send) =>
        send.Step.Entry == Entry.Runtime && send.ExitBefore is { WithContext: false };

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return "runtime entry after a NULL-context ExitBootServices";
    }

    protected override Finding? Violation(SendView send) =>
        send.Calls.Count > 0
            ? new Finding("the runtime entry is open although ExitBootServices delivered no boot-time data", 0, FindingField.Calls, "none", $"{send.Calls.Count}")
            : Expect.Failure(send, "no boot-time data was captured");
}
