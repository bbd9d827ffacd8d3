using FfaConformance.Abi;
using FfaConformance.Runner.Engine;

namespace FfaConformance.Runner.Run;

/// <summary>
/// What a conformance run checks and how: its targets, cases per rule, the call budget, an optional replay,
/// the version the managed secure world implements, and — when the run was configured by the user — the
/// command that replays one failing case of one target.
/// </summary>
public sealed record RunPlan(IReadOnlyList<RunTarget> Targets, RunOptions Options, FfaVersion SecureWorldVersion)
{
    /// <summary>(target, rule, replay string) → the command that reruns that case, or null when there is none.</summary>
    public Func<string, string, string, string?> ReplayCommand { get; init; } = (_, _, _) => null;

    /// <summary>Where counterexamples are kept and replayed first (<see cref="ExampleDatabase"/>); null keeps none.</summary>
    public ExampleDatabase? Examples { get; init; }

    /// <summary>Where the run is written down as it goes, to resume after it stops (<see cref="RunJournal"/>); null writes nothing.</summary>
    public string? Journal { get; init; }

    /// <summary>The suite's own build (<see cref="Run.SuiteBuild"/>): a journal of another build is not taken up.</summary>
    public string SuiteBuild { get; init; } = Run.SuiteBuild.Digest;

    /// <summary>What a journal must have been written for to be taken up: the targets and how their rules are run.</summary>
    public string Fingerprint =>
        $"{string.Join(";", Targets.Select(t => $"{t.Name}:{t.Adapter}:{t.Version}:{t.MaxTest}"))}|{Options.MaxTest}|{Options.CallBudget}|{SecureWorldVersion}";

    /// <summary>The commit of the checkout the run used, when known.</summary>
    public string? Commit { get; init; }
}
