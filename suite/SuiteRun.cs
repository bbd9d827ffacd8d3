using System.Collections.Concurrent;
using FfaConformance.Adapters.Contract;
using FfaConformance.Reports.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;

namespace FfaConformance.Suite;

/// <summary>
/// One conformance run per test process: the configuration, the managed secure world, the targets (built
/// once, disposed at the end), their expectations, and every judged result so far, for the summary.
/// </summary>
public sealed class SuiteRun : IDisposable
{
    private static readonly Lazy<SuiteRun> Instance = new(() => new SuiteRun(SettingsLoader.Load(RunParameters())));

    private readonly Dictionary<string, Slot> slots;
    private readonly ConcurrentQueue<JudgedResult> results = new();
    private readonly RuleRunner runner;
    private readonly DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);

    private SuiteRun(SuiteSettings settings)
    {
        Settings = settings;
        Baseline = ExplicitBaseline(settings);
        runner = new RuleRunner(new ManagedSecureWorld(PartitionTable.Default, settings.SecureWorldVersion));
        slots = settings.Targets.ToDictionary(
            t => t.Name,
            t => new Slot(
                t,
                new Lazy<(ITarget?, TargetUnavailableException?)>(() => Build(t, settings)),
                t.Keys.TryGetValue("Expectations", out var file) ? ExpectationsFile.Load(settings.Resolve(file)) : new Dictionary<string, Expectation>()),
            StringComparer.Ordinal);
    }

    public static SuiteRun Current => Instance.Value;

    public static bool Started => Instance.IsValueCreated;

    public SuiteSettings Settings { get; }

    public IReadOnlyList<JudgedResult> Results => [.. results];

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The run Run:Baseline names by path, read before anything runs so a bad file fails the run at once; null otherwise.</summary>
    public (RunRecord? Run, string? Problem)? Baseline { get; }

    /// <summary>The targets that have results: their descriptions, or why they could not be built.</summary>
    public IReadOnlyList<TargetRun> TargetRuns =>
        [.. slots.Values.Where(s => s.Target.IsValueCreated).Select(s => new TargetRun(
            s.Settings.Name,
            s.Settings.Adapter,
            s.Settings.Version.ToString(),
            s.Target.Value.Target?.Description,
            s.Target.Value.Problem?.Message))];

    public JudgedResult Check(string target, string ruleId)
    {
        var slot = slots[target];
        var rule = RuleCatalogue.Get(ruleId);
        var (built, problem) = slot.Target.Value;
        var result = built is null
            ? Unavailable(target, ruleId, problem!)
            : runner.Check(built, rule, Settings.Options with { MaxTest = slot.Settings.MaxTest ?? Settings.Options.MaxTest });
        var judged = new JudgedResult(result, Judgement.Of(result, slot.Expectations.GetValueOrDefault(ruleId), today));
        results.Enqueue(judged);
        return judged;
    }

    public void Dispose()
    {
        foreach (var slot in slots.Values.Where(s => s.Target.IsValueCreated))
        {
            slot.Target.Value.Target?.Dispose();
        }
    }

    private static (RunRecord?, string?)? ExplicitBaseline(SuiteSettings settings)
    {
        if (settings.Baseline is null or SuiteSettings.PreviousRun)
        {
            return null;
        }

        try
        {
            return (RunRecordFile.Read(settings.Baseline), null);
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException($"Run:Baseline: {e.Message}");
        }
    }

    private static (ITarget?, TargetUnavailableException?) Build(TargetSettings target, SuiteSettings settings)
    {
        try
        {
            return (AdapterRegistry.Create(target, settings), null);
        }
        catch (TargetUnavailableException problem)
        {
            return (null, problem);
        }
    }

    /// <summary>A target that could not be built: every rule is skipped (a missing toolchain or optional source) or failed (a broken target).</summary>
    private static RuleResult Unavailable(string target, string ruleId, TargetUnavailableException problem) =>
        new(ruleId, target, problem.Skip ? RuleOutcome.TargetUnavailable : RuleOutcome.Failed, problem.Message, 0, 0,
            new Dictionary<string, int>(), [], null, string.Empty, TimeSpan.Zero);

    private static IEnumerable<KeyValuePair<string, string?>> RunParameters() =>
        TestContext.Parameters.Names.Select(name => KeyValuePair.Create(name, TestContext.Parameters[name]));

    private sealed record Slot(TargetSettings Settings, Lazy<(ITarget? Target, TargetUnavailableException? Problem)> Target, IReadOnlyDictionary<string, Expectation> Expectations);
}
