using FfaConformance.Abi;
using FfaConformance.Adapters.Native;
using FfaConformance.Reports.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;

namespace FfaConformance.Tests.Native;

/// <summary>
/// The seed (U-Boot's arm-ffa-runtime.c from the patch, compiled unmodified) fails exactly the rules its
/// expectations file lists, each with the same minimal counterexample as the C# mutant with that deviation.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SeedTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    private NativeTarget? seed;

    [OneTimeSetUp]
    public void BuildTheSeed()
    {
        NativeTargets.RequireToolchain();
        if (!Directory.Exists(NativeTargets.Seed))
        {
            Assert.Ignore($"the seed is not present at {NativeTargets.Seed}");
        }

        seed = NativeTargets.Create("seed", NativeTargets.Seed, FfaVersion.V1_0);
    }

    [OneTimeTearDown]
    public void Stop() => seed?.Dispose();

    [Test]
    public void FailsExactlyTheExpectedRulesWithMinimalCounterexamples()
    {
        var expected = ExpectationsFile.Load(Path.Combine(NativeTargets.Root, "expectations", "seed.json"));
        var results = RuleCatalogue.All.Select(rule => Runner.Check(seed!, rule, RunOptions.Default)).ToArray();

        var failed = results.Where(r => r.Outcome == RuleOutcome.Failed).ToArray();
        Assert.That(failed.Select(r => r.RuleId), Is.EquivalentTo(expected.Keys));
        Assert.That(results.Where(r => r.Outcome == RuleOutcome.CoverageGap), Is.Empty);
        Assert.Multiple(() =>
        {
            foreach (var result in failed)
            {
                var scenario = result.Counterexample!.Scenario;
                Assert.That(SeedMinimums.IsMinimal(result.RuleId, scenario), Is.True, $"not minimal:\n{FailureText.Format(result)}");
            }
        });
    }

    [Test]
    public void TheSeedIsU_BootsFileByteForByte() =>
        Assert.That(seed!.Description.Provenance.Source, Does.StartWith($"arm-ffa-runtime.c created by {Path.Combine(NativeTargets.Seed, "000_19267216e2564efd.txt")}"));
}
