using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Generators;
using FfaConformance.Rules;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Tests.Reference;

/// <summary>
/// A rule judged on what a real secure world answered is judged as on a script. Where every answer of a script was
/// given (the transport made exactly the calls the script answers), the case read back from its trace
/// (<see cref="AnsweredScenario"/>) gets the verdict the generated case gets, finding and classes alike. Where it was
/// not (the transport stopped early, or the script answers forever), what follows is unknown on a real secure world,
/// so the case read back may be judged on less, but never to a finding the script does not give. Checked on the
/// mutants that break each rule reading answers, so that findings are among the verdicts compared.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class AnsweredScenarioTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    public static IEnumerable<TestCaseData> Mutants() => MutantCatalogue.All
        .Where(m => RuleCatalogue.Get(m.RuleId).Info.Applicability.ReadsAnswers)
        .Select(m => new TestCaseData(m).SetName($"{m.RuleId} judges {m.Name} on the answers read back as on the script"));

    [TestCaseSource(nameof(Mutants))]
    public void AJudgementOnTheAnswersGivenIsTheJudgementOnTheScript(MutantCase mutant)
    {
        var rule = RuleCatalogue.Get(mutant.RuleId);
        using var target = mutant.Emulator();
        var scenarios = ScenarioGen.For(rule.Info.Profile, new GenerationContext(PartitionTable.Default, mutant.Version)).Sample(200, new Rnd(2026), 30);

        var (compared, failing) = (0, 0);
        foreach (var scenario in scenarios)
        {
            var run = Runner.Evaluate(target, rule, scenario, SettingsLoader.DefaultOptions.CallBudget);
            var answered = AnsweredScenario.Of(scenario, run.Trace, out var unread);
            Assert.That(unread, Is.Null, $"a scripted answer did not read back: {unread}");
            var judged = rule.Judge(new CaseView(answered!, run.Trace, target.Description, PartitionTable.Default));
            failing += run.Verdict.Failed ? 1 : 0;
            Assert.That(!judged.Failed || run.Verdict.Failed, $"the answers read back fail a case the script passes: {judged.Finding}\n{scenario}");
            if (EveryAnswerGiven(scenario, run.Trace))
            {
                compared++;
                Assert.That((judged.Exercised, judged.Finding?.Text, judged.Classes), Is.EqualTo((run.Verdict.Exercised, run.Verdict.Finding?.Text, run.Verdict.Classes)), scenario.ToString());
            }
        }

        Assert.That(compared + failing, Is.Positive, "no verdict was compared and no failing case checked");
    }

    /// <summary>
    /// A mutant's minimal counterexample in which every answer is given is caught on the answers read back, with the
    /// finding the script gives: what a real secure world that answered so would show.
    /// </summary>
    [TestCaseSource(nameof(Minimal))]
    public void AMinimalCounterexampleThatGivesEveryAnswerIsCaughtOnTheAnswers(MutantCase mutant)
    {
        var (target, run) = RunMinimal(mutant);
        using (target)
        {
            var rule = RuleCatalogue.Get(mutant.RuleId);
            var judged = rule.Judge(new CaseView(AnsweredScenario.Of(mutant.Exactly!, run.Trace, out _)!, run.Trace, target.Description, PartitionTable.Default));
            Assert.That((judged.Finding?.Text, run.Verdict.Failed), Is.EqualTo((run.Verdict.Finding?.Text, true)));
        }
    }

    /// <summary>The mutants with one minimal counterexample that gives every answer of its script: what a real secure world could be seen to give.</summary>
    public static IEnumerable<TestCaseData> Minimal()
    {
        foreach (var mutant in MutantCatalogue.All.Where(m => m.Exactly is not null && RuleCatalogue.Get(m.RuleId).Info.Applicability.ReadsAnswers))
        {
            var (target, run) = RunMinimal(mutant);
            target.Dispose();
            if (EveryAnswerGiven(mutant.Exactly!, run.Trace))
            {
                yield return new TestCaseData(mutant).SetName($"{mutant.RuleId} catches {mutant.Name}'s minimal counterexample on the answers read back");
            }
        }
    }

    private static (EmulatorTarget Target, CaseRun Run) RunMinimal(MutantCase mutant)
    {
        var target = mutant.Emulator();
        return (target, Runner.Evaluate(target, RuleCatalogue.Get(mutant.RuleId), mutant.Exactly!, SettingsLoader.DefaultOptions.CallBudget));
    }

    /// <summary>Every request's script was answered to its end and not beyond: nothing the script says went unplayed.</summary>
    private static bool EveryAnswerGiven(Scenario scenario, Scenarios.Traces.Trace trace) =>
        Enumerable.Range(0, scenario.Steps.Length).All(i => scenario.RequestAt(i) is not { } request
            || (request.Script.Length is { } length && trace.Steps[i].Calls.Length == length && trace.Steps[i].Calls.All(c => c.Answer is not null)));
}
