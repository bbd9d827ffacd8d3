namespace FfaConformance.Scenarios;

/// <summary>What the secure world tells the transport at boot: its own endpoint ID (FFA_ID_GET w2[15:0]).</summary>
public sealed record BootState(ushort EndpointId)
{
    public override string ToString() => $"endpoint ID 0x{EndpointId:X4}";
}
