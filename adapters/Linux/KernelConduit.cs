using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Machine;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// A Linux guest stopped by QEMU's gdbstub at one of its conduit instructions (<see cref="KernelSites"/>): the FF-A
/// conduit's trap, answering the call in the harness's place, letting QEMU's own PSCI take it, and the SMCCC
/// discovery answers without which the FF-A driver does not start.
/// </summary>
public static class KernelConduit
{
    private const ulong PsciFeatures = 0x8400000A;
    private const ulong SmcccVersion = 0x80000000;
    private const ulong SmcccVersion12 = 0x10002;

    /// <summary>
    /// The harness's answer to SMCCC discovery at <see cref="KernelSites.PsciConduit"/>, or null for a call QEMU's
    /// PSCI takes: QEMU reports SMCCC v1.0, with which the FF-A driver would not start, so v1.2 is reported instead.
    /// </summary>
    public static RegisterSet? Discovery(ulong[] registers) =>
        registers[0] == PsciFeatures && registers[1] == SmcccVersion ? RegisterSet.Of(0)
        : registers[0] == SmcccVersion ? RegisterSet.Of(SmcccVersion12)
        : null;

    /// <summary>
    /// Makes the FF-A conduit a <see cref="GuestTrap"/> in place of its breakpoint, at a stop after the kernel has
    /// its MMU on: the trap is written through the kernel's translation, because its text's physical address is
    /// where QEMU chose to load the Image.
    /// </summary>
    public static void Trap(GdbRemote gdb, KernelSites sites, TimeSpan timeout)
    {
        GdbRemote.Expect(gdb.Command($"z0,{sites.FfaConduit:x},4", timeout), "removing the breakpoint on the FF-A conduit");
        GuestTrap.Place(gdb, sites.FfaConduit, virtualAddress: true, timeout);
        GuestTrap.Watch(gdb, sites.FfaConduit, timeout);
    }

    /// <summary>Returns <paramref name="answer"/> from the conduit instruction the guest is stopped at, and lets it run.</summary>
    public static void Answer(GdbRemote gdb, ulong[] registers, RegisterSet answer, TimeSpan timeout)
    {
        answer.AsSpan().CopyTo(registers);
        registers[GdbRemote.Pc] += 4;
        gdb.Send(GdbRemote.WriteRegistersPacket(registers));
        gdb.Send("c");
        GdbRemote.Expect(gdb.Receive(timeout) ?? string.Empty, "the answer");
    }

    /// <summary>Lets QEMU's own PSCI take a call: off the breakpoint, one step, the breakpoint back, on.</summary>
    public static void PassThrough(GdbRemote gdb, ulong pc, TimeSpan timeout)
    {
        GdbRemote.Expect(gdb.Command($"z0,{pc:x},4", timeout), "removing the breakpoint");
        gdb.Send("s");
        _ = gdb.Receive(timeout) ?? throw new TimeoutException("the single step past a PSCI call did not stop");
        GdbRemote.Expect(gdb.Command($"Z0,{pc:x},4", timeout), "the breakpoint again");
        gdb.Send("c");
    }
}
