using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Machine;

namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>
/// A built firmware image and the addresses the harness works with: every conduit instruction (found by
/// scanning the executable sections, so none escapes; those of the runtime region also at their virtual
/// addresses), fw_wait, fw_reset, fw_fault_park, the mailbox, the fault record, and the runtime region's
/// virtual map with fw_virtual_map, where the firmware finds it (c/firmware/firmware.h).
/// </summary>
public sealed record FirmwareImage(
    ElfFile Elf, IReadOnlyDictionary<ulong, ConduitKind> Conduits, ulong Wait, ulong Reset, ulong FaultPark, ulong Mailbox, ulong FaultRecord, VirtualMap Virtual, ulong VirtualMapTable)
{
    /// <summary>fw_conduit_issue: just before the conduit's SMC, where a real secure world's call is seen (c/firmware/conduit.S).</summary>
    public ulong Issue { get; init; }

    /// <summary>fw_conduit_answered: just after it, where the real answer is.</summary>
    public ulong Answered { get; init; }

    /// <summary>fw_rxtx: the TX and RX pages the probe of a real secure world maps.</summary>
    public ulong RxTx { get; init; }

    public static FirmwareImage Read(string path)
    {
        var elf = ElfFile.Read(path);
        var virtualMap = VirtualMap.Of(elf, [(elf.Require("__efi_runtime_start"), elf.Require("__efi_runtime_end"))]);
        if (virtualMap.Relocations.Count > Wire.MaxRelocations)
        {
            throw new InvalidDataException($"{path} has {virtualMap.Relocations.Count} absolute addresses in its runtime region; the firmware relocates at most {Wire.MaxRelocations}");
        }

        var conduits = elf.ExecutableWords()
            .Select(w => (w.Address, Kind: ConduitInstruction.KindOf(w.Word)))
            .Where(w => w.Kind is not null)
            .ToDictionary(w => w.Address, w => w.Kind!.Value);
        return new FirmwareImage(elf, virtualMap.WithAliases(conduits), elf.Require("fw_wait"), elf.Require("fw_reset"), elf.Require("fw_fault_park"),
            elf.Require("fw_mailbox"), elf.Require("fw_fault_record"), virtualMap, elf.Require("fw_virtual_map"))
        {
            Issue = elf.Require("fw_conduit_issue"),
            Answered = elf.Require("fw_conduit_answered"),
            RxTx = elf.Require("__fw_rxtx"),
        };
    }
}
