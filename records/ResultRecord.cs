using System.Text.Json.Serialization;

namespace FfaConformance.Records;

/// <summary>One rule on one target: outcome, verdict against the expectations, coverage the runner counted, evidence.</summary>
public sealed record ResultRecord(
    string Target,
    string Rule,
    RuleOutcome Outcome,
    Verdict Verdict,
    string Explanation,
    int Cases,
    int Exercised,
    IReadOnlyDictionary<string, int> Classes,
    IReadOnlyList<string> MissingClasses,
    string Seed,
    double Seconds,
    ExpectationRecord? Expectation,
    EvidenceRecord? Evidence)
{
    /// <summary>How many cases a real secure world gave each class of answer in; absent where a script answered, and from older records.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, int>? Answered { get; init; }

    [JsonIgnore]
    public bool IsRed => Verdict.IsRed();
}
