using System.Buffers.Binary;
using System.Text;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// The parts of a little-endian ELF64 image the QEMU adapter needs: sections (to scan executable ones for
/// conduit instructions and to name addresses) and the symbol table (traps, mailboxes, symbolisation).
/// </summary>
public sealed class ElfFile
{
    private const uint ShfAlloc = 0x2;
    private const uint ShfExecInstr = 0x4;
    private const uint ShtSymtab = 2;
    private const uint ShtNobits = 8;

    private readonly byte[] image;
    private readonly Dictionary<string, ulong> symbols = new(StringComparer.Ordinal);
    private readonly List<(ulong Address, ulong Size, string Name)> sized = [];
    private readonly List<(ulong Address, ulong Size, string Name)> objects = [];
    private SourceLines? lines;
    private string linesFrom = string.Empty;

    private ElfFile(string path, byte[] image)
    {
        Path = path;
        this.image = image;
        var header = image.AsSpan();
        if (image.Length < 64 || image[0] != 0x7F || image[1] != 'E' || image[2] != 'L' || image[3] != 'F' || image[4] != 2 || image[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a little-endian ELF64 file");
        }

        Machine = BinaryPrimitives.ReadUInt16LittleEndian(header[18..]);
        Entry = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
        var sectionOffset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[40..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header[58..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(header[60..]);
        var names = BinaryPrimitives.ReadUInt16LittleEndian(header[62..]);
        var raw = Enumerable.Range(0, count).Select(i => image.AsSpan(sectionOffset + (i * entrySize), entrySize).ToArray()).ToArray();
        var nameTable = Offset(raw[names]);
        Sections = [.. raw.Select((s, i) => new ElfSection(
            i,
            String(nameTable + (int)BinaryPrimitives.ReadUInt32LittleEndian(s)),
            BinaryPrimitives.ReadUInt32LittleEndian(s.AsSpan(4)),
            (uint)BinaryPrimitives.ReadUInt64LittleEndian(s.AsSpan(8)),
            BinaryPrimitives.ReadUInt64LittleEndian(s.AsSpan(16)),
            Offset(s),
            BinaryPrimitives.ReadUInt64LittleEndian(s.AsSpan(32)),
            (int)BinaryPrimitives.ReadUInt32LittleEndian(s.AsSpan(40)),
            (int)BinaryPrimitives.ReadUInt32LittleEndian(s.AsSpan(44))))];
        foreach (var table in Sections.Where(s => s.Type == ShtSymtab))
        {
            ReadSymbols(table);
        }

        sized.Sort((a, b) => a.Address.CompareTo(b.Address));
    }

    public string Path { get; }

    /// <summary>e_machine; 183 is AArch64.</summary>
    public int Machine { get; }

    public ulong Entry { get; }

    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>
    /// Reads an ELF; <paramref name="lineBias"/> is how far it was moved from the addresses its line tables hold, and
    /// <paramref name="unmoved"/> the ELF as linked, whose sections are where those tables say.
    /// </summary>
    public static ElfFile Read(string path, ulong lineBias = 0, string? unmoved = null) =>
        new(path, File.ReadAllBytes(path)) { LineBias = lineBias, linesFrom = unmoved ?? path };

    /// <summary>How far the image was moved from its link address (<see cref="ElfRelocation"/>); 0 for an image as linked.</summary>
    public ulong LineBias { get; private init; }

    /// <summary>Data objects (STT_OBJECT) that have a size.</summary>
    public IReadOnlyList<(ulong Address, ulong Size, string Name)> Objects => objects;

    /// <summary>Allocated sections, which a loader places in memory.</summary>
    public IEnumerable<ElfSection> Allocated => Sections.Where(s => (s.Flags & ShfAlloc) != 0 && s.Size > 0);

    /// <summary>Whether the image has a symbol table at all (strip removes it).</summary>
    public bool HasSymbolTable => Sections.Any(s => s.Type == ShtSymtab);

    /// <summary>Whether the image carries relocation entries (-pie's dynamic ones, or those --emit-relocs keeps).</summary>
    public bool HasRelocations => Sections.Any(s => s.IsRela && (s.Loaded || Sections[s.Info].Loaded));

    public ulong? Symbol(string name) => symbols.TryGetValue(name, out var address) ? address : null;

    public ulong Require(string name) =>
        Symbol(name) ?? throw new InvalidDataException($"{Path} has no symbol '{name}'");

    /// <summary>Every 4-byte word of the allocated executable sections, with its address.</summary>
    public IEnumerable<(ulong Address, uint Word)> ExecutableWords()
    {
        foreach (var section in Sections.Where(s => (s.Flags & ShfExecInstr) != 0 && (s.Flags & ShfAlloc) != 0 && s.Type != ShtNobits))
        {
            for (ulong at = 0; at + 4 <= section.Size; at += 4)
            {
                yield return (section.Address + at, BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(section.Offset + (int)at)));
            }
        }
    }

    /// <summary>
    /// Every word the image's relocations say holds an absolute address, with the value it holds as loaded: the
    /// R_AARCH64_RELATIVE entries of its dynamic relocations (-pie, as U-Boot links; the addend, moved by
    /// <see cref="LineBias"/>) and the R_AARCH64_ABS64 entries kept by --emit-relocs (the word as linked).
    /// </summary>
    public IEnumerable<(ulong Address, ulong Value)> AbsoluteWords()
    {
        const ulong relative = 1027;
        const ulong abs64 = 257;
        foreach (var rela in Sections.Where(s => s.IsRela))
        {
            // Kept static relocations of debug sections hold offsets into those sections, not addresses.
            if (!rela.Loaded && !Sections[rela.Info].Loaded)
            {
                continue;
            }

            for (var at = 0; at + 24 <= (int)rela.Size; at += 24)
            {
                var entry = image.AsSpan(rela.Offset + at, 24);
                var address = BinaryPrimitives.ReadUInt64LittleEndian(entry);
                var type = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]) & 0xFFFF_FFFF;
                var holder = Allocated.FirstOrDefault(s => s.HasContents && address >= s.Address && address + 8 <= s.End);
                if (type == relative && rela.Loaded)
                {
                    yield return (address, BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]) + LineBias);
                }
                else if (type == abs64 && !rela.Loaded && holder is not null)
                {
                    yield return (address, BinaryPrimitives.ReadUInt64LittleEndian(Contents(holder, address, 8)));
                }
            }
        }
    }

    /// <summary>The bytes a loader puts at <paramref name="address"/> from <paramref name="section"/> (zeros for NOBITS).</summary>
    public byte[] Contents(ElfSection section, ulong address, int length) =>
        section.Type == ShtNobits ? new byte[length] : image.AsSpan(section.Offset + (int)(address - section.Address), length).ToArray();

    /// <summary>"symbol+0x10 in .text" for an address, as precisely as the image allows.</summary>
    public string Describe(ulong address)
    {
        var section = Sections.FirstOrDefault(s => (s.Flags & ShfAlloc) != 0 && address >= s.Address && address < s.Address + s.Size);
        var symbol = sized.LastOrDefault(s => s.Address <= address && (s.Size == 0 ? address == s.Address : address < s.Address + s.Size));
        var where = symbol.Name is null ? $"0x{address:X}" : $"{symbol.Name}+0x{address - symbol.Address:X} (0x{address:X})";
        return section is null ? $"{where}, outside every section" : $"{where} in {section.Name}";
    }

    /// <summary>
    /// <see cref="Describe"/> for an instruction's address, with its file:line when the ELF carries line tables
    /// (.debug_line) and binutils' addr2line for AArch64 is installed.
    /// </summary>
    public string DescribeCode(ulong address)
    {
        var line = Sections.Any(s => s.Name == ".debug_line") && Toolchain.OnPath(SourceLines.Tool) is not null
            ? (lines ??= new SourceLines(linesFrom)).At(address - LineBias)
            : null;
        return line is null ? Describe(address) : $"{Describe(address)}, {line}";
    }

    private void ReadSymbols(ElfSection table)
    {
        var strings = Sections[table.Link];
        for (var at = 0; at + 24 <= (int)table.Size; at += 24)
        {
            var entry = image.AsSpan(table.Offset + at, 24);
            var name = String(strings.Offset + (int)BinaryPrimitives.ReadUInt32LittleEndian(entry));
            var value = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]);
            var size = BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]);
            var type = entry[4] & 0xF;
            if (name.Length == 0 || type is 3 or 4)
            {
                continue;   // section and file symbols
            }

            symbols.TryAdd(name, value);
            sized.Add((value, size, name));
            if (type == 1 && size > 0)
            {
                objects.Add((value, size, name));
            }
        }
    }

    private static int Offset(byte[] section) => (int)BinaryPrimitives.ReadUInt64LittleEndian(section.AsSpan(24));

    private string String(int offset)
    {
        var end = Array.IndexOf(image, (byte)0, offset);
        return Encoding.ASCII.GetString(image, offset, end - offset);
    }
}

/// <summary>One section header.</summary>
public sealed record ElfSection(int Index, string Name, uint Type, uint Flags, ulong Address, int Offset, ulong Size, int Link, int Info)
{
    /// <summary>SHT_RELA: relocation entries with addends (for a static one, <see cref="Info"/> is the section they apply to).</summary>
    public bool IsRela => Type == 4;

    /// <summary>SHF_ALLOC: a loader places it in memory.</summary>
    public bool Loaded => (Flags & 0x2) != 0;

    /// <summary>Its bytes are in the file (not SHT_NOBITS, as .bss is).</summary>
    public bool HasContents => Type != 8;

    /// <summary>SHT_SYMTAB or SHT_DYNSYM.</summary>
    public bool IsSymbolTable => Type is 2 or 11;

    public bool Writable => (Flags & 0x1) != 0;

    public bool Executable => (Flags & 0x4) != 0;

    public ulong End => Address + Size;
}
