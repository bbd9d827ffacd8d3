using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Records;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.RunModel;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// QEMU's files go to TMPDIR: a folder with a comma in it reaches QEMU whole (its option syntax ends a value at a
/// comma unless it is doubled), and one too long for a unix socket's path is one error naming TMPDIR.
/// </summary>
[TestFixture]
[Category("Qemu")]
[NonParallelizable]
public sealed class TemporaryFolderTests
{
    private string? saved;
    private string work = string.Empty;

    [SetUp]
    public void Save()
    {
        QemuTargets.RequireQemu();
        saved = Environment.GetEnvironmentVariable("TMPDIR");
        work = Directory.CreateTempSubdirectory("ffa-tmpdir-").FullName;
    }

    [TearDown]
    public void Restore()
    {
        Environment.SetEnvironmentVariable("TMPDIR", saved);
        Directory.Delete(work, recursive: true);
    }

    [Test]
    public void ACommaInTmpdirReachesQemuWhole()
    {
        Environment.SetEnvironmentVariable("TMPDIR", Directory.CreateDirectory(Path.Combine(work, "a,b")).FullName);

        var result = Runs.One("c-reference-qemu", () => QemuTargets.Create("c-reference-qemu", NativeTargets.Reference, FfaVersion.V1_2), "INV-REQ-FID");

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Explanation);
        Assert.That(Directory.EnumerateFileSystemEntries(Path.Combine(work, "a,b")), Is.Empty, "QEMU's socket is removed with it");
    }

    [Test]
    public void ATmpdirTooLongForASocketIsOneErrorNamingIt()
    {
        var deep = Path.Combine(work, new string('d', QemuMachine.MaxSocketPath - work.Length));
        Environment.SetEnvironmentVariable("TMPDIR", Directory.CreateDirectory(deep).FullName);

        var result = Runs.One("c-reference-qemu", () => QemuTargets.Create("c-reference-qemu", NativeTargets.Reference, FfaVersion.V1_2), "INV-REQ-FID");

        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Broken));
        Assert.That(result.Explanation, Does.Contain("longer than the 107 bytes a unix socket's path may have; set TMPDIR").And.Contain(deep));
    }
}
