namespace FfaConformance.Scenarios.Targets;

/// <summary>
/// Where a target's code comes from and what built and runs it, for reports that must say exactly what was
/// tested: the source as resolved, its SHA-256, the compiler and QEMU versions, and anything else worth a note.
/// </summary>
public sealed record Provenance(string Source, string? Sha256 = null, string? Compiler = null, string? Qemu = null, string? Note = null);
