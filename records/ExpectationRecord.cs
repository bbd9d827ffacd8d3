using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Records;

/// <summary>An entry of the target's expectations file.</summary>
public sealed record ExpectationRecord(FailureKind Failure, string? Text, string Reason, string Reference, string Expires);
