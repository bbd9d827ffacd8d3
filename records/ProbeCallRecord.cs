namespace FfaConformance.Records;

/// <summary>A call the harness made to a real secure world on its own, with what it asked in words.</summary>
public sealed record ProbeCallRecord(string Asked, CallRecord Call);
