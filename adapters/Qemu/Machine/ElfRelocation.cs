using System.Buffers.Binary;
using System.Security.Cryptography;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// Moves a firmware ELF linked below RAM into RAM the way the firmware would move itself: U-Boot for arm64
/// (qemu_arm64_defconfig links at 0) is linked with -pie and, in relocate_code, adds its load offset to every
/// R_AARCH64_RELATIVE word of .rela.dyn. The copy written here has that done, and its headers, sections and
/// symbols moved by the same offset, so the adapter reads and loads it like an ELF linked in RAM. Its line
/// tables still hold link addresses: <see cref="Bias"/> maps back.
/// </summary>
public sealed record ElfRelocation(string Path, ulong Bias, int Relocations)
{
    private const ulong RAarch64None = 0;
    private const ulong RAarch64Relative = 1027;
    private const ulong TwoMib = 2UL << 20;

    /// <summary>
    /// The relocated copy of <paramref name="elf"/>, cached in <paramref name="buildRoot"/>; <see cref="InvalidDataException"/>
    /// (naming <paramref name="key"/>) when it has no relocations, or relocations other than R_AARCH64_RELATIVE.
    /// </summary>
    public static ElfRelocation IntoRam(ElfFile elf, string buildRoot, string key)
    {
        var relas = elf.Sections.Where(s => s.IsRela && s.Loaded).ToArray();
        if (relas.Length == 0)
        {
            throw new InvalidDataException(
                $"{key} = {elf.Path} is linked below 0x{QemuMachine.RamStart:X}, outside QEMU virt's RAM, and carries no relocations to move it; " +
                "link it with -pie (U-Boot arm64 does) or into RAM (for U-Boot, CONFIG_TEXT_BASE)");
        }

        var lowest = elf.Allocated.Min(s => s.Address);
        var bias = QemuMachine.RamStart - (lowest & ~(TwoMib - 1));
        var image = File.ReadAllBytes(elf.Path);
        var applied = 0;
        foreach (var rela in relas)
        {
            for (var at = 0; at + 24 <= (int)rela.Size; at += 24)
            {
                var entry = image.AsSpan(rela.Offset + at, 24);
                var offset = BinaryPrimitives.ReadUInt64LittleEndian(entry);
                var type = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]) & 0xFFFF_FFFF;
                var addend = BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]);
                if (type == RAarch64None)
                {
                    continue;
                }

                if (type != RAarch64Relative)
                {
                    throw new InvalidDataException(
                        $"{key} = {elf.Path} has a relocation of type {type} at 0x{offset:X} in {rela.Name}; the adapter applies only R_AARCH64_RELATIVE ({RAarch64Relative}), as U-Boot's relocate_code does");
                }

                var section = elf.Allocated.FirstOrDefault(s => offset >= s.Address && offset + 8 <= s.End && s.HasContents)
                    ?? throw new InvalidDataException($"{key} = {elf.Path} has a relocation at 0x{offset:X} outside every loaded section");
                BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(section.Offset + (int)(offset - section.Address)), addend + bias);
                BinaryPrimitives.WriteUInt64LittleEndian(entry, offset + bias);
                applied++;
            }
        }

        Move(image, elf, bias);
        var hash = Convert.ToHexStringLower(SHA256.HashData(image))[..16];
        var folder = CBuild.Cached(buildRoot, "elf-relocated", hash, System.IO.Path.GetFileName(elf.Path), work =>
            File.WriteAllBytes(System.IO.Path.Combine(work, System.IO.Path.GetFileName(elf.Path)), image));
        return new ElfRelocation(System.IO.Path.Combine(folder, System.IO.Path.GetFileName(elf.Path)), bias, applied);
    }

    /// <summary>Entry, program headers, allocated sections and their symbols, all by <paramref name="bias"/>; an executable, as it is once moved.</summary>
    private static void Move(byte[] image, ElfFile elf, ulong bias)
    {
        var header = image.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(header[16..], 2);   // ET_EXEC
        Add(header[24..], bias);
        var programs = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
        var programSize = BinaryPrimitives.ReadUInt16LittleEndian(header[54..]);
        var programCount = BinaryPrimitives.ReadUInt16LittleEndian(header[56..]);
        for (var i = 0; i < programCount; i++)
        {
            var program = image.AsSpan(programs + (i * programSize), programSize);
            Add(program[16..], bias);
            Add(program[24..], bias);
        }

        var sections = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[40..]);
        var sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(header[58..]);
        foreach (var section in elf.Sections.Where(s => s.Loaded))
        {
            Add(image.AsSpan(sections + (section.Index * sectionSize) + 16), bias);
        }

        var allocated = elf.Sections.Where(s => s.Loaded).Select(s => s.Index).ToHashSet();
        foreach (var table in elf.Sections.Where(s => s.IsSymbolTable))
        {
            for (var at = 0; at + 24 <= (int)table.Size; at += 24)
            {
                var symbol = image.AsSpan(table.Offset + at, 24);
                if (allocated.Contains(BinaryPrimitives.ReadUInt16LittleEndian(symbol[6..])))
                {
                    Add(symbol[8..], bias);
                }
            }
        }
    }

    private static void Add(Span<byte> word, ulong bias) =>
        BinaryPrimitives.WriteUInt64LittleEndian(word, BinaryPrimitives.ReadUInt64LittleEndian(word) + bias);
}
