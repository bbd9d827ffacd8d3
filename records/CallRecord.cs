namespace FfaConformance.Records;

/// <summary>One conduit call: what the target issued (x0–x17) and what the secure world answered (null: stopped there).</summary>
public sealed record CallRecord(string Conduit, string Issued, IReadOnlyList<string> X, string? Answered, IReadOnlyList<string>? Answer);
