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
        [.. settings.Targets.Select(t => Target(settings, t))],
        settings.Options,
        settings.SecureWorldVersion)
    {
        ReplayCommand = (target, rule, replay) => Configuration.ReplayCommand.For(settings, target, rule, replay),
        Commit = Checkout.Commit(settings.RepositoryRoot),
        Examples = settings.Examples is { } examples ? new Engine.ExampleDatabase(examples) : null,
        Journal = Path.Combine(settings.ResultsDirectory, RunJournalFile),
    };

    private static RunTarget Target(SuiteSettings settings, TargetSettings target)
    {
        var config = new TargetConfig(target.Name, target.Version, target.Keys, settings.RepositoryRoot, settings.BuildDirectory)
        {
            SecureWorldVersion = settings.SecureWorldVersion,
            Home = settings.Home,
            FromDefaults = target.FromDefaults,
        };
        return new RunTarget(
            target.Name,
            target.Adapter,
            target.Version,
            () => (AdapterCatalogue.Find(target.Adapter) ?? throw new ConfigurationException($"Targets:{target.Name}:Adapter = '{target.Adapter}' is not an adapter")).Create(config),
            ExpectationsFile.Load(config.Paths("Expectations")),
            target.MaxTest)
        {
            Keys = target.Keys,
        };
    }
}
