using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// SetVirtualAddressMap on real code: a function pointer the linker wrote into runtime data is relocated with the
/// region, so the runtime entry that calls through it keeps working at the virtual address — on our firmware
/// (relocations kept by --emit-relocs), on an ELF linked in RAM (the same) and on one linked at 0 (-pie's
/// R_AARCH64_RELATIVE, as U-Boot's). The same pointer stored by code at ExitBootServices is the
/// calls-through-a-pointer mutant, caught as unrelocated; together they show the relocation is what makes the
/// difference. Mutants that keep only a physical address fail INV-RT-VIRTUAL and nothing else sees them; the same
/// pointer converted in a virtual address change notify (ConvertPointer) is followed.
/// </summary>
[TestFixture]
[Category("Qemu")]
public sealed class VirtualAddressTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    [OneTimeSetUp]
    public void Tools() => QemuTargets.RequireQemu();

    [TestCase("qemu")]
    [TestCase("qemu-elf")]
    [TestCase("qemu-elf-at-zero")]
    public void APointerTheLinkerWroteIsRelocatedWithTheRegion(string adapter)
    {
        var text = File.ReadAllText(NativeTargets.Reference)
            .Replace(
                "static u32 ref_version __efi_runtime_data;",
                "static u32 ref_version __efi_runtime_data;\nstatic int (*volatile ref_send)(u16, u16, struct ffa_send_direct_data *, bool) __efi_runtime_data = ffa_invoke_msg_send_direct_req;",
                StringComparison.Ordinal)
            .Replace(
                "return ffa_invoke_msg_send_direct_req(ref_resident.id, dst_part_id, msg, is_smc64);",
                "return ref_send(ref_resident.id, dst_part_id, msg, is_smc64);",
                StringComparison.Ordinal);
        Assert.That(text, Does.Contain("return ref_send("));
        var name = $"{adapter}-linked-pointer";
        using ITarget target = adapter switch
        {
            "qemu" => QemuTargets.FromText(name, text, FfaVersion.V1_2),
            "qemu-elf" => QemuTargets.ElfFromText(name, text, FfaVersion.V1_2, QemuTargets.ReferenceNotify),
            _ => QemuTargets.ElfAtZeroFromText(name, text, FfaVersion.V1_2, QemuTargets.ReferenceNotify),
        };

        var result = Runner.Check(target, RuleCatalogue.Get("INV-RT-VIRTUAL"), SettingsLoader.DefaultOptions with { MaxTest = 100 });

        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Passed), Messages.Of(result));
        if (adapter != "qemu")
        {
            Assert.That(target.Description.Provenance?.Note, Does.Match("SetVirtualAddressMap relocates [1-9][0-9]* word"));
        }
    }

    /// <summary>The fix for keeps-a-boot-time-pointer: converting the pointer in a virtual address change notify, as UEFI asks.</summary>
    [Test]
    public void APointerConvertedInTheAddressChangeNotifyIsFollowed()
    {
        var text = CMutant.All.Single(m => m.Name == "keeps-a-boot-time-pointer").Apply(File.ReadAllText(NativeTargets.Reference))
            .Replace(
                "static struct ffa_priv_runtime *volatile ref_state __efi_runtime_data;",
                "static struct ffa_priv_runtime *volatile ref_state __efi_runtime_data;\n" +
                "static void EFIAPI ref_address_change(struct efi_event *event, void *context)\n{\n\t(void)event;\n\t(void)context;\n" +
                "\tefi_convert_pointer(0, (void **)&ref_state);\n}",
                StringComparison.Ordinal)
            .Replace(
                "\tref_state = &ref_resident;",
                "\tref_state = &ref_resident;\n\tif (efi_create_event(EVT_SIGNAL_VIRTUAL_ADDRESS_CHANGE, TPL_CALLBACK, ref_address_change, NULL,\n" +
                "\t\t\t     &efi_guid_event_group_virtual_address_change, &event) != EFI_SUCCESS)\n\t\treturn -EPERM;",
                StringComparison.Ordinal);
        Assert.That(text, Does.Contain("efi_convert_pointer(0, (void **)&ref_state);").And.Contain("ref_address_change, NULL"));
        using var target = QemuTargets.FromText("qemu-converts-its-pointer", text, FfaVersion.V1_2);

        var result = Runner.Check(target, RuleCatalogue.Get("INV-RT-VIRTUAL"), SettingsLoader.DefaultOptions with { MaxTest = 100 });

        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Passed), Messages.Of(result));
    }

    /// <summary>Our firmware relocates a bounded number of words; a region holding more is one error naming the source, not a silent partial relocation.</summary>
    [Test]
    public void MoreAddressesThanTheFirmwareRelocatesIsOneErrorNamingTheSource()
    {
        var table = $"static void *volatile ref_table[{Adapters.Wire.MaxRelocations + 1}] __efi_runtime_data = {{ {string.Join(", ", Enumerable.Repeat("&ref_version", Adapters.Wire.MaxRelocations + 1))} }};";
        var text = File.ReadAllText(NativeTargets.Reference)
            .Replace("static u32 ref_version __efi_runtime_data;", $"static u32 ref_version __efi_runtime_data;\n{table}", StringComparison.Ordinal);

        var error = Assert.Throws<Adapters.Contract.TargetUnavailableException>(() => QemuTargets.FromText("qemu-too-many-addresses", text, FfaVersion.V1_2).Dispose());

        Assert.That(error!.Message, Does.Contain("qemu-too-many-addresses.c' cannot run in our firmware: ").And.Contain($"{Adapters.Wire.MaxRelocations + 1} absolute addresses in its runtime region; the firmware relocates at most {Adapters.Wire.MaxRelocations}"));
    }

    [TestCase("keeps-a-boot-time-pointer")]
    [TestCase("calls-through-a-pointer-stored-at-exit-boot-services")]
    [TestCase("caches-an-address-at-exit-boot-services")]
    public void AnAddressKeptPhysicalIsSeenOnlyAfterSetVirtualAddressMap(string name)
    {
        var mutant = CMutant.All.Single(m => m.Name == name);
        using var target = QemuTargets.FromText($"qemu-{name}", mutant.Apply(File.ReadAllText(NativeTargets.Reference)), mutant.Version);

        var resident = Runner.Check(target, RuleCatalogue.Get("INV-RT-RESIDENT"), SettingsLoader.DefaultOptions with { MaxTest = 100 });
        var relocated = Runner.Check(target, RuleCatalogue.Get("INV-RT-VIRTUAL"), SettingsLoader.DefaultOptions with { MaxTest = 100 });

        Assert.That(resident.Outcome, Is.EqualTo(RuleOutcome.Passed), $"under identity maps the mutant works: {Messages.Of(resident)}");
        Assert.That(Messages.Of(relocated), Does.Contain("after SetVirtualAddressMap the runtime path").And.Contain("by its physical address")
            .And.Match(@"the OS maps the runtime region only at its virtual address \(0xFFFFFFC0[0-9A-F]{8} for this one\)"));
    }
}
