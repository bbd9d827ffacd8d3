using FfaConformance.Abi;
using FfaConformance.Generators;
using FfaConformance.Rules;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Tests.Reference;

/// <summary>
/// A case whose target crashed at its first step, before any call, leaves every later step unrun. Every rule judges
/// such a case without throwing — a rule that threw would report the adapter broken — and a rule that finds the
/// case exercises it never passes it. Found on edk2: INV-REQ2-RESUME indexed the calls of a REQ2 that never ran
/// after a livelock earlier in the case.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class NeverRanTests
{
    private static readonly TargetDescription Target =
        new("crashed", "tests", FfaVersion.V1_2, TargetCapabilities.All, new Provenance("tests"));

    [Test]
    public void EveryRuleJudgesStepsThatNeverRanAndPassesNone()
    {
        var context = GenerationContext.For(PartitionTable.Default, Target);
        foreach (var rule in RuleCatalogue.All)
        {
            foreach (var scenario in ScenarioGen.For(rule.Info.Profile, context).Sample(50, new Rnd(2026), 20))
            {
                var trace = new Trace([], [.. scenario.Steps.Select((_, i) => i == 0 ? new StepTrace([], new Stopped(StopReason.Crashed, "tests")) : StepTrace.Unrun)]);

                CaseVerdict verdict = null!;
                Assert.DoesNotThrow(() => verdict = rule.Judge(new CaseView(scenario, trace, Target, PartitionTable.Default)), $"{rule.Id}: {scenario}");
                Assert.That(!verdict.Exercised || verdict.Failed, Is.True, $"{rule.Id} passed a case that never ran: {scenario}");
            }
        }
    }
}
