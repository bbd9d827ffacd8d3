namespace FfaConformance.Records;

/// <summary>
/// When and where the run happened and with which run-wide settings. <see cref="Complete"/>: every rule of every
/// selected target was checked, with fresh seeds — the only kind of run a later run compares itself with.
/// <see cref="Notes"/>: what the run has to say besides its results (a stopped run taken up, a baseline not read).
/// </summary>
public sealed record RunInfo(
    string Id,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    string Host,
    string Runtime,
    string? Commit,
    int MaxTest,
    int CallBudget,
    string SecureWorldVersion,
    string? Replay,
    bool Complete)
{
    public IReadOnlyList<string> Notes { get; init; } = [];
}
