using System.Buffers.Binary;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// How the harness stops a guest at an instruction — a conduit call it answers, or a place of its own where it
/// takes the guest over — without a breakpoint: QEMU 7.2's gdbstub throws away every translated block at each
/// breakpoint or single-step stop (gdb_vm_state_change calls tb_flush; a watchpoint stop skips it), after which the
/// guest translates all the code it runs again. The instruction is replaced with <see cref="Word"/>, a load of its
/// own word, and a read watchpoint on that word stops the guest as the load is about to read it: QEMU's Arm CPUs
/// report a gdbstub watchpoint before the access (target/arm/cpu.c sets gdb_stop_before_watchpoint), so the stop
/// is at the trap's own address, with every register as the guest left it, as at a breakpoint. The load never runs
/// while the harness watches — it answers a conduit call by resuming after the trap and moves the guest elsewhere
/// from its own places — and would change nothing if it did: its destination is the zero register.
/// </summary>
public static class GuestTrap
{
    /// <summary>ldr wzr, . (LDR literal, 32-bit, offset 0, Rt 31).</summary>
    public const uint Word = 0x1800_001F;

    /// <summary>
    /// Puts a trap at <paramref name="site"/>, which the harness must not have a breakpoint on.
    /// <paramref name="virtualAddress"/>: the site is a virtual address of the running guest (a kernel's text),
    /// written through its translation; otherwise a physical one.
    /// </summary>
    public static void Place(GdbRemote gdb, ulong site, bool virtualAddress, TimeSpan timeout)
    {
        var word = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(word, Word);
        if (virtualAddress)
        {
            GdbRemote.Expect(gdb.Command("Qqemu.PhyMemMode:0", timeout), "virtual memory mode");
        }

        gdb.WriteMemory(site, word, timeout);
        if (virtualAddress)
        {
            GdbRemote.Expect(gdb.Command("Qqemu.PhyMemMode:1", timeout), "physical memory mode");
        }
    }

    /// <summary>Stops the guest at the trap it runs at <paramref name="address"/>, a virtual address (an alias of a trap's site, or the site itself).</summary>
    public static void Watch(GdbRemote gdb, ulong address, TimeSpan timeout) =>
        GdbRemote.Expect(gdb.Command($"Z3,{address:x},4", timeout), $"a read watchpoint at 0x{address:X}");
}
