using FfaConformance.Abi;

namespace FfaConformance.Adapters.Emulator;

/// <summary>The caller's REQ2 message, in and out (a pointer to struct ffa_send_direct_data2 in C).</summary>
public sealed class MessageBuffer2(DirectMessage2 value)
{
    public DirectMessage2 Value { get; set; } = value;
}
