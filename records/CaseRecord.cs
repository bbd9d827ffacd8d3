using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Records;

/// <summary>One case: its scenario, what the rule found (null: it passed) and what kind of failure that is, and its trace.</summary>
public sealed record CaseRecord(string Scenario, FailureKind Kind, FindingRecord? Finding, IReadOnlyList<CallRecord> Boot, IReadOnlyList<StepRecord> Steps);
