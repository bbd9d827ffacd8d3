namespace FfaConformance.Abi;

/// <summary>
/// An SMCCC function ID (w0 of a call). Bit 31 fast call, bit 30 convention, bits[29:24] owning entity,
/// bits[15:0] function number. FF-A lives under owner 4, Standard Secure Service.
/// </summary>
public readonly record struct FunctionId(uint Value)
{
    private const uint FastCallBit = 0x8000_0000;
    private const uint Smc64Bit = 0x4000_0000;
    public const int StandardSecureOwner = 4;

    public bool IsFastCall => (Value & FastCallBit) != 0;

    public Convention Convention => (Value & Smc64Bit) != 0 ? Convention.Smc64 : Convention.Smc32;

    public int OwningEntity => (int)((Value >> 24) & 0x3F);

    public ushort Number => (ushort)Value;

    public static FunctionId StandardSecure(ushort number, Convention convention) =>
        new(FastCallBit | (convention == Convention.Smc64 ? Smc64Bit : 0) | ((uint)StandardSecureOwner << 24) | number);

    public override string ToString() => $"0x{Value:X8}";
}
