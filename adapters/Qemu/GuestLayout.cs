using FfaConformance.Abi;

namespace FfaConformance.Adapters.Qemu;

/// <summary>
/// What the loop needs to know of a guest: its conduit instructions, where a command returns, where faults stop,
/// and where its RAM ends (an access to RAM is what a residency violation is).
/// </summary>
internal sealed record GuestLayout(ElfFile Elf, IReadOnlyDictionary<ulong, ConduitKind> Conduits, ulong Return, IReadOnlySet<ulong> FaultStops, ulong RamEnd)
{
    public IEnumerable<ulong> Breakpoints => Conduits.Keys.Append(Return).Concat(FaultStops);
}
