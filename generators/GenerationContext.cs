using FfaConformance.Abi;
using FfaConformance.Scenarios;

namespace FfaConformance.Generators;

/// <summary>What generation depends on besides the profile: the partitions hosted and the negotiated version.</summary>
public sealed record GenerationContext(PartitionTable Partitions, FfaVersion Version);
