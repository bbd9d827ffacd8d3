namespace FfaConformance.Scenarios.Targets;

/// <summary>
/// Where a target's code comes from and what built and runs it, for reports that must say exactly what was
/// tested: the source as resolved, its SHA-256, the compiler and QEMU versions, and anything else worth a note.
/// <see cref="Inputs"/> is the SHA-256 of what the adapter built or was given and runs — the host program, the
/// firmware image, an ELF with our support code, a kernel with its initramfs — so that a stopped run's results are
/// taken up only by a run of the same code.
/// </summary>
public sealed record Provenance(string Source, string? Sha256 = null, string? Compiler = null, string? Qemu = null, string? Note = null)
{
    public string? Inputs { get; init; }
}
