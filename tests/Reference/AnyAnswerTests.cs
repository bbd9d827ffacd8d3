using FfaConformance.Abi;
using FfaConformance.Generators;
using FfaConformance.Rules;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Tests.Reference;

/// <summary>
/// A rule that claims to hold for any answer judges a case from what the transport sent: with every script of the
/// case taken away, its verdict on the same trace is the same, whether it was exercised and its finding. (Its classes
/// name the answers given, which is what the report shows of a real secure world.) Checked on the mutants that break
/// each such rule, so that findings are among the verdicts compared.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class AnyAnswerTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    public static IEnumerable<TestCaseData> Mutants() => MutantCatalogue.All
        .Where(m => !RuleCatalogue.Get(m.RuleId).Info.Applicability.Needs.HasFlag(TargetCapabilities.ScriptableSecureWorld))
        .Select(m => new TestCaseData(m).SetName($"{m.RuleId} judges {m.Name} without reading a script"));

    [TestCaseSource(nameof(Mutants))]
    public void AJudgementDoesNotReadTheScript(MutantCase mutant)
    {
        var rule = RuleCatalogue.Get(mutant.RuleId);
        using var target = mutant.Emulator();
        var observed = target.Description with { Capabilities = TargetCapabilities.All & ~TargetCapabilities.ScriptableSecureWorld };
        var scenarios = ScenarioGen.For(rule.Info.Profile, new GenerationContext(PartitionTable.Default, mutant.Version)).Sample(200, new Rnd(2026), 30);

        var findings = 0;
        foreach (var scenario in scenarios)
        {
            var trace = Runner.Evaluate(target, rule, scenario, SettingsLoader.DefaultOptions.CallBudget).Trace;
            var scripted = rule.Judge(new CaseView(scenario, trace, observed, PartitionTable.Default));
            var unscripted = rule.Judge(new CaseView(WithoutScripts(scenario), trace, observed, PartitionTable.Default));
            findings += scripted.Finding is null ? 0 : 1;

            Assert.That((unscripted.Exercised, unscripted.Finding?.Text), Is.EqualTo((scripted.Exercised, scripted.Finding?.Text)), scenario.ToString());
        }

        Assert.That(findings, Is.Positive, $"{mutant.Name} was never caught, so no finding was compared");
    }

    private static Scenario WithoutScripts(Scenario scenario) => scenario with
    {
        Steps = [.. scenario.Steps.Select(step => step switch
        {
            SendStep send => send with { Script = Script.Of() },
            Send2Step send2 => send2 with { Script = Script.Of() },
            _ => step,
        })],
    };
}
