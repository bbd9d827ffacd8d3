using FfaConformance.Abi;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// What the loop needs to know of a guest: its conduit instructions (with their virtual aliases), where a command
/// returns, where faults stop, where its RAM ends (an access to RAM is what a residency violation is), and its
/// runtime region's virtual map, when it has one. Under a real secure world the conduit runs: the harness stops the
/// guest just before it (<see cref="Issues"/>) and just after it (<see cref="Answers"/>) instead, and records the call.
/// </summary>
internal sealed record GuestLayout(ElfFile Elf, IReadOnlyDictionary<ulong, ConduitKind> Conduits, ulong Return, IReadOnlySet<ulong> FaultStops, ulong RamEnd, VirtualMap? Virtual = null)
{
    /// <summary>Where a conduit call a real secure world answers is about to be made, with its kind.</summary>
    public IReadOnlyDictionary<ulong, ConduitKind> Issues { get; init; } = new Dictionary<ulong, ConduitKind>();

    /// <summary>Where the real answer to that call is in x0–x17.</summary>
    public IReadOnlySet<ulong> Answers { get; init; } = new HashSet<ulong>();

    /// <summary>Where the harness stops the guest, each with a <see cref="GuestTrap"/>: the conduits (or the places around a real one), the return and the fault stops.</summary>
    public IEnumerable<ulong> Stops => Conduits.Keys.Concat(Issues.Keys).Concat(Answers).Append(Return).Concat(FaultStops);

    /// <summary>An instruction's place as <see cref="ElfFile.DescribeCode"/> names it, also when it ran at its virtual address.</summary>
    public string Code(ulong address) => VirtualMap.Physical(address) is { } physical
        ? $"{Elf.DescribeCode(physical)}, at its virtual address 0x{address:X}"
        : Elf.DescribeCode(address);

    /// <summary>A data address as <see cref="ElfFile.Describe"/> names it, also an address of the TTBR1 half.</summary>
    public string Data(ulong address) => VirtualMap.Physical(address) is { } physical
        ? $"0x{address:X}, the virtual address of {Elf.Describe(physical)}"
        : Elf.Describe(address);
}
