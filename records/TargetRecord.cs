namespace FfaConformance.Records;

/// <summary>
/// A target: what it is, where its code came from, how long its rules took, and the cases per rule it was checked
/// with (<see cref="MaxTest"/>: its own Targets:&lt;name&gt;:MaxTest, else the run's; absent from records written before
/// it was kept, where the run's applies) and whether a real secure world answered it (<see cref="RealSecureWorld"/>: its
/// cases were judged on the answers recorded; absent from older records), with the calls the harness made to it on its own
/// (<see cref="SecureWorldCalls"/>: the probe and survey two secure worlds are compared by).
/// </summary>
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
    long Cases,
    int? MaxTest = null,
    bool? RealSecureWorld = null,
    IReadOnlyList<ProbeCallRecord>? SecureWorldCalls = null);
