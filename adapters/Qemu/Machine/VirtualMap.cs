using System.Buffers.Binary;
using FfaConformance.Abi;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// SetVirtualAddressMap as the harness plays the OS: the runtime region (its sections, page by page) is mapped
/// only at <see cref="Offset"/> above its physical addresses, through TTBR1, high in the address space as an OS
/// kernel's addresses are; and every word of the region that the image's relocations name is given its new
/// value, as U-Boot's efi_runtime_relocate() does: a word pointing into the region moves with it, one pointing
/// outside keeps its value (U-Boot skips it as out of range). A pointer no relocation names — computed or
/// stored at run time — keeps its physical value, and using it after the switch faults.
/// </summary>
public sealed class VirtualMap
{
    public const ulong Offset = Wire.VirtualOffset;

    private readonly IReadOnlyList<(ulong Start, ulong End)> region;

    private VirtualMap(IReadOnlyList<(ulong Start, ulong End)> region, IReadOnlyList<Relocation> relocations)
    {
        this.region = region;
        Relocations = relocations;
    }

    /// <summary>The words relocated, each with its value as linked and after the switch.</summary>
    public IReadOnlyList<Relocation> Relocations { get; }

    /// <summary>The map of <paramref name="elf"/>'s runtime region, from its relocations.</summary>
    public static VirtualMap Of(ElfFile elf, IEnumerable<(ulong Start, ulong End)> region)
    {
        var ranges = region.ToArray();
        bool Inside(ulong address) => ranges.Any(r => address >= r.Start && address < r.End);
        var relocations = elf.AbsoluteWords()
            .Where(w => Inside(w.Address))
            .DistinctBy(w => w.Address)
            .OrderBy(w => w.Address)
            .Select(w => new Relocation(w.Address, w.Value, Inside(w.Value) ? w.Value + Offset : w.Value))
            .ToArray();
        return new VirtualMap(ranges, relocations);
    }

    /// <summary>Whether <paramref name="address"/> is a physical address of the runtime region.</summary>
    public bool Holds(ulong address) => region.Any(r => address >= r.Start && address < r.End);

    /// <summary>The physical address behind an address of the TTBR1 half, or null for any other address.</summary>
    public static ulong? Physical(ulong address) => address >= Offset + QemuMachine.RamStart ? address - Offset : null;

    /// <summary>Conduit instructions of the region also at their virtual addresses, where code runs after the switch.</summary>
    public IReadOnlyDictionary<ulong, ConduitKind> WithAliases(IReadOnlyDictionary<ulong, ConduitKind> conduits) =>
        conduits.Concat(conduits.Where(c => Holds(c.Key)).Select(c => KeyValuePair.Create(c.Key + Offset, c.Value)))
            .ToDictionary(c => c.Key, c => c.Value);

    /// <summary>Our firmware's fw_virtual_map (c/firmware/firmware.h), filled in.</summary>
    public byte[] Table()
    {
        var table = new byte[Wire.VirtualMapRelocations + (Wire.RelocationSize * Relocations.Count)];
        BinaryPrimitives.WriteUInt64LittleEndian(table, (ulong)Relocations.Count);
        for (var i = 0; i < Relocations.Count; i++)
        {
            var entry = table.AsSpan(Wire.VirtualMapRelocations + (Wire.RelocationSize * i));
            BinaryPrimitives.WriteUInt64LittleEndian(entry, Relocations[i].Address);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], Relocations[i].Linked);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[16..], Relocations[i].Virtual);
        }

        return table;
    }

    /// <summary>A word of the runtime region that holds an absolute address.</summary>
    public sealed record Relocation(ulong Address, ulong Linked, ulong Virtual);
}
