using FfaConformance.Abi;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// On real aarch64 code: the C reference passes every rule, residency included; the seed fails exactly the
/// rules it fails as a native target, with the same minimal counterexamples, and passes residency.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class QemuSeedAndReferenceTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    [OneTimeSetUp]
    public void Tools() => QemuTargets.RequireQemu();

    [Test]
    public void TheCReferencePassesEveryRule()
    {
        using var reference = QemuTargets.Create("c-reference-qemu", NativeTargets.Reference, FfaVersion.V1_2);

        RealCodeVerdicts.PassesEveryRule(Runner, reference);
    }

    [Test]
    public void TheSeedFailsWhatItFailsNativelyWithTheSameMinimalCounterexamples()
    {
        NativeTargets.RequireSeed();
        using var seed = QemuTargets.Create("seed-qemu", NativeTargets.Seed, FfaVersion.V1_0);

        RealCodeVerdicts.FailsWhatTheSeedFailsNatively(Runner, seed);
    }
}
