using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Adapters.Contract;

/// <summary>
/// A target whose own driver probed the secure world once, when it started (Linux's arm_ffa), instead of being
/// handed boot data before each case: every case's trace shows those calls as they were made, and no
/// discovery is made up on the driver's behalf.
/// </summary>
public interface IProbedTarget : ITarget
{
    /// <summary>The calls the driver made at its probe, each with the secure world's answer.</summary>
    IReadOnlyList<ConduitCall> Probe { get; }

    /// <summary>What the probe established: the endpoint ID the driver was given and the version it negotiated.</summary>
    BootData Probed { get; }
}
