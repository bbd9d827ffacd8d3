using FfaConformance.Abi;
using FfaConformance.Scenarios;

namespace FfaConformance.Generators;

/// <summary>
/// What generation depends on besides the profile: the partitions hosted, the negotiated version, and whether
/// the target has a boot-time entry (a transport without one is never sent a boot-time request).
/// </summary>
public sealed record GenerationContext(PartitionTable Partitions, FfaVersion Version, bool BootEntry = true);
