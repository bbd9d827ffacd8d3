using FfaConformance.Abi;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// The loop both QEMU targets share: resume the guest with the given registers (after the given memory
/// writes, pipelined), answer every trapped conduit call from the case session — or, under a real secure world,
/// record each call with the answer it got — and report how the run ended.
/// </summary>
internal static class GuestLoop
{
    public static readonly TimeSpan PacketTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Starts QEMU halted, with a <see cref="GuestTrap"/> at each of the layout's stops.</summary>
    public static QemuMachine Start(QemuTools tools, string kernel, GuestLayout layout, int memoryMib = QemuMachine.DefaultMemoryMib, IReadOnlyList<string>? loaders = null) =>
        Trapped(QemuMachine.Start(tools, kernel, memoryMib, loaders), layout);

    /// <summary>Puts a <see cref="GuestTrap"/> at each of the layout's stops in a machine started halted.</summary>
    public static QemuMachine Trapped(QemuMachine machine, GuestLayout layout)
    {
        try
        {
            // A virtual alias runs the same word as its physical address: one trap, a watchpoint at each.
            foreach (var site in layout.Stops.Select(a => VirtualMap.Physical(a) ?? a).Distinct())
            {
                GuestTrap.Place(machine.Gdb, site, virtualAddress: false, PacketTimeout);
            }

            foreach (var address in layout.Stops.Distinct())
            {
                GuestTrap.Watch(machine.Gdb, address, PacketTimeout);
            }
        }
        catch
        {
            machine.Dispose();
            throw;
        }

        return machine;
    }

    public static LoopEnd Resume(
        QemuMachine machine,
        IReadOnlyList<string> writes,
        ulong[] registers,
        GuestLayout layout,
        CaseSession session,
        TimeSpan hangTimeout,
        Action<ulong[]> trapped)
    {
        var gdb = machine.Gdb;
        RegisterSet? issued = null;
        var pending = ConduitKind.Smc;
        try
        {
            foreach (var write in writes)
            {
                gdb.Send(write);
            }

            gdb.Send(GdbRemote.WriteRegistersPacket(registers));
            gdb.Send("c");
            for (var i = 0; i <= writes.Count; i++)
            {
                GdbRemote.Expect(gdb.Receive(PacketTimeout) ?? string.Empty, "a write before resuming");
            }

            while (true)
            {
                var stop = gdb.Receive(hangTimeout);
                if (stop is null)
                {
                    gdb.Interrupt();
                    var where = gdb.Receive(PacketTimeout) is not null ? layout.Code(gdb.ReadRegisters(PacketTimeout)[GdbRemote.Pc]) : "an unknown place";
                    return new Lost(new Stopped(StopReason.Hung,
                        $"the guest neither trapped a conduit call nor returned within {hangTimeout.TotalMilliseconds:0} ms; interrupted at {where}{machine.ConsoleTails()}"));
                }

                if (stop[0] is 'W' or 'X')
                {
                    return new Lost(new Stopped(StopReason.Crashed, machine.Death() + machine.ConsoleTails()));
                }

                var now = gdb.ReadRegisters(PacketTimeout);
                var pc = now[GdbRemote.Pc];
                if (layout.Conduits.TryGetValue(pc, out var conduit))
                {
                    trapped(now);
                    var reply = session.Call(conduit, RegisterSet.From(now.AsSpan(0, RegisterSet.Count)));
                    if (reply.Stop is { } order)
                    {
                        return new Ordered(order, now);
                    }

                    reply.Answer!.AsSpan().CopyTo(now);
                    Step(gdb, now, pc);
                }
                else if (layout.Issues.TryGetValue(pc, out var kind))
                {
                    trapped(now);
                    issued = RegisterSet.From(now.AsSpan(0, RegisterSet.Count));
                    Step(gdb, now, pc);
                    pending = kind;
                }
                else if (layout.Answers.Contains(pc) && issued is { } request)
                {
                    var reply = session.Observe(pending, request, RegisterSet.From(now.AsSpan(0, RegisterSet.Count)));
                    issued = null;
                    if (reply.Stop is { } order)
                    {
                        return new Ordered(order, now);
                    }

                    Step(gdb, now, pc);
                }
                else if (pc == layout.Return)
                {
                    return new ReachedReturn(now);
                }
                else if (layout.FaultStops.Contains(pc))
                {
                    return new HitFault(pc);
                }
                else
                {
                    return new Lost(new Stopped(StopReason.Crashed, $"the guest stopped at {layout.Code(pc)}, which the harness did not expect ({stop}){machine.ConsoleTails()}"));
                }
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or System.Net.Sockets.SocketException or InvalidDataException)
        {
            return new Lost(new Stopped(StopReason.Crashed, (machine.HasExited ? machine.Death() : e.Message) + machine.ConsoleTails()));
        }
    }

    /// <summary>Resumes the guest after the trap at <paramref name="pc"/> with <paramref name="registers"/>.</summary>
    private static void Step(GdbRemote gdb, ulong[] registers, ulong pc)
    {
        registers[GdbRemote.Pc] = pc + 4;
        gdb.Send(GdbRemote.WriteRegistersPacket(registers));
        gdb.Send("c");
        GdbRemote.Expect(gdb.Receive(PacketTimeout) ?? string.Empty, "the answer");
    }
}
