using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Targets;

/// <summary>
/// One transport under test reached through one adapter. <see cref="Version"/> is the FF-A version the
/// transport negotiates; rules use it (U-Boot negotiates v1.0).
/// </summary>
public sealed record TargetDescription(
    string Name,
    string Adapter,
    FfaVersion Version,
    TargetCapabilities Capabilities,
    Provenance Provenance)
{
    public bool Can(TargetCapabilities needed) => (Capabilities & needed) == needed;
}
