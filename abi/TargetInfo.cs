namespace FfaConformance.Abi;

/// <summary>w1 of FFA_INTERRUPT, FFA_YIELD and FFA_RUN: bits[31:16] endpoint ID, bits[15:0] vCPU ID.</summary>
public readonly record struct TargetInfo(ushort Endpoint, ushort VCpu)
{
    public uint Packed => ((uint)Endpoint << 16) | VCpu;

    public static TargetInfo Unpack(ulong x1) => new((ushort)(x1 >> 16), (ushort)x1);

    public override string ToString() => $"endpoint 0x{Endpoint:X4}, vCPU {VCpu}";
}
