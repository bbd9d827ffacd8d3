using FfaConformance.Abi;

namespace FfaConformance.Adapters.Qemu;

/// <summary>What the loop needs to know of a guest: its conduit instructions, where a command returns, where faults stop.</summary>
internal sealed record GuestLayout(ElfFile Elf, IReadOnlyDictionary<ulong, ConduitKind> Conduits, ulong Return, IReadOnlySet<ulong> FaultStops)
{
    public IEnumerable<ulong> Breakpoints => Conduits.Keys.Append(Return).Concat(FaultStops);
}
