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
/// Mutants of edk2's ArmFfaCommon.c, applied to a copy of the tree at build time: each breaks a rule edk2 passes
/// (after the mutant's repairs, when edk2 fails it as it is), and the edk2 target, built through its binding, catches
/// it with that rule; the same target then completes a request the mutation does not touch.
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

    [TestCaseSource(nameof(Mutants))]
    public void IsCaught(CMutant mutant)
    {
        Edk2Tree.Require();
        var tree = Edk2Tree.CopyTo(work);
        var common = Path.Combine(tree, Edk2Tree.Common);
        var original = File.ReadAllText(common).ReplaceLineEndings("\n");
        var rule = RuleCatalogue.Get(mutant.Rule);

        File.WriteAllText(common, mutant.Repaired(original));
        using (var control = Edk2Tree.Target(tree, Path.Combine(work, "control")))
        {
            var before = Runner.Check(control, rule, SettingsLoader.DefaultOptions);
            Assert.That(before.Outcome, Is.EqualTo(RuleOutcome.Passed), $"{mutant.Rule} fails edk2 before {mutant.Name} changes it: {before.Message}");
        }

        File.WriteAllText(common, mutant.Apply(original));
        using var target = Edk2Tree.Target(tree, Path.Combine(work, "build"));

        var result = Runner.Check(target, rule, SettingsLoader.DefaultOptions);
        var afterwards = Runner.Evaluate(target, RuleCatalogue.Get("INV-RESP-PAYLOAD"), Minimal.RuntimeSend(Minimal.Request(Convention.Smc64), Minimal.Response(Convention.Smc64)),
            SettingsLoader.DefaultOptions.CallBudget);

        Assert.Multiple(() => mutant.AssertCaught(result, afterwards));
    }
}
