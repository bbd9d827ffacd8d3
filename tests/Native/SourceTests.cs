using FfaConformance.Abi;
using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Native;
using FfaConformance.Adapters.Sources;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;

namespace FfaConformance.Tests.Native;

/// <summary>What a native target can name as its source, and the errors for sources that will not do.</summary>
[TestFixture]
[Category("Native")]
[NonParallelizable]
public sealed class SourceTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));
    private string directory = null!;

    private static BindingSource Read(string path) => BindingSource.Read(Binding.Load("uboot"), path);

    [SetUp]
    public void Scratch() => directory = Directory.CreateTempSubdirectory("ffa-source-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(directory, recursive: true);

    [Test]
    public void TheSeedsFileIsReconstructedToItsBlobHash()
    {
        NativeTargets.RequireSeed();
        var source = Read(NativeTargets.Seed);

        Assert.Multiple(() =>
        {
            Assert.That(PatchFile.BlobHash(source.Sources.Single().Text), Does.StartWith("3b80cce272b"));
            Assert.That(PatchFile.BlobHash(source.Headers.Single().Text), Does.StartWith("5fc411192ab"));
            Assert.That(source.Sources.Single().Text, Does.Contain("<open-source-office@arm.com>"));
        });
    }

    [Test]
    public void APatchAlteredInTransitIsRefused()
    {
        NativeTargets.RequireSeed();
        var patch = Directory.EnumerateFiles(NativeTargets.Seed).Single();
        var altered = Path.Combine(directory, "altered.patch");
        File.WriteAllText(altered, File.ReadAllText(patch).Replace("+	return -EINVAL;\n+}", "+	return -EPERM;\n+}", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => Read(altered));

        Assert.That(error!.Message, Does.Contain("does not reproduce the patch's index line (blob 3b80cce272b"));
    }

    [Test]
    public void AHunkShorterThanItsHeaderIsMalformed()
    {
        var patch = Path.Combine(directory, "short.patch");
        File.WriteAllText(patch, "diff --git a/drivers/firmware/arm-ffa/arm-ffa-runtime.c b/drivers/firmware/arm-ffa/arm-ffa-runtime.c\nnew file mode 100644\n@@ -0,0 +1,3 @@\n+int x;\n");

        var error = Assert.Throws<InvalidDataException>(() => Read(patch));

        Assert.That(error!.Message, Does.Contain("is malformed (expected 3 added lines, found 1)"));
    }

    [Test]
    public void AUBootTreeSuppliesTheRuntimeFileAndItsHeader()
    {
        NativeTargets.RequireToolchain();
        var runtime = Directory.CreateDirectory(Path.Combine(directory, "drivers", "firmware", "arm-ffa")).FullName;
        File.Copy(NativeTargets.Reference, Path.Combine(runtime, "arm-ffa-runtime.c"));

        using var target = NativeTargets.Create("tree", directory, FfaVersion.V1_2);
        var result = Runner.Check(target, RuleCatalogue.Get("INV-INT-CHAIN-COMPLETES"), SettingsLoader.DefaultOptions);

        Assert.Multiple(() =>
        {
            Assert.That(target.Description.Provenance.Source, Is.EqualTo($"U-Boot's FF-A runtime transport (drivers/firmware/arm-ffa/arm-ffa-runtime.c): the tree {directory}"));
            Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Passed), result.Message);
        });
    }

    [Test]
    public void ACompileErrorShowsTheCompilersMessageAndTheFile()
    {
        NativeTargets.RequireToolchain();
        var file = Path.Combine(directory, "broken.c");
        File.WriteAllText(file, "int ffa_sync_send_receive_runtime(void) { return undeclared; }\n");

        var problem = NativeTargets.Unavailable(() => NativeTargets.Create("broken", file, FfaVersion.V1_0));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Skip, Is.False);
            Assert.That(problem.Message, Does.Contain($"compiling {file} (Bindings:uboot:Sources[0]) failed").And.Contain($"{file}:1:").And.Contain("undeclared (first use in this function)"));
        });
    }

    [Test]
    public void AMissingOptionalSourceIsSkippedAndARequiredOneIsAnError()
    {
        NativeTargets.RequireToolchain();
        var absent = Path.Combine(directory, "absent");
        var options = new NativeOptions(absent, directory, NativeOptions.DefaultHangTimeout);

        var optional = NativeTargets.Unavailable(() => NativeTarget.Create("optional", FfaVersion.V1_0, options, sourceRequired: false));
        var required = NativeTargets.Unavailable(() => NativeTarget.Create("required", FfaVersion.V1_0, options, sourceRequired: true));

        Assert.That((optional.Skip, optional.Message, required.Skip), Is.EqualTo((true, $"source = '{absent}' is not present (the target is not required, so it is skipped)", false)));
        Assert.That(required.Message, Is.EqualTo($"source = '{absent}' does not exist; accepted: a tree holding drivers/firmware/arm-ffa/arm-ffa-runtime.c, a patch or mail that creates it, a folder holding one such patch, or the .c file itself"));
    }

    [Test]
    public void WithoutACompilerTheTargetIsSkippedWithOneLine()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", directory);
        try
        {
            var problem = NativeTargets.Unavailable(() => NativeTargets.Create("no-gcc", NativeTargets.Reference, FfaVersion.V1_0));

            Assert.That((problem.Skip, problem.Message), Is.EqualTo((true,
                "native target no-gcc is skipped: gcc, objcopy, readelf not found on PATH (Debian: apt-get install gcc binutils)")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }
}
