using FfaConformance.Abi;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Mutants;

/// <summary>Each mutant is caught by the rule meant to catch it, within the default number of cases, with the minimal counterexample.</summary>
[TestFixture]
[Category("Fast")]
public sealed class MutantTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    public static IEnumerable<TestCaseData> Cases() =>
        MutantCatalogue.All.Select(m => new TestCaseData(m).SetName($"{m.Name} is caught by {m.RuleId} at {m.Version}"));

    [TestCaseSource(nameof(Cases))]
    public void IsCaughtWithAMinimalCounterexample(MutantCase mutant)
    {
        using var target = mutant.Emulator();

        var result = Runner.Check(target, RuleCatalogue.Get(mutant.RuleId), SettingsLoader.DefaultOptions);

        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Failed), $"{mutant} was not caught: {result.Message}");
        var counterexample = result.Counterexample!;
        Assert.That(mutant.IsMinimal(counterexample.Minimal.Scenario), Is.True,
            $"not the minimal counterexample.\nExpected: {mutant.Shape}\nGot:\n{counterexample.Minimal.Scenario}\n{Messages.Of(result)}");
    }

    /// <summary>C# mutants, C mutants for what only real code shows (residency), and edk2 mutants for the EFI_STATUS rules.</summary>
    [Test]
    public void EveryRuleHasAMutantThatBreaksIt()
    {
        var caught = MutantCatalogue.All.Select(m => m.RuleId)
            .Concat(Native.CMutant.All.Select(m => m.Rule))
            .Concat(Native.CMutant.In(Path.Combine("Bindings", "Mutants")).Select(m => m.Rule))
            .ToHashSet();
        Assert.That(RuleCatalogue.All.Select(r => r.Id).Where(id => !caught.Contains(id)), Is.Empty);
    }
}
