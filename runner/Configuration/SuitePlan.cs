using FfaConformance.Adapters;
using FfaConformance.Adapters.Contract;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Records;
using FfaConformance.Runner.Run;

namespace FfaConformance.Runner.Configuration;

/// <summary>The run a configuration asks for: each target bound by its own adapter, its expectations read up front.</summary>
public static class SuitePlan
{
    /// <summary>The run's journal, in the results directory while a run is going on.</summary>
    public const string RunJournalFile = "journal.jsonl";

    public static RunPlan From(SuiteSettings settings) => new(
        [.. settings.Targets.Select(t => new RunTarget(
            t.Name,
            t.Adapter,
            t.Version,
            () => (AdapterCatalogue.Find(t.Adapter) ?? throw new ConfigurationException($"Targets:{t.Name}:Adapter = '{t.Adapter}' is not an adapter"))
                .Create(new TargetConfig(t.Name, t.Version, t.Keys, settings.RepositoryRoot, settings.BuildDirectory) { SecureWorldVersion = settings.SecureWorldVersion }),
            t.Keys.TryGetValue("Expectations", out var file) ? ExpectationsFile.Load(settings.Resolve(file)) : new Dictionary<string, Expectation>(),
            t.MaxTest))],
        settings.Options,
        settings.SecureWorldVersion)
    {
        ReplayCommand = (target, rule, replay) => Configuration.ReplayCommand.For(settings, target, rule, replay),
        Commit = Checkout.Commit(settings.RepositoryRoot),
        Examples = settings.Examples is { } examples ? new Engine.ExampleDatabase(examples) : null,
        Journal = Path.Combine(settings.ResultsDirectory, RunJournalFile),
    };
}
