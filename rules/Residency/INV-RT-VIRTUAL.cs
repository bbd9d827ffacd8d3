using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Residency;

public sealed class InvRtVirtual() : SendRule(new RuleInfo(
    "INV-RT-VIRTUAL",
    Level.Must,
    Area.Residency,
    "After SetVirtualAddressMap the runtime entry works at the OS's virtual addresses: with the runtime region relocated and mapped only there, nothing it executes or touches is reached through a physical address of the region (a pointer kept from boot time, a function pointer stored at run time, an address cached at ExitBootServices).",
    "UEFI 2.10 §8.4 (SetVirtualAddressMap: runtime images are relocated for virtual addressing, and pointers they hold must be converted); U-Boot lib/efi_loader/efi_runtime.c, efi_runtime_relocate() applies the image's relocations to the runtime region only (.efi_runtime_rel, from arch/arm/cpu/armv8/u-boot.lds). Checked on aarch64 code with the region mapped through TTBR1 at a high address and nothing of it at its physical one.",
    Profiles.Requests with
    {
        Name = "runtime requests after SetVirtualAddressMap",
        Lifecycle = LifecycleShape.RuntimeAfterVirtualMap,
        Request = RequestShape.Valid with { NullMessagePercent = 0 },
    })
{
    Applicability = new(TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Lifecycle | TargetCapabilities.Residency | TargetCapabilities.VirtualAddressMap),
    Coverage = ["after SetVirtualAddressMap", "depth 0", "depth 1", "FFA_ERROR_32"],
})
{
    protected override bool Exercises(SendView send) => send.IsLive && send.Step.Entry == Entry.Runtime && send.AfterVirtualAddressMap;

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return "after SetVirtualAddressMap";
    }

    protected override Finding? Violation(SendView send) => send.Trace.Outcome is Stopped { Reason: StopReason.UnrelocatedAddress } stopped
        ? new Finding(stopped.Detail, send.Calls.Count == 0 ? null : send.Calls.Count - 1, FindingField.Address, "the runtime region's virtual address", "its physical address")
        : null;
}
