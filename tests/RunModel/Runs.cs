using System.Collections;
using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Records;
using FfaConformance.Runner.Run;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.RunModel;

/// <summary>Runs as users make them, for the run-model tests: from configuration, or from one target.</summary>
internal static class Runs
{
    public static string Hostile(string file) => Path.Combine(NativeTargets.Root, "tests", "Hostile", file);

    /// <summary>The settings a user's environment gives: the shipped defaults file, then <paramref name="environment"/>.</summary>
    public static SuiteSettings Settings(params (string Name, string Value)[] environment) =>
        SettingsLoader.Load([], Path.Combine(AppContext.BaseDirectory, SettingsLoader.DefaultsFileName), NativeTargets.Root, Environment(environment));

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
            [new RunTarget(name, "test", FfaVersion.V1_2, build, new Dictionary<string, Expectation>())], RunOptions.Default, FfaVersion.V1_3));
        return run.Check(name, rule);
    }

    /// <summary>Every rule on one target built by <paramref name="build"/>.</summary>
    public static RunRecord Everything(string name, Func<ITarget> build, int maxTest = 300, IReadOnlyDictionary<string, Expectation>? expectations = null)
    {
        using var run = new ConformanceRun(new RunPlan(
            [new RunTarget(name, "test", FfaVersion.V1_2, build, expectations ?? new Dictionary<string, Expectation>())],
            RunOptions.Default with { MaxTest = maxTest },
            FfaVersion.V1_3));
        run.CheckAll();
        return run.Record();
    }
}
