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

    /// <summary>Where the suite's own files are, which the defaults file's target paths are relative to: the checkout, or a published suite's folder.</summary>
    public string Home { get; init; } = RepositoryRoot;

    /// <summary>The run to compare with: null, <see cref="PreviousRun"/>, or the path of a run.json.</summary>
    public string? Baseline { get; init; }

    /// <summary>The counterexample database's directory, or null when the run keeps none (Run:Examples = none).</summary>
    public string? Examples { get; init; }

    /// <summary>Every key whose effective value the defaults file does not give ("Targets:mine:Source" → value): what a replay carries.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Every effective key as messages show it: "Run:ResultsDirectory = 'x' (environment variable FFA_Run__ResultsDirectory)".</summary>
    public IReadOnlyDictionary<string, string> Shown { get; init; } = new Dictionary<string, string>();

    /// <summary>A key as messages show it, with its value and where it was set.</summary>
    public string Show(string key) => Shown.GetValueOrDefault(key) ?? key;

}
