using FfaConformance.Abi;

namespace FfaConformance.Adapters.Qemu;

/// <summary>
/// A built firmware image and the addresses the harness works with: every conduit instruction (found by
/// scanning the executable sections, so none escapes), fw_wait, fw_reset, fw_fault_park, the mailbox and the
/// fault record (c/firmware/firmware.h).
/// </summary>
public sealed record Firmware(ElfFile Elf, IReadOnlyDictionary<ulong, ConduitKind> Conduits, ulong Wait, ulong Reset, ulong FaultPark, ulong Mailbox, ulong FaultRecord)
{
    public static Firmware Read(string path)
    {
        var elf = ElfFile.Read(path);
        var conduits = elf.ExecutableWords()
            .Select(w => (w.Address, Kind: IsConduit(w.Word)))
            .Where(w => w.Kind is not null)
            .ToDictionary(w => w.Address, w => w.Kind!.Value);
        return new Firmware(elf, conduits, elf.Require("fw_wait"), elf.Require("fw_reset"), elf.Require("fw_fault_park"),
            elf.Require("fw_mailbox"), elf.Require("fw_fault_record"));
    }

    /// <summary>SMC #imm is 0xD4000003 with imm16 in bits[20:5]; HVC #imm is 0xD4000002.</summary>
    public static ConduitKind? IsConduit(uint word) => (word & 0xFFE0_001F) switch
    {
        0xD400_0003 => ConduitKind.Smc,
        0xD400_0002 => ConduitKind.Hvc,
        _ => null,
    };
}
