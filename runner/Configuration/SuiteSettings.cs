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
    /// <summary>A configured path: absolute as given, relative to the checkout otherwise.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(RepositoryRoot, path));
}
