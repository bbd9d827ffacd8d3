using FfaConformance.Abi;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// A fault on real code names its place: the runtime path fetching a boot-time helper is reported with the
/// helper's file:line, read from the image's line tables, next to symbol+offset; a runtime path that logs through
/// a debug UART touched device memory, and says which device — never an unexplained data abort.
/// </summary>
[TestFixture]
[Category("Qemu")]
public sealed class FaultPlaceTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    [OneTimeSetUp]
    public void Tools() => QemuTargets.RequireQemu();

    [Test]
    public void AResidencyViolationNamesTheHelpersSourceLine()
    {
        var mutant = CMutant.All.Single(m => m.Name == "calls-a-boot-time-helper");
        var text = mutant.Apply(File.ReadAllText(NativeTargets.Reference));
        using var target = QemuTargets.FromText("qemu-source-line", text, mutant.Version);

        var result = Runner.Check(target, RuleCatalogue.Get(mutant.Rule), SettingsLoader.DefaultOptions);

        // The helper's lines in the mutated source. The file is named as the build that compiled this text named it: the
        // image cache is keyed by content, so another test that wrote the same text under its own name may have built it.
        var first = Array.FindIndex(text.Split('\n'), l => l.Contains("static bool ref_is_open(void)", StringComparison.Ordinal)) + 1;
        var message = Messages.Of(result);
        var place = System.Text.RegularExpressions.Regex.Match(message, @"fetched an instruction at ref_is_open\+0x0 \(0x[0-9A-F]+\) in \.text, (\S+)\.c:(\d+),");
        Assert.That(place.Success, Is.True, message);
        Assert.That(int.Parse(place.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(first, first + 3), $"the helper is at lines {first}–{first + 3}:\n{message}");
    }

    /// <summary>An ELF moved into RAM keeps its line tables at link addresses; its fault places are still named from them.</summary>
    [Test]
    public void AFaultInAnElfMovedIntoRamNamesItsSourceLine()
    {
        var mutant = CMutant.All.Single(m => m.Name == "calls-through-a-pointer-stored-at-exit-boot-services");
        using var target = QemuTargets.ElfAtZeroFromText("qemu-elf-moved-line", mutant.Apply(File.ReadAllText(NativeTargets.Reference)), mutant.Version, QemuTargets.ReferenceNotify);

        var result = Runner.Check(target, RuleCatalogue.Get(mutant.Rule), SettingsLoader.DefaultOptions);

        Assert.That(Messages.Of(result), Does.Match(@"ELR ffa_invoke_msg_send_direct_req\+0x0 \(0x4[0-9A-F]+\) in \.efi_runtime, \S+/qemu-elf-moved-line\.c:\d+,"));
    }

    [Test]
    public void ARuntimeUartWriteIsNamedAsDeviceMemory()
    {
        var mutant = CMutant.All.Single(m => m.Name == "logs-to-the-uart-at-runtime");
        using var target = QemuTargets.ElfFromText("qemu-elf-uart", mutant.Apply(File.ReadAllText(NativeTargets.Reference)), mutant.Version, QemuTargets.ReferenceNotify);

        var result = Runner.Check(target, RuleCatalogue.Get(mutant.Rule), SettingsLoader.DefaultOptions);

        Assert.That(Messages.Of(result), Does.Contain("after ExitBootServices the runtime path wrote device memory at 0x9000000 (QEMU virt's UART, a PL011)")
            .And.Contain("ELR ffa_sync_send_receive_runtime+0x"));
    }
}
