using FfaConformance.Abi;
using FfaConformance.Runner.Engine;

namespace FfaConformance.Runner.Configuration;

/// <summary>The resolved configuration of a run: which targets, how many cases, where results go.</summary>
public sealed record SuiteSettings(
    IReadOnlyList<TargetSettings> Targets,
    RunOptions Options,
    FfaVersion SecureWorldVersion,
    string ResultsDirectory,
    string BuildDirectory,
    string RepositoryRoot)
{
    /// <summary>The Run:Baseline value that means "the last complete run before this one".</summary>
    public const string PreviousRun = "previous";

    /// <summary>The run to compare with: null, <see cref="PreviousRun"/>, or the path of a run.json.</summary>
    public string? Baseline { get; init; }

    /// <summary>The counterexample database's directory, or null when the run keeps none (Run:Examples = none).</summary>
    public string? Examples { get; init; }

    /// <summary>Every key whose effective value the defaults file does not give ("Targets:mine:Source" → value): what a replay carries.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    /// <summary>A configured path: absolute as given, relative to the checkout otherwise.</summary>
    public string Resolve(string path) => Adapters.Contract.TargetConfig.Resolve(RepositoryRoot, path);
}
