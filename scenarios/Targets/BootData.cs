using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Targets;

/// <summary>What the boot-time driver learnt and hands to the runtime transport (U-Boot's struct ffa_priv_runtime).</summary>
public sealed record BootData(ushort EndpointId, FfaVersion Version);
