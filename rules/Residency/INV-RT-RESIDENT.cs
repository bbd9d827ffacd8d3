using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Residency;

public sealed class InvRtResident() : SendRule(new RuleInfo(
    "INV-RT-RESIDENT",
    Level.Must,
    Area.Residency,
    "After ExitBootServices, everything the runtime entry executes or touches down to the SMC lives in the runtime sections (.text/.data/.rodata.efi_runtime), on its stack or in the caller's message.",
    "U-Boot include/efi_loader.h (__efi_runtime, __efi_runtime_data, __efi_runtime_rodata) and arch/arm/cpu/armv8/u-boot.lds: after ExitBootServices only the runtime region stays; arch/arm/cpu/armv8/smccc-call.S puts arm_smccc_1_2_smc() in .text.efi_runtime. Checked on aarch64 code under a page table that maps nothing else.",
    Profiles.Requests with { Name = "runtime requests after ExitBootServices", Request = RequestShape.Valid with { NullMessagePercent = 0 } })
{
    Applicability = new(TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Lifecycle | TargetCapabilities.Residency),
    Coverage = ["runtime entry", "depth 0", "depth 1", "FFA_ERROR_32"],
})
{
    protected override bool Exercises(SendView send) => send.IsLive && send.Step.Entry == Entry.Runtime;

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return "runtime entry";
    }

    protected override Finding? Violation(SendView send) => send.Trace.Outcome is Stopped { Reason: StopReason.ResidencyViolation } stopped
        ? new Finding(stopped.Detail, send.Calls.Count == 0 ? null : send.Calls.Count - 1, FindingField.MemoryAccess, "runtime-resident memory only", "outside the runtime region")
        : null;
}
