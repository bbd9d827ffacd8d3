using FfaConformance.Abi;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Bindings;

/// <summary>
/// Mutants of edk2's ArmFfaCommon.c, applied to a copy of the tree at build time: each breaks a rule edk2 passes,
/// and the edk2 target, built through its binding, catches it with that rule; the same target then completes a
/// request the mutation does not touch.
/// </summary>
[TestFixture]
[Category("Native")]
public sealed class Edk2MutantTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    private string work = string.Empty;

    public static IEnumerable<TestCaseData> Mutants() =>
        CMutant.In(Path.Combine("Bindings", "Mutants")).Select(m => new TestCaseData(m).SetName($"edk2 mutant {m.Name} is caught by {m.Rule} ({m.Outcome})"));

    [SetUp]
    public void SetUp() => work = Directory.CreateTempSubdirectory("ffa-edk2-mutant-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(work, recursive: true);

    [Test]
    public void TheirRulesPassOnEdk2AsItIs()
    {
        Edk2Tree.Require();
        using var target = Edk2Tree.Target(Edk2Tree.Root, work);

        foreach (var rule in CMutant.In(Path.Combine("Bindings", "Mutants")).Select(m => m.Rule).Distinct())
        {
            var result = Runner.Check(target, RuleCatalogue.Get(rule), SettingsLoader.DefaultOptions);
            Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Passed), $"{rule}: {result.Message}");
        }
    }

    [TestCaseSource(nameof(Mutants))]
    public void IsCaught(CMutant mutant)
    {
        Edk2Tree.Require();
        var tree = Edk2Tree.CopyTo(work);
        var common = Path.Combine(tree, Edk2Tree.Common);
        File.WriteAllText(common, mutant.Apply(File.ReadAllText(common).ReplaceLineEndings("\n")));
        using var target = Edk2Tree.Target(tree, Path.Combine(work, "build"));

        var result = Runner.Check(target, RuleCatalogue.Get(mutant.Rule), SettingsLoader.DefaultOptions);
        var afterwards = Runner.Evaluate(target, RuleCatalogue.Get("INV-RESP-PAYLOAD"), Minimal.RuntimeSend(Minimal.Request(Convention.Smc64), Minimal.Response(Convention.Smc64)),
            SettingsLoader.DefaultOptions.CallBudget);

        Assert.Multiple(() => mutant.AssertCaught(result, afterwards));
    }
}
