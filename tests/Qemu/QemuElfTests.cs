using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Qemu.Elf;
using FfaConformance.Adapters.Qemu.Machine;
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
/// The qemu-elf adapter on ELFs laid out like a user's U-Boot build: the C reference passes every rule,
/// residency included; the seed fails exactly what it fails in our own firmware, with the same minimal
/// counterexamples; names that are not in the ELF are one clear error naming the key.
/// </summary>
[TestFixture]
[Category("Qemu")]
public sealed class QemuElfTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    [OneTimeSetUp]
    public void Tools() => QemuTargets.RequireQemu();

    [Test]
    public void TheCReferenceAsAUserElfPassesEveryRule()
    {
        var results = ExpectedVerdicts.PassesEveryRule("c-reference-elf", FfaVersion.V1_2, () => QemuTargets.Elf("c-reference-elf", NativeTargets.Reference, FfaVersion.V1_2, QemuTargets.ReferenceNotify), QemuTargets.MaxTest);

        Assert.That(results.Where(r => r.Rule is "INV-RT-RESIDENT" or "INV-RT-VIRTUAL").Select(r => r.Outcome), Is.EqualTo(new[] { RuleOutcome.Passed, RuleOutcome.Passed }));
    }

    [Test]
    public void TheSeedAsAUserElfFailsWhatItFailsInOurFirmware()
    {
        NativeTargets.RequireSeed();
        var results = ExpectedVerdicts.FailsWhatTheSeedFails("seed-elf", FfaVersion.V1_0, () => QemuTargets.Elf("seed-elf", NativeTargets.Seed, FfaVersion.V1_0, QemuElfOptions.DefaultExitBootServicesNotify), QemuTargets.MaxTest);

        Assert.That(results.Where(r => r.Rule is "INV-RT-RESIDENT" or "INV-RT-VIRTUAL").Select(r => r.Outcome), Is.EqualTo(new[] { RuleOutcome.Passed, RuleOutcome.Passed }));
    }

    [TestCase("RuntimeEntry", "no_such_entry")]
    [TestCase("ExitBootServicesNotify", "no_such_notify")]
    [TestCase("RuntimeSections", ".no_such_section")]
    public void ANameTheElfDoesNotHaveIsOneErrorNamingTheKey(string key, string value)
    {
        var elf = UserElfBuild.Build(NativeTargets.Reference, Path.Combine(NativeTargets.Root, "artifacts", "build"));
        var options = QemuTargets.Options(elf, QemuTargets.ReferenceNotify);
        options = key switch
        {
            "RuntimeEntry" => options with { RuntimeEntry = value },
            "ExitBootServicesNotify" => options with { ExitBootServicesNotify = value },
            _ => options with { RuntimeSections = [value] },
        };

        var error = Assert.Throws<TargetUnavailableException>(() => QemuElfTarget.Create("user", FfaVersion.V1_2, options, required: true).Dispose());

        Assert.That(error!.Skip, Is.False);
        Assert.That(error.Message, Does.Contain($"Targets:user:{key} = ").And.Contain(value));
    }

    [Test]
    public void AnElfForAnotherMachineIsRefused()
    {
        var host = Path.Combine(NativeTargets.Root, "artifacts", "build", "host-elf");
        File.Copy("/proc/self/exe", host, overwrite: true);

        var error = Assert.Throws<TargetUnavailableException>(() =>
            QemuElfTarget.Create("user", FfaVersion.V1_2, QemuTargets.Options(host, QemuTargets.ReferenceNotify), required: true).Dispose());

        Assert.That(error!.Message, Does.Contain("Targets:user:Firmware = ").And.Contain("not an AArch64 ELF"));
    }

    /// <summary>
    /// qemu_arm64_defconfig links U-Boot at 0 and lets it relocate itself; the adapter moves such an ELF into RAM
    /// with its own relocations instead of asking for a rebuild, and the moved transport keeps passing.
    /// </summary>
    [Test]
    public void AnElfLinkedAtZeroWithRelocationsRunsWithoutARebuild()
    {
        var buildRoot = Path.Combine(NativeTargets.Root, "artifacts", "build");
        var elf = UserElfBuild.BuildAtZero(NativeTargets.Reference, buildRoot);
        Assert.That(ElfFile.Read(elf).Allocated.Min(s => s.Address), Is.Zero);

        // Each word a relocation names holds its addend plus the move in the copy the adapter loads.
        var moved = ElfRelocation.IntoRam(ElfFile.Read(elf), buildRoot, "Targets:user-at-zero:Firmware");
        var copy = ElfFile.Read(moved.Path);
        var relocations = Relocations(elf).ToArray();
        Assert.That(relocations, Is.Not.Empty);
        foreach (var (offset, addend) in relocations)
        {
            var section = copy.Allocated.Single(s => offset + moved.Bias >= s.Address && offset + moved.Bias < s.End);
            Assert.That(BitConverter.ToUInt64(copy.Contents(section, offset + moved.Bias, 8)), Is.EqualTo(addend + moved.Bias), $"the word at 0x{offset:X}");
        }

        using var target = QemuElfTarget.Create("user-at-zero", FfaVersion.V1_2, QemuTargets.Options(elf, QemuTargets.ReferenceNotify), required: true);
        var results = new[] { "INV-RESP-PAYLOAD", "INV-ERRNO-TABLE", "INV-RT-GATE", "INV-RT-RESIDENT", "INV-RT-VIRTUAL" }
            .Select(rule => Runner.Check(target, RuleCatalogue.Get(rule), SettingsLoader.DefaultOptions with { MaxTest = 100 }))
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(target.Description.Provenance?.Note, Does.Match(@"moved by 0x40000000 with its [1-9][0-9]* R_AARCH64_RELATIVE relocations applied"));
            foreach (var result in results)
            {
                Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Passed), Messages.Of(result));
            }
        });
    }

    [Test]
    public void AnElfLinkedBelowRamWithoutRelocationsIsOneErrorNamingTheKey()
    {
        var elf = UserElfBuild.BuildAtZero(NativeTargets.Reference, Path.Combine(NativeTargets.Root, "artifacts", "build"));
        var folder = Directory.CreateTempSubdirectory("ffa-no-relocations-").FullName;
        try
        {
            var bare = Path.Combine(folder, "u-boot");
            var (exit, output) = Adapters.Sources.Toolchain.Invoke("aarch64-linux-gnu-objcopy", ["--remove-section=.rela.dyn", elf, bare]);
            Assert.That(exit, Is.Zero, output);

            var error = Assert.Throws<TargetUnavailableException>(() =>
                QemuElfTarget.Create("user", FfaVersion.V1_2, QemuTargets.Options(bare, QemuTargets.ReferenceNotify), required: true).Dispose());

            Assert.That(error!.Message, Does.Contain($"Targets:user:Firmware = {bare} is linked below 0x40000000, outside QEMU virt's RAM, and carries no relocations to move it"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Without relocations the runtime sections cannot be relocated: INV-RT-VIRTUAL is not applicable, and says why.</summary>
    [Test]
    public void AnElfWithoutRelocationsIsNotGivenSetVirtualAddressMap()
    {
        var elf = UserElfBuild.Build(NativeTargets.Reference, Path.Combine(NativeTargets.Root, "artifacts", "build"));
        var folder = Directory.CreateTempSubdirectory("ffa-no-relocations-").FullName;
        try
        {
            var bare = Path.Combine(folder, "u-boot");
            var (exit, output) = Adapters.Sources.Toolchain.Invoke("aarch64-linux-gnu-objcopy", ["--remove-relocations=*", elf, bare]);
            Assert.That(exit, Is.Zero, output);

            using var target = QemuElfTarget.Create("user", FfaVersion.V1_2, QemuTargets.Options(bare, QemuTargets.ReferenceNotify), required: true);
            var result = Runner.Check(target, RuleCatalogue.Get("INV-RT-VIRTUAL"), SettingsLoader.DefaultOptions);

            Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.NotApplicable));
            Assert.That(result.Message, Does.Contain("SetVirtualAddressMap (the runtime region relocated by its relocations"));
            Assert.That(target.Description.Provenance?.Note, Does.Contain("SetVirtualAddressMap is not played: the ELF carries no relocations"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The R_AARCH64_RELATIVE entries of an ELF, as readelf lists them: offset and addend.</summary>
    private static IEnumerable<(ulong Offset, ulong Addend)> Relocations(string elf)
    {
        var (exit, output) = Adapters.Sources.Toolchain.Invoke("aarch64-linux-gnu-readelf", ["-rW", elf]);
        Assert.That(exit, Is.Zero, output);
        foreach (var line in output.Split('\n').Where(l => l.Contains("R_AARCH64_RELATIVE", StringComparison.Ordinal)))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            yield return (Convert.ToUInt64(fields[0], 16), Convert.ToUInt64(fields[^1], 16));
        }
    }

    [Test]
    public void AStrippedElfIsRefusedForItsMissingSymbolTable()
    {
        var elf = UserElfBuild.Build(NativeTargets.Reference, Path.Combine(NativeTargets.Root, "artifacts", "build"));
        var folder = Directory.CreateTempSubdirectory("ffa-stripped-").FullName;
        try
        {
            var stripped = Path.Combine(folder, "u-boot");
            var (exit, output) = Adapters.Sources.Toolchain.Invoke("aarch64-linux-gnu-strip", ["-o", stripped, elf]);
            Assert.That(exit, Is.Zero, output);

            var error = Assert.Throws<TargetUnavailableException>(() =>
                QemuElfTarget.Create("user", FfaVersion.V1_2, QemuTargets.Options(stripped, QemuTargets.ReferenceNotify), required: true).Dispose());

            Assert.That(error!.Message, Does.Contain($"Targets:user:Firmware = {stripped} has no symbol table (it was stripped)"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void AMissingFirmwareIsSkippedOnlyWhenNotRequired()
    {
        var options = QemuTargets.Options(Path.Combine(NativeTargets.Root, "no-such-firmware.elf"), QemuTargets.ReferenceNotify);

        var optional = Assert.Throws<TargetUnavailableException>(() => QemuElfTarget.Create("user", FfaVersion.V1_2, options, required: false).Dispose());
        var required = Assert.Throws<TargetUnavailableException>(() => QemuElfTarget.Create("user", FfaVersion.V1_2, options, required: true).Dispose());

        Assert.That((optional!.Skip, required!.Skip), Is.EqualTo((true, false)));
    }
}
