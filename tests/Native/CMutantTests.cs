using FfaConformance.Abi;
using FfaConformance.Reports.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;

namespace FfaConformance.Tests.Native;

/// <summary>
/// Each C mutant of the reference is caught by its rule; one that crashes, hangs or livelocks is reported as
/// such, and the same target goes on to pass another rule afterwards (its host restarted).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CMutantTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    public static IEnumerable<TestCaseData> Mutants() =>
        CMutant.All.Where(m => m.Adapters.Contains("native")).Select(m => new TestCaseData(m).SetName($"C mutant {m.Name} is caught by {m.Rule} ({m.Outcome})"));

    [OneTimeSetUp]
    public void Toolchain() => NativeTargets.RequireToolchain();

    [Test]
    public void ThereAreAtLeastTwelve() => Assert.That(CMutant.All.Count(m => m.Adapters.Contains("native")), Is.GreaterThanOrEqualTo(12));

    [TestCaseSource(nameof(Mutants))]
    public void IsCaught(CMutant mutant)
    {
        var source = mutant.Apply(File.ReadAllText(NativeTargets.Reference));
        using var target = NativeTargets.FromText(mutant.Name, source, mutant.Version, TimeSpan.FromMilliseconds(200));

        var result = Runner.Check(target, RuleCatalogue.Get(mutant.Rule), RunOptions.Default);
        var afterwards = Runner.Check(target, RuleCatalogue.Get("INV-REQ-FID"), RunOptions.Default with { MaxTest = 50 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Failed), $"{mutant.Name} ({mutant.Why}) was not caught: {result.Message}");
            Assert.That(mutant.EndsAsExpected(result), Is.True, result.Counterexample is null ? result.Message : FailureText.Format(result));
            Assert.That(afterwards.Outcome, Is.EqualTo(RuleOutcome.Passed), $"the run did not go on after {mutant.Name}: {afterwards.Message}");
        });
    }
}
