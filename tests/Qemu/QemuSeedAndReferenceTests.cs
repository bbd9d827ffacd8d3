using FfaConformance.Abi;
using FfaConformance.Reports.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
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

        var results = RuleCatalogue.All.Select(rule => Runner.Check(reference, rule, RunOptions.Default)).ToArray();

        Assert.Multiple(() =>
        {
            foreach (var result in results)
            {
                var expected = RuleCatalogue.Get(result.RuleId).Info.Applicability.WhyNot(reference.Description) is null ? RuleOutcome.Passed : RuleOutcome.NotApplicable;
                Assert.That(result.Outcome, Is.EqualTo(expected), result.Counterexample is null ? $"{result.RuleId}: {result.Message}" : FailureText.Format(result));
            }
        });
        Assert.That(results.Single(r => r.RuleId == "INV-RT-RESIDENT").Outcome, Is.EqualTo(RuleOutcome.Passed));
    }

    [Test]
    public void TheSeedFailsWhatItFailsNativelyWithTheSameMinimalCounterexamples()
    {
        NativeTargets.RequireSeed();
        using var seed = QemuTargets.Create("seed-qemu", NativeTargets.Seed, FfaVersion.V1_0);
        var expected = ExpectationsFile.Load(Path.Combine(NativeTargets.Root, "expectations", "seed.json"));

        var results = RuleCatalogue.All.Select(rule => Runner.Check(seed, rule, RunOptions.Default)).ToArray();

        var failed = results.Where(r => r.Outcome == RuleOutcome.Failed).ToArray();
        Assert.That(failed.Select(r => r.RuleId), Is.EquivalentTo(expected.Keys));
        Assert.That(results.Single(r => r.RuleId == "INV-RT-RESIDENT").Outcome, Is.EqualTo(RuleOutcome.Passed));
        Assert.Multiple(() =>
        {
            foreach (var result in failed)
            {
                Assert.That(SeedMinimums.IsMinimal(result.RuleId, result.Counterexample!.Scenario), Is.True, $"not minimal:\n{FailureText.Format(result)}");
            }
        });
    }
}
