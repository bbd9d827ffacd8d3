using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Qemu;
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
[NonParallelizable]
public sealed class QemuElfTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    [OneTimeSetUp]
    public void Tools() => QemuTargets.RequireQemu();

    [Test]
    public void TheCReferenceAsAUserElfPassesEveryRule()
    {
        var results = ExpectedVerdicts.PassesEveryRule("c-reference-elf", FfaVersion.V1_2, () => QemuTargets.Elf("c-reference-elf", NativeTargets.Reference, FfaVersion.V1_2, QemuTargets.ReferenceNotify));

        Assert.That(results.Single(r => r.Rule == "INV-RT-RESIDENT").Outcome, Is.EqualTo(RuleOutcome.Passed));
    }

    [Test]
    public void TheSeedAsAUserElfFailsWhatItFailsInOurFirmware()
    {
        NativeTargets.RequireSeed();
        var results = ExpectedVerdicts.FailsWhatTheSeedFails("seed-elf", FfaVersion.V1_0, () => QemuTargets.Elf("seed-elf", NativeTargets.Seed, FfaVersion.V1_0, QemuElfOptions.DefaultExitBootServicesNotify));

        Assert.That(results.Single(r => r.Rule == "INV-RT-RESIDENT").Outcome, Is.EqualTo(RuleOutcome.Passed));
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
