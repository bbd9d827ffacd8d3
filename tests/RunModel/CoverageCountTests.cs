using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;

namespace FfaConformance.Tests.RunModel;

/// <summary>
/// Item 1 of the run-model issue: the coverage figures are counts the runner made, never FsCheck's
/// percentages — the classes of a run are the cases a rule saw, at 20 cases as at 300, and for a failing run
/// the cases up to the failure.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class CoverageCountTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    [TestCase(20)]
    [TestCase(300)]
    public void TheClassesOfARunAreTheCasesTheRuleSaw(int cases)
    {
        var rule = new CountingRule(failAt: null);
        using var target = EmulatorTarget.Reference("emulator", FfaVersion.V1_2);

        var result = Runner.Check(target, rule, SettingsLoader.DefaultOptions with { MaxTest = cases });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Passed), result.Message);
            Assert.That((result.Cases, result.Exercised), Is.EqualTo((rule.Cases, rule.Cases)));
            Assert.That(rule.Cases, Is.EqualTo(cases));
            Assert.That(result.Classes.GetValueOrDefault("first send SMC32"), Is.EqualTo(rule.Smc32));
            Assert.That(result.Classes.GetValueOrDefault("first send SMC64"), Is.EqualTo(cases - rule.Smc32));
            Assert.That(result.Message, Is.EqualTo($"{cases} cases, {cases} exercised the rule"));
        });
    }

    [Test]
    public void AFailingRunCountsTheCasesUpToTheFailureAndNoShrinkStep()
    {
        var rule = new CountingRule(failAt: 7);
        using var target = EmulatorTarget.Reference("emulator", FfaVersion.V1_2);

        var result = Runner.Check(target, rule, SettingsLoader.DefaultOptions);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Failed));
            Assert.That((result.Cases, result.Exercised, result.Counterexample!.TestsRun), Is.EqualTo((7, 7, 7)));
            Assert.That(result.Classes.Values.Sum(), Is.EqualTo(7));
            Assert.That(rule.Cases, Is.GreaterThan(7), "shrinking evaluated more cases, none of which may be counted");
        });
    }

    [Test]
    public void ARunInWhichNoCaseExercisedTheRuleIsAGapNotAPass()
    {
        using var target = EmulatorTarget.Reference("emulator", FfaVersion.V1_2);

        var result = Runner.Check(target, new IdleRule(), SettingsLoader.DefaultOptions with { MaxTest = 50 });

        Assert.That((result.Outcome, result.Message), Is.EqualTo((RuleOutcome.CoverageGap, "coverage gap: none of the 50 cases exercised the rule")));
    }

    [TestCase(20)]
    [TestCase(300)]
    public void EveryRuleOnTheEmulatorReportsCountsNoLargerThanItsCases(int cases)
    {
        using var target = EmulatorTarget.Reference("emulator", FfaVersion.V1_2);

        var results = RuleCatalogue.All.Select(rule => Runner.Check(target, rule, SettingsLoader.DefaultOptions with { MaxTest = cases })).ToArray();

        Assert.Multiple(() =>
        {
            foreach (var result in results.Where(r => r.Outcome != RuleOutcome.NotApplicable))
            {
                Assert.That(result.Cases, Is.EqualTo(cases), result.RuleId);
                Assert.That(result.Exercised, Is.InRange(0, cases), result.RuleId);
                Assert.That(result.Classes.Values, Has.All.InRange(1, result.Exercised), result.RuleId);
            }
        });
    }

    /// <summary>A rule that no case exercises.</summary>
    private sealed class IdleRule() : Rule(new RuleInfo("TEST-IDLE", Level.Must, Area.RequestEncoding, "test", "test", Profiles.Requests))
    {
        protected override CaseVerdict Check(CaseView view) => CaseVerdict.NotExercised;
    }

    /// <summary>A rule that classes each case by its first send's width and counts what it saw; it may fail at one case.</summary>
    private sealed class CountingRule(int? failAt) : Rule(new RuleInfo("TEST-COUNT", Level.Must, Area.RequestEncoding, "test", "test", Profiles.Requests))
    {
        public int Cases { get; private set; }

        public int Smc32 { get; private set; }

        protected override CaseVerdict Check(CaseView view)
        {
            Cases++;
            var smc32 = view.Sends[0].Convention == Convention.Smc32;
            Smc32 += smc32 ? 1 : 0;
            var finding = Cases >= failAt ? new Finding("the seventh case or a shrink step") : null;
            return new CaseVerdict(true, finding, [smc32 ? "first send SMC32" : "first send SMC64"]);
        }
    }
}
