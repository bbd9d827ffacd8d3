using System.Text.Json.Serialization;

namespace FfaConformance.Records;

/// <summary>
/// A failure's evidence: the shrunk case as it ran again (<see cref="Minimal"/>), the first failing case as it
/// was generated (<see cref="Original"/>), whether the shrunk case failed again, how to replay it, and which of the
/// implementation's functions ran it (<see cref="Judged"/>, for a target described by a binding).
/// </summary>
public sealed record EvidenceRecord(
    CaseRecord Minimal,
    CaseRecord Original,
    bool Reproduced,
    string Replay,
    string? ReplayCommand,
    int TestsRun,
    int Shrinks,
    string? Judged = null)
{
    /// <summary>The case the verdict stands on: the shrunk one, or the original when the shrunk one passed.</summary>
    [JsonIgnore]
    public CaseRecord Failing => Reproduced ? Minimal : Original;
}
