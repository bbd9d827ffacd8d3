using FfaConformance.Abi;
using FfaConformance.Adapters.Native;

using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Native;

/// <summary>
/// The seed (U-Boot's arm-ffa-runtime.c from the patch, compiled unmodified) fails exactly the rules its
/// expectations file lists, each with the same minimal counterexample as the C# mutant with that deviation.
/// </summary>
[TestFixture]
[Category("Native")]
public sealed class SeedTests
{
    private NativeTarget? seed;

    [OneTimeSetUp]
    public void BuildTheSeed()
    {
        NativeTargets.RequireToolchain();
        NativeTargets.RequireSeed();

        seed = NativeTargets.Create("seed", NativeTargets.Seed, FfaVersion.V1_0);
    }

    [OneTimeTearDown]
    public void Stop() => seed?.Dispose();

    [Test]
    public void FailsExactlyTheExpectedRulesWithMinimalCounterexamples()
    {
        ExpectedVerdicts.FailsWhatTheSeedFails("seed", FfaVersion.V1_0, () => NativeTargets.Create("seed", NativeTargets.Seed, FfaVersion.V1_0));
    }

    [Test]
    public void TheSeedIsU_BootsFileByteForByte() =>
        Assert.That(seed!.Description.Provenance.Source, Does.EndWith($"arm-ffa-runtime.c created by {Path.Combine(NativeTargets.Seed, "000_19267216e2564efd.txt")}"));
}
