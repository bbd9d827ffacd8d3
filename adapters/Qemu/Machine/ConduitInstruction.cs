using FfaConformance.Abi;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>What an AArch64 instruction word is to the harness: a conduit call to trap, or not. Every image in QEMU is scanned with it.</summary>
public static class ConduitInstruction
{
    /// <summary>SMC #imm is 0xD4000003 with imm16 in bits[20:5]; HVC #imm is 0xD4000002.</summary>
    public static ConduitKind? KindOf(uint word) => (word & 0xFFE0_001F) switch
    {
        0xD400_0003 => ConduitKind.Smc,
        0xD400_0002 => ConduitKind.Hvc,
        _ => null,
    };
}
