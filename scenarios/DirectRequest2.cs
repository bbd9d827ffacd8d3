using FfaConformance.Abi;

namespace FfaConformance.Scenarios;

/// <summary>One call of the transport's FFA_MSG_SEND_DIRECT_REQ2 entry: destination, service UUID and the fourteen-word message.</summary>
public sealed record DirectRequest2(ushort Destination, ServiceUuid Uuid, DirectMessage2 Message)
{
    public override string ToString() => $"REQ2 to 0x{Destination:X4}, {Uuid}, message {Message}";
}
