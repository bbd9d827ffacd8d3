using FfaConformance.Abi;

namespace FfaConformance.Scenarios;

/// <summary>
/// One call of the transport's direct-request entry: destination, message (null: a NULL pointer) and the
/// convention the caller asks for.
/// </summary>
public sealed record DirectRequest(ushort Destination, DirectMessage? Message, Convention Convention)
{
    public override string ToString() =>
        $"{(Convention == Convention.Smc64 ? "SMC64" : "SMC32")} to 0x{Destination:X4}, message {(Message is { } m ? m.ToString() : "NULL")}";
}
