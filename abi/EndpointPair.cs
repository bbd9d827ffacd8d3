namespace FfaConformance.Abi;

/// <summary>
/// w1 of FFA_MSG_SEND_DIRECT_REQ/RESP: bits[31:16] sender endpoint ID, bits[15:0] receiver endpoint ID.
/// x1[63:32] is not used and must be zero in a request.
/// </summary>
public readonly record struct EndpointPair(ushort Sender, ushort Receiver)
{
    public uint Packed => ((uint)Sender << 16) | Receiver;

    public static EndpointPair Unpack(ulong x1) => new((ushort)(x1 >> 16), (ushort)x1);

    public override string ToString() => $"sender 0x{Sender:X4}, receiver 0x{Receiver:X4}";
}
