using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Run;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Support;

/// <summary>
/// What the C reference and the seed must do on any adapter, judged by the one conformance run as a user's run
/// would be: the reference passes every rule that applies; the seed is green against expectations/seed.json,
/// failing exactly its entries — each with the failure the entry names — with minimal counterexamples.
/// </summary>
internal static class ExpectedVerdicts
{
    public static string SeedExpectations => Path.Combine(NativeTargets.Root, "expectations", "seed.json");

    /// <summary>Every rule passes where it applies (residency included where the target can show it), in <paramref name="maxTest"/> cases (Run:MaxTest unless given).</summary>
    public static IReadOnlyList<ResultRecord> PassesEveryRule(string name, FfaVersion version, Func<ITarget> build, int? maxTest = null)
    {
        using var run = Run(name, version, build, new Dictionary<string, Expectation>(), maxTest, out var results);

        Assert.Multiple(() =>
        {
            foreach (var result in results)
            {
                Assert.That(result.Outcome, Is.AnyOf(RuleOutcome.Passed, RuleOutcome.NotApplicable), $"{result.Rule}: {result.Explanation}");
            }
        });
        return results;
    }

    /// <summary>The seed's run is green against its expectations, fails exactly the listed rules, and its counterexamples are minimal.</summary>
    public static IReadOnlyList<ResultRecord> FailsWhatTheSeedFails(string name, FfaVersion version, Func<ITarget> build, int? maxTest = null)
    {
        var expected = ExpectationsFile.Load(SeedExpectations);
        using var run = Run(name, version, build, expected, maxTest, out var results);

        Assert.That(results.Where(r => r.IsRed).Select(r => $"{r.Rule}: {r.Explanation}"), Is.Empty);
        Assert.That(results.Where(r => r.Verdict == Verdict.ExpectedFailure).Select(r => r.Rule), Is.EquivalentTo(expected.Keys));
        Assert.Multiple(() =>
        {
            foreach (var result in results.Where(r => r.Evidence is not null))
            {
                var scenario = run.CounterexampleOf(name, result.Rule)!.Minimal.Scenario;
                Assert.That(SeedMinimums.IsMinimal(result.Rule, scenario), Is.True, $"{result.Rule}: not minimal:\n{scenario}");
            }
        });
        return results;
    }

    private static ConformanceRun Run(string name, FfaVersion version, Func<ITarget> build, IReadOnlyDictionary<string, Expectation> expectations, int? maxTest, out IReadOnlyList<ResultRecord> results)
    {
        var run = new ConformanceRun(new RunPlan([new RunTarget(name, "test", version, build, expectations, maxTest)], SettingsLoader.DefaultOptions, FfaVersion.V1_3));
        results = run.CheckAll();
        Assert.That(results, Has.Count.EqualTo(RuleCatalogue.All.Count));
        return run;
    }
}
