using System.Text.Json.Serialization;

namespace FfaConformance.Records;

/// <summary>
/// Everything one conformance run found, as written to run.json. The summary, a failing test's message, the
/// HTML report, JUnit XML, merges and baseline diffs all render these records, so a report can be rebuilt or
/// combined without rerunning. Register values are hex strings ("0x8400006F"): JSON numbers lose 64-bit
/// precision in a browser.
/// </summary>
public sealed record RunRecord(
    string Format,
    RunInfo Run,
    IReadOnlyList<RuleRecord> Rules,
    IReadOnlyList<TargetRecord> Targets,
    IReadOnlyList<ResultRecord> Results)
{
    public const string CurrentFormat = "ffa-conformance-run/2";

    /// <summary>A run is red when any result is.</summary>
    [JsonIgnore]
    public bool IsRed => Results.Any(r => r.IsRed);
}
