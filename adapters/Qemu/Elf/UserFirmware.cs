using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Machine;

namespace FfaConformance.Adapters.Qemu.Elf;

/// <summary>
/// A user's firmware ELF as the QEMU ELF adapter uses it: the functions it calls, the runtime sections (mapped
/// after ExitBootServices, and whose data objects are restored before every case), their virtual map when the
/// ELF carries relocations, every conduit instruction (those of the runtime sections also at their virtual addresses),
/// and the scratch memory placed above the image: support code, the caller's message, the notify context, a
/// stack, a zeroed block for U-Boot's global-data register x18, and the page tables.
/// </summary>
internal sealed record UserFirmware(
    ElfFile Elf,
    IReadOnlyDictionary<ulong, ConduitKind> Conduits,
    ulong RuntimeEntry,
    ulong? BootEntry,
    ulong ExitBootServicesNotify,
    IReadOnlyList<ElfSection> RuntimeSections,
    IReadOnlyList<(ulong Address, byte[] Bytes)> ResidentState,
    ulong Scratch,
    ElfRelocation? Moved,
    VirtualMap? Virtual)
{
    private const ulong Page = 4096;

    public ulong Support => Scratch;

    public ulong Message => Scratch + 0x2000;

    public ulong Context => Scratch + 0x2100;

    public ulong Event => Scratch + 0x2200;

    public ulong StackTop => Scratch + 0x7000;

    public ulong GlobalData => Scratch + 0x7000;

    public ulong Tables => Scratch + 0x8000;

    /// <summary>
    /// Other sections that share a 4 KiB page with the runtime sections: the runtime map cannot tell them apart,
    /// so an access to them is not caught (an OS keeps whole pages as well, so they are resident in practice).
    /// </summary>
    public IEnumerable<string> SharingPages =>
        Elf.Allocated.Except(RuntimeSections)
            .Where(s => RuntimeSections.Any(r => s.Address < ((r.End + Page - 1) & ~(Page - 1)) && s.End > (r.Address & ~(Page - 1))))
            .Select(s => s.Name);

    /// <summary>The runtime region: what an OS keeps mapped for runtime services, and relocates for SetVirtualAddressMap.</summary>
    public IReadOnlyList<(ulong Start, ulong End)> Region => [.. RuntimeSections.Select(s => (s.Address, s.End))];

    /// <summary>What the caller brings to a runtime call: the support page, the message page, the stack.</summary>
    public IReadOnlyList<(ulong Start, ulong End)> Caller => [(Support, StackTop)];

    /// <summary>Reads the ELF and resolves every name; errors name the configuration key (<paramref name="keys"/> is "Targets:name:").</summary>
    public static UserFirmware Read(string path, QemuElfOptions options, string keys)
    {
        var elf = ElfFile.Read(path);
        if (elf.Machine != 183)
        {
            throw new InvalidDataException($"{keys}Firmware = {path} is not an AArch64 ELF (e_machine {elf.Machine}, expected 183)");
        }

        if (!elf.HasSymbolTable)
        {
            throw new InvalidDataException(
                $"{keys}Firmware = {path} has no symbol table (it was stripped); name the unstripped ELF the build leaves (for U-Boot, u-boot, not u-boot.bin)");
        }

        // Linked below RAM (U-Boot's qemu_arm64 links at 0): moved into RAM by its own relocations, as it would move itself.
        ElfRelocation? moved = null;
        if (elf.Allocated.Any(s => s.Address < QemuMachine.RamStart))
        {
            moved = ElfRelocation.IntoRam(elf, options.BuildRoot, $"{keys}Firmware");
            elf = ElfFile.Read(moved.Path, lineBias: moved.Bias, unmoved: path);
        }

        ulong Function(string key, string name) => elf.Symbol(name)
            ?? throw new InvalidDataException($"{keys}{key} = '{name}' is not a symbol of {path}; name the function as the ELF's symbol table does (nm)");

        var sections = elf.Allocated.Where(s => options.RuntimeSections.Any(p => Matches(s.Name, p))).ToArray();
        if (sections.Length == 0)
        {
            throw new InvalidDataException(
                $"{keys}RuntimeSections = '{string.Join(",", options.RuntimeSections)}' matches no section of {path}; its sections: {string.Join(", ", elf.Allocated.Select(s => s.Name))}");
        }

        var conduits = elf.ExecutableWords()
            .Select(w => (w.Address, Kind: ConduitInstruction.KindOf(w.Word)))
            .Where(w => w.Kind is not null)
            .ToDictionary(w => w.Address, w => w.Kind!.Value);

        // Without relocations the harness cannot tell which words of the region hold addresses, so it cannot relocate them.
        var virtualMap = elf.HasRelocations ? VirtualMap.Of(elf, sections.Select(s => (s.Address, s.End))) : null;
        var top = elf.Allocated.Max(s => s.End);
        return new UserFirmware(
            elf,
            virtualMap?.WithAliases(conduits) ?? conduits,
            Function("RuntimeEntry", options.RuntimeEntry),
            options.BootEntry is { } boot ? Function("BootEntry", boot) : null,
            Function("ExitBootServicesNotify", options.ExitBootServicesNotify),
            sections,
            [.. sections.Where(s => s.Writable).SelectMany(s => State(elf, s))],
            (top + Page - 1) & ~(Page - 1),
            moved,
            virtualMap);
    }

    /// <summary>A pattern is a section name, or a prefix ending in '*'.</summary>
    private static bool Matches(string name, string pattern) =>
        pattern.EndsWith('*') ? name.StartsWith(pattern[..^1], StringComparison.Ordinal) : name == pattern;

    /// <summary>
    /// The bytes to restore before a case: in a section that also holds code (U-Boot's .efi_runtime), only its
    /// data objects, so QEMU need not retranslate code it just rewrote; otherwise the whole section.
    /// </summary>
    private static IEnumerable<(ulong Address, byte[] Bytes)> State(ElfFile elf, ElfSection section) =>
        section.Executable
            ? elf.Objects.Where(o => o.Address >= section.Address && o.Address + o.Size <= section.End)
                .Select(o => (o.Address, elf.Contents(section, o.Address, (int)o.Size)))
            : [(section.Address, elf.Contents(section, section.Address, (int)section.Size))];
}
