using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Generators;

/// <summary>
/// What generation depends on besides the profile: the partitions hosted, the negotiated version, and what the
/// target can take — a boot-time request (<paramref name="BootEntry"/>), a destination the secure world does not
/// host (<paramref name="AnyDestination"/>), an endpoint ID other than the one it keeps (<paramref name="FixedEndpointId"/>),
/// an FFA_MSG_SEND_DIRECT_REQ2 (<paramref name="DirectRequest2"/>), a REQ2 to another service than the destination's own
/// (<paramref name="AnyServiceUuid"/>), an SMC32 request (<paramref name="Smc32Request"/>).
/// </summary>
public sealed record GenerationContext(
    PartitionTable Partitions,
    FfaVersion Version,
    bool BootEntry = true,
    bool AnyDestination = true,
    ushort? FixedEndpointId = null,
    bool DirectRequest2 = true,
    bool AnyServiceUuid = true,
    bool Smc32Request = true)
{
    /// <summary>What a target allows, as generation reads it.</summary>
    public static GenerationContext For(PartitionTable partitions, TargetDescription target) => new(
        partitions,
        target.Version,
        target.Can(TargetCapabilities.BootEntry),
        target.Can(TargetCapabilities.AnyDestination),
        target.FixedEndpointId,
        target.Can(TargetCapabilities.DirectRequest2),
        !target.OwnServiceUuidOnly,
        target.Can(TargetCapabilities.Smc32Request));
}
