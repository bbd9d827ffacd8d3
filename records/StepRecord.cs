namespace FfaConformance.Records;

/// <summary>One step of the trace: its calls and how it ended.</summary>
public sealed record StepRecord(string Step, IReadOnlyList<CallRecord> Calls, string Outcome, long? ReturnValue, IReadOnlyList<string>? Message);
