using System.Text.Json.Serialization;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Runner.Records;

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

/// <summary>A rule as the catalogue defines it.</summary>
public sealed record RuleRecord(string Id, string Area, string Level, string Statement, string Basis);

/// <summary>A target: what it is, where its code came from, and how long its rules took.</summary>
public sealed record TargetRecord(
    string Name,
    string Adapter,
    string Version,
    string Capabilities,
    string? Source,
    string? Sha256,
    string? Compiler,
    string? Qemu,
    string? Note,
    string? Unavailable,
    double Seconds,
    long Cases);

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
    [JsonIgnore]
    public bool IsRed => Judgement.IsRed(Verdict);
}

/// <summary>An entry of the target's expectations file.</summary>
public sealed record ExpectationRecord(FailureKind Failure, string? Text, string Reason, string Reference, string Expires);

/// <summary>
/// A failure's evidence: the shrunk case as it ran again (<see cref="Minimal"/>), the first failing case as it
/// was generated (<see cref="Original"/>), whether the shrunk case failed again, and how to replay it.
/// </summary>
public sealed record EvidenceRecord(
    CaseRecord Minimal,
    CaseRecord Original,
    bool Reproduced,
    string Replay,
    string? ReplayCommand,
    int TestsRun,
    int Shrinks)
{
    /// <summary>The case the verdict stands on: the shrunk one, or the original when the shrunk one passed.</summary>
    [JsonIgnore]
    public CaseRecord Failing => Reproduced ? Minimal : Original;
}

/// <summary>One case: its scenario, what the rule found (null: it passed) and what kind of failure that is, and its trace.</summary>
public sealed record CaseRecord(string Scenario, FailureKind Kind, FindingRecord? Finding, IReadOnlyList<CallRecord> Boot, IReadOnlyList<StepRecord> Steps);

/// <summary>What the rule saw: a sentence, and the step, call and field it points at.</summary>
public sealed record FindingRecord(string Text, int Step, int? Call, string? Field, string? Expected, string? Actual)
{
    /// <summary>"step 2, call #1: text (expected X, got Y)", as every output shows a finding.</summary>
    public override string ToString() => new Finding(Text, Call, Field, Expected, Actual) { Step = Step }.ToString();
}

/// <summary>One step of the trace: its calls and how it ended.</summary>
public sealed record StepRecord(string Step, IReadOnlyList<CallRecord> Calls, string Outcome, int? ReturnValue, IReadOnlyList<string>? Message);

/// <summary>One conduit call: what the target issued (x0–x17) and what the secure world answered (null: stopped there).</summary>
public sealed record CallRecord(string Conduit, string Issued, IReadOnlyList<string> X, string? Answered, IReadOnlyList<string>? Answer);
