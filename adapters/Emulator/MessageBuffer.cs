using FfaConformance.Abi;

namespace FfaConformance.Adapters.Emulator;

/// <summary>The caller's message, in and out (a pointer to struct ffa_send_direct_data in C).</summary>
public sealed class MessageBuffer(DirectMessage value)
{
    public DirectMessage Value { get; set; } = value;
}
