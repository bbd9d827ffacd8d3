namespace FfaConformance.Reports.Records;

/// <summary>
/// Everything one conformance run found, as written to run.json: the HTML report, JUnit XML, merges and
/// baseline diffs are all made from these files, so a report can be rebuilt or combined without rerunning.
/// Register values are hex strings ("0x8400006F"): JSON numbers lose 64-bit precision in a browser.
/// </summary>
public sealed record RunRecord(
    string Format,
    RunInfo Run,
    IReadOnlyList<RuleRecord> Rules,
    IReadOnlyList<TargetRecord> Targets,
    IReadOnlyList<ResultRecord> Results)
{
    public const string CurrentFormat = "ffa-conformance-run/1";
}

/// <summary>When and where the run happened and with which run-wide settings.</summary>
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
    string? Replay);

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

/// <summary>One rule on one target: outcome, verdict against the expectations, coverage, evidence.</summary>
public sealed record ResultRecord(
    string Target,
    string Rule,
    string Outcome,
    string Verdict,
    string Explanation,
    int Cases,
    int Exercised,
    IReadOnlyDictionary<string, int> Classes,
    IReadOnlyList<string> MissingClasses,
    string Seed,
    double Seconds,
    ExpectationRecord? Expectation,
    EvidenceRecord? Evidence);

/// <summary>An entry of the target's expectations file.</summary>
public sealed record ExpectationRecord(string Reason, string Reference, string Expires);

/// <summary>The shrunk counterexample: scenario, finding, trace, and how to replay it.</summary>
public sealed record EvidenceRecord(
    string Scenario,
    FindingRecord Finding,
    IReadOnlyList<CallRecord> Boot,
    IReadOnlyList<StepRecord> Steps,
    string Replay,
    string ReplayCommand,
    int TestsRun,
    int Shrinks);

/// <summary>What the rule saw: a sentence, and the step, call and field it points at.</summary>
public sealed record FindingRecord(string Text, int Step, int? Call, string? Field, string? Expected, string? Actual);

/// <summary>One step of the trace: its calls and how it ended.</summary>
public sealed record StepRecord(string Step, IReadOnlyList<CallRecord> Calls, string Outcome, int? ReturnValue, IReadOnlyList<string>? Message);

/// <summary>One conduit call: what the target issued (x0–x17) and what the secure world answered (null: stopped there).</summary>
public sealed record CallRecord(string Conduit, string Issued, IReadOnlyList<string> X, string? Answered, IReadOnlyList<string>? Answer);
