using System.Collections;
using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Run;
using FfaConformance.Scenarios.Traces;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.RunModel;

/// <summary>Runs as users make them, for the run-model tests: from configuration, or from one target.</summary>
internal static class Runs
{
    public static string Hostile(string file) => Path.Combine(NativeTargets.Root, "tests", "Hostile", file);

    /// <summary>The settings a user's environment gives: the shipped defaults file, then <paramref name="environment"/>.</summary>
    /// <summary>
    /// Settings as the suite loads them from <paramref name="environment"/>; unless it says otherwise, results (and so the
    /// run's journal) go to a folder of this test process and no counterexamples are kept, so that self-tests neither
    /// share state with each other nor with the suite's own run.
    /// </summary>
    public static SuiteSettings Settings(params (string Name, string Value)[] environment) =>
        SettingsLoader.Load([], Path.Combine(AppContext.BaseDirectory, SettingsLoader.DefaultsFileName), NativeTargets.Root, Environment(
        [
            .. environment,
            .. new[] { ("FFA_Run__ResultsDirectory", Isolated), ("FFA_Run__Examples", "none") }.Where(d => environment.All(e => e.Name != d.Item1)),
        ]));

    private static readonly string Isolated = Directory.CreateTempSubdirectory("ffa-runs-").FullName;

    public static IDictionary Environment(params (string Name, string Value)[] variables) => variables.ToDictionary(v => v.Name, v => v.Value);

    /// <summary>Every rule of every target the settings select, through the one conformance run.</summary>
    public static RunRecord Everything(SuiteSettings settings)
    {
        using var run = new ConformanceRun(SuitePlan.From(settings));
        run.CheckAll();
        return run.Record();
    }

    /// <summary>One rule on one target built by <paramref name="build"/>, recorded as every output renders it.</summary>
    public static ResultRecord One(string name, Func<ITarget> build, string rule)
    {
        using var run = new ConformanceRun(new RunPlan(
            [new RunTarget(name, "test", FfaVersion.V1_2, build, new Dictionary<string, Expectation>())], SettingsLoader.DefaultOptions, FfaVersion.V1_3));
        return run.Check(name, rule);
    }

    /// <summary>Every rule on one target built by <paramref name="build"/>.</summary>
    public static RunRecord Everything(string name, Func<ITarget> build, int maxTest = 300, IReadOnlyDictionary<string, Expectation>? expectations = null)
    {
        using var run = new ConformanceRun(new RunPlan(
            [new RunTarget(name, "test", FfaVersion.V1_2, build, expectations ?? new Dictionary<string, Expectation>())],
            SettingsLoader.DefaultOptions with { MaxTest = maxTest },
            FfaVersion.V1_3));
        run.CheckAll();
        return run.Record();
    }

    /// <summary>Every rule that applies to the run's target failed, each with a failure of <paramref name="kind"/> whose finding says <paramref name="detail"/>.</summary>
    public static void AssertEveryApplicableRuleFailsWith(RunRecord run, FailureKind kind, string detail)
    {
        var applicable = run.Results.Where(r => r.Outcome != RuleOutcome.NotApplicable).ToArray();
        Assert.That(applicable, Has.Length.GreaterThan(RuleCatalogue.All.Count / 2));
        Assert.Multiple(() =>
        {
            foreach (var result in applicable)
            {
                Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Failed), $"{result.Rule}: {result.Explanation}");
                Assert.That(result.Evidence?.Failing.Kind, Is.EqualTo(kind), result.Rule);
                Assert.That(result.Evidence?.Failing.Finding?.Text, Does.Contain(detail), result.Rule);
            }
        });
    }
}
