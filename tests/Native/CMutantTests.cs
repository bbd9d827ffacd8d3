using FfaConformance.Abi;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;

namespace FfaConformance.Tests.Native;

/// <summary>
/// Each C mutant of the reference is caught by its rule; one that crashes, hangs or livelocks is reported as
/// such, and the same target then runs a case the mutation does not touch normally (its host restarted).
/// </summary>
[TestFixture]
[Category("Native")]
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

        var result = Runner.Check(target, RuleCatalogue.Get(mutant.Rule), SettingsLoader.DefaultOptions);
        var afterwards = Runner.Evaluate(target, RuleCatalogue.Get("INV-RESP-PAYLOAD"), Minimal.Healthy, SettingsLoader.DefaultOptions.CallBudget);

        Assert.Multiple(() => mutant.AssertCaught(result, afterwards));
    }
}
