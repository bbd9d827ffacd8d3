using System.Collections.Concurrent;
using FfaConformance.Adapters.Contract;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;

namespace FfaConformance.Suite;

/// <summary>
/// One conformance run per test process: the configuration, the managed secure world, the targets (built
/// once, disposed at the end) and every result so far, for the summary.
/// </summary>
public sealed class SuiteRun : IDisposable
{
    private static readonly Lazy<SuiteRun> Instance = new(() => new SuiteRun(SettingsLoader.Load(RunParameters())));

    private readonly Dictionary<string, Lazy<ITarget>> targets;
    private readonly ConcurrentQueue<RuleResult> results = new();
    private readonly RuleRunner runner;

    private SuiteRun(SuiteSettings settings)
    {
        Settings = settings;
        runner = new RuleRunner(new ManagedSecureWorld(PartitionTable.Default, settings.SecureWorldVersion));
        targets = settings.Targets.ToDictionary(t => t.Name, t => new Lazy<ITarget>(() => AdapterRegistry.Create(t)), StringComparer.Ordinal);
    }

    public static SuiteRun Current => Instance.Value;

    public static bool Started => Instance.IsValueCreated;

    public SuiteSettings Settings { get; }

    public IReadOnlyList<RuleResult> Results => [.. results];

    public RuleResult Check(string target, string ruleId)
    {
        var settings = Settings.Targets.First(t => t.Name == target);
        var options = Settings.Options with { MaxTest = settings.MaxTest ?? Settings.Options.MaxTest };
        var result = runner.Check(targets[target].Value, RuleCatalogue.Get(ruleId), options);
        results.Enqueue(result);
        return result;
    }

    public void Dispose()
    {
        foreach (var target in targets.Values.Where(t => t.IsValueCreated))
        {
            target.Value.Dispose();
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> RunParameters() =>
        TestContext.Parameters.Names.Select(name => KeyValuePair.Create(name, TestContext.Parameters[name]));
}
