using FfaConformance.Abi;
using FfaConformance.Records;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// On real aarch64 code the seed fails exactly the rules it fails as a native target, with the same minimal
/// counterexamples, and passes residency. That the C reference passes every rule there, residency included, is
/// the suite's c-reference-qemu target (a shipped default, see SettingsLoaderTests), not repeated here.
/// </summary>
[TestFixture]
[Category("Qemu")]
public sealed class QemuSeedAndReferenceTests
{
    [OneTimeSetUp]
    public void Tools() => QemuTargets.RequireQemu();

    [Test]
    public void TheSeedFailsWhatItFailsNativelyWithTheSameMinimalCounterexamples()
    {
        NativeTargets.RequireSeed();
        var results = ExpectedVerdicts.FailsWhatTheSeedFails("seed-qemu", FfaVersion.V1_0, () => QemuTargets.Create("seed-qemu", NativeTargets.Seed, FfaVersion.V1_0), QemuTargets.MaxTest);

        Assert.That(results.Where(r => r.Rule is "INV-RT-RESIDENT" or "INV-RT-VIRTUAL").Select(r => r.Outcome), Is.EqualTo(new[] { RuleOutcome.Passed, RuleOutcome.Passed }));
    }
}
