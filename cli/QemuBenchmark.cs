using System.Diagnostics;
using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Cli;

/// <summary>
/// The QEMU adapter's ceiling, measured in the same run as the adapter: a firmware that only issues SMCs
/// (c/bench/pingpong.S), driven by the same protocol steps the guest loop takes per trapped call — stop
/// reply, read registers, write the answer, continue — with no secure world and no rules. And the start-up
/// of a QEMU per fixture.
/// </summary>
internal static class QemuBenchmark
{
    private static readonly TimeSpan PacketTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Trapped calls per second of the ping-pong firmware.</summary>
    public static double PingPong(QemuTools tools, string image, TimeSpan duration)
    {
        var elf = ElfFile.Read(image);
        var smc = elf.ExecutableWords().First(w => ConduitInstruction.KindOf(w.Word) is not null).Address;
        using var machine = QemuMachine.Start(tools, image);
        var gdb = machine.Gdb;
        GuestTrap.Place(gdb, smc, virtualAddress: false, PacketTimeout);
        GuestTrap.Watch(gdb, smc, PacketTimeout);
        gdb.Send("c");
        Trap(gdb, TimeSpan.FromSeconds(1));
        var (calls, elapsed) = Trap(gdb, duration);
        gdb.Interrupt();
        return calls / elapsed.TotalSeconds;
    }

    /// <summary>Median spawn-to-gdbstub time over <paramref name="count"/> starts.</summary>
    public static TimeSpan Startup(QemuTools tools, string image, int count)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < count; i++)
        {
            using var machine = QemuMachine.Start(tools, image);
            times.Add(machine.Startup);
        }

        times.Sort();
        return times[count / 2];
    }

    private static (long Calls, TimeSpan Elapsed) Trap(GdbRemote gdb, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed < duration)
        {
            if (gdb.Receive(PacketTimeout) is null)
            {
                throw new InvalidOperationException("the ping-pong firmware stopped trapping");
            }

            var registers = gdb.ReadRegisters(PacketTimeout);
            registers[0] = FfaFunctions.Success.Id(Convention.Smc32).Value;
            registers[GdbRemote.Pc] += 4;
            gdb.Send(GdbRemote.WriteRegistersPacket(registers));
            gdb.Send("c");
            GdbRemote.Expect(gdb.Receive(PacketTimeout) ?? string.Empty, "the answer");
            calls++;
        }

        return (calls, clock.Elapsed);
    }
}
