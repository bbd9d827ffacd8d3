using FfaConformance.Adapters.Contract;
using FfaConformance.Reports.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Qemu;

/// <summary>What the C reference and the seed must do on real code, whichever QEMU adapter runs them.</summary>
internal static class RealCodeVerdicts
{
    /// <summary>Every rule passes where it applies (residency included) and is reported not applicable elsewhere.</summary>
    public static void PassesEveryRule(RuleRunner runner, ITarget reference)
    {
        var results = RuleCatalogue.All.Select(rule => runner.Check(reference, rule, RunOptions.Default)).ToArray();

        Assert.Multiple(() =>
        {
            foreach (var result in results)
            {
                var expected = RuleCatalogue.Get(result.RuleId).Info.Applicability.WhyNot(reference.Description) is null ? RuleOutcome.Passed : RuleOutcome.NotApplicable;
                Assert.That(result.Outcome, Is.EqualTo(expected), result.Counterexample is null ? $"{result.RuleId}: {result.Message}" : FailureText.Format(result));
            }
        });
        Assert.That(results.Single(r => r.RuleId == "INV-RT-RESIDENT").Outcome, Is.EqualTo(RuleOutcome.Passed));
    }

    /// <summary>The seed fails exactly the rules of expectations/seed.json, each with the minimal counterexample, and passes residency.</summary>
    public static void FailsWhatTheSeedFailsNatively(RuleRunner runner, ITarget seed)
    {
        var expected = ExpectationsFile.Load(Path.Combine(NativeTargets.Root, "expectations", "seed.json"));

        var results = RuleCatalogue.All.Select(rule => runner.Check(seed, rule, RunOptions.Default)).ToArray();

        var failed = results.Where(r => r.Outcome == RuleOutcome.Failed).ToArray();
        Assert.That(failed.Select(r => r.RuleId), Is.EquivalentTo(expected.Keys));
        Assert.That(results.Single(r => r.RuleId == "INV-RT-RESIDENT").Outcome, Is.EqualTo(RuleOutcome.Passed));
        Assert.Multiple(() =>
        {
            foreach (var result in failed)
            {
                Assert.That(SeedMinimums.IsMinimal(result.RuleId, result.Counterexample!.Scenario), Is.True, $"not minimal:\n{FailureText.Format(result)}");
            }
        });
    }
}
