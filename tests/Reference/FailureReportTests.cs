using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Targets;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Reference;

/// <summary>A failure says everything a developer needs, its replay seed reproduces it, and coverage gaps and inapplicable rules are never passes.</summary>
[TestFixture]
[Category("Fast")]
public sealed class FailureReportTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    private static EmulatorTarget Mutant(Func<IConduit, FfaVersion, ReferenceTransport> create) =>
        new(new TargetDescription("mutant", EmulatorTarget.AdapterName, FfaVersion.V1_2, TargetCapabilities.All, new Provenance("mutant")), create);

    [Test]
    public void AFailureShowsRuleScenarioTraceAndReplay()
    {
        using var target = Mutant((c, v) => new SuccessCompletes(c, v));
        var result = Runner.Check(target, RuleCatalogue.Get("INV-RESP-SUCCESS-NOT-COMPLETION"), SettingsLoader.DefaultOptions);

        var text = Messages.Of(result);

        Assert.That(text, Does.StartWith("INV-RESP-SUCCESS-NOT-COMPLETION (MUST) on mutant: FFA_SUCCESS")
            .And.Contain("\nFailure: a wrong value or call — step 2: FFA_SUCCESS is no response to a direct request, but the call returned 0")
            .And.Contain("Minimal scenario")
            .And.Contain("script: FFA_SUCCESS_32")
            .And.Contain("#1 SMC FFA_MSG_SEND_DIRECT_REQ_32 [x0=0x8400006F x1=0x8001] → FFA_SUCCESS_32 [x0=0x84000061]")
            .And.Contain("returned 0")
            .And.Contain($"Basis: {RuleCatalogue.Get("INV-RESP-SUCCESS-NOT-COMPLETION").Info.Basis}")
            .And.Contain($"Replay seed: {result.Counterexample!.Replay}"));
    }

    [Test]
    public void TheReplaySeedReproducesTheSameCounterexample()
    {
        using var target = Mutant((c, v) => new FollowsOneInterruptOnly(c, v));
        var rule = RuleCatalogue.Get("INV-INT-CHAIN-COMPLETES");
        var first = Runner.Check(target, rule, SettingsLoader.DefaultOptions);

        var replayed = Runner.Check(target, rule, SettingsLoader.DefaultOptions with { Replay = first.Counterexample!.Replay });
        var rerun = Runner.Check(target, rule, SettingsLoader.DefaultOptions with { Replay = first.Seed });

        Assert.Multiple(() =>
        {
            Assert.That(replayed.Counterexample!.Minimal.Scenario, Is.EqualTo(first.Counterexample.Minimal.Scenario));
            Assert.That(replayed.Counterexample.Minimal.Trace, Is.EqualTo(first.Counterexample.Minimal.Trace));
            Assert.That(rerun.Counterexample!.Minimal.Scenario, Is.EqualTo(first.Counterexample.Minimal.Scenario));
        });
    }

    [Test]
    public void ARequiredClassNeverGeneratedIsACoverageGapNotAPass()
    {
        using var target = EmulatorTarget.Reference("reference", FfaVersion.V1_2);
        var rule = new CoverageOnly(new RuleInfo("TEST-GAP", Level.Must, Area.ResponseHandling, "test", "test", new ScenarioProfile("default"))
        {
            Coverage = ["SMC32", "never generated"],
        });

        var result = Runner.Check(target, rule, SettingsLoader.DefaultOptions with { MaxTest = 50 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.CoverageGap));
            Assert.That(result.MissingClasses, Is.EqualTo(new[] { "never generated" }));
            Assert.That(result.Message, Does.StartWith("coverage gap: never generated 'never generated' in 50 cases"));
        });
    }

    [Test]
    public void ARuleOutsideTheTargetsVersionIsNotApplicableWithItsReason()
    {
        using var target = EmulatorTarget.Reference("old", FfaVersion.V1_0);

        var result = Runner.Check(target, RuleCatalogue.Get("INV-YIELD-RESUME"), SettingsLoader.DefaultOptions);

        Assert.That((result.Outcome, result.Message), Is.EqualTo((RuleOutcome.NotApplicable, "stated for FF-A v1.1 and later; old negotiates v1.0")));
    }

    /// <summary>A rule that every case passes, to see the coverage gate act on its own.</summary>
    private sealed class CoverageOnly(RuleInfo info) : SendRule(info)
    {
        protected override bool Exercises(SendView send) => true;

        protected override Finding? Violation(SendView send) => null;
    }
}
