using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
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
    /// <summary>
    /// Why the target cannot take <paramref name="scenario"/> (a case generated for another target, or kept before the
    /// target changed), or null when it can: generation never makes such a case, so it is no verdict on the target.
    /// </summary>
    public string? Refuses(Scenario scenario)
    {
        if (FixedEndpointId is { } fixedId && scenario.Boot.EndpointId != fixedId)
        {
            return $"it boots with endpoint ID 0x{scenario.Boot.EndpointId:X4}, and the target keeps 0x{fixedId:X4}";
        }

        foreach (var step in scenario.Steps)
        {
            var why = step switch
            {
                SendStep { Request.Convention: Convention.Smc32 } when !Smc32Request => "it asks for an SMC32 request, and the target's entry takes no width",
                SendStep { Entry: Entry.BootTime } when !BootEntry => "it sends through a boot-time entry the target does not have",
                SendStep send when !AnyDestination && !Partitions.Contains(send.Request.Destination) => $"it sends to 0x{send.Request.Destination:X4}, which the target cannot address",
                Send2Step when !DirectRequest2 => "it sends an FFA_MSG_SEND_DIRECT_REQ2, and the target has no such entry",
                _ => null,
            };
            if (why is not null)
            {
                return why;
            }
        }

        return null;
    }

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
