using System.Buffers.Binary;
using System.Text;
using FfaConformance.Abi;
using FfaConformance.Adapters.Linux.Companion;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// One booted Linux guest in QEMU, halted by the harness wherever the kernel would reach firmware: the hvc
/// of __arm_smccc_hvc (PSCI and SMCCC discovery at boot: SMCCC v1.2 is reported so that the FF-A driver
/// starts, everything else passes through to QEMU's PSCI), and the hvc of arm_smccc_1_2_hvc, made a
/// <see cref="GuestTrap"/> at the first stop: every FF-A call the driver makes, answered by the managed secure
/// world, and the companion module's own calls, among them the one with which it waits for the next case.
/// </summary>
internal sealed class LinuxGuest : IDisposable
{
    public static readonly TimeSpan PacketTimeout = TimeSpan.FromSeconds(5);

    private readonly QemuMachine machine;
    private readonly KernelSites sites;
    private readonly string console;
    private ulong mailbox;
    private uint devices;
    private ulong[] parked = [];
    private ulong[] booted = [];

    private LinuxGuest(QemuMachine machine, KernelSites sites, string console)
    {
        this.machine = machine;
        this.sites = sites;
        this.console = console;
    }

    public int ProcessId => machine.ProcessId;

    /// <summary>Conduit calls trapped so far.</summary>
    public long TrappedCalls { get; private set; }

    /// <summary>
    /// Boots the guest and runs it until the companion waits for its first case: the driver's probe calls are
    /// answered from <paramref name="probe"/>. <see cref="InvalidOperationException"/> with the console's last
    /// lines when it does not get there within <paramref name="timeout"/>.
    /// </summary>
    public static LinuxGuest Boot(QemuTools tools, LinuxKernel kernel, LinuxModules modules, KernelSites sites, CaseSession probe, TimeSpan timeout)
    {
        var console = Path.Combine(Path.GetTempPath(), $"ffa-console-{Guid.NewGuid():N}.log");
        var snapshots = Path.Combine(Path.GetTempPath(), $"ffa-snapshots-{Guid.NewGuid():N}.qcow2");
        var (created, output) = Toolchain.Invoke(LinuxKernel.QemuImg, ["create", "-q", "-f", "qcow2", snapshots, "1M"]);
        if (created != 0)
        {
            throw new InvalidOperationException($"qemu-img could not create {snapshots}: {output}");
        }

        var machine = QemuMachine.Start(tools, kernel.Image, MemoryMib, extra:
        [
            "-initrd", modules.Initramfs, "-no-reboot",
            // nokaslr keeps the conduit sites at their link addresses; the rest only shortens the boot under TCG.
            "-append", "console=ttyAMA0 nokaslr rdinit=/init panic=-1 quiet cryptomgr.notests mitigations=off",
        ], console: console, snapshots: snapshots);
        var guest = new LinuxGuest(machine, sites, console);
        try
        {
            guest.Start(probe, timeout);
            machine.Save(BootSnapshot);
            guest.booted = guest.parked;
            return guest;
        }
        catch
        {
            guest.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Puts the guest back as it was when it first waited for a case — kernel, driver and companion as freshly
    /// probed — after a case it could not finish; false when QEMU itself is gone and the guest must be booted again.
    /// </summary>
    public bool Reset()
    {
        if (machine.HasExited)
        {
            return false;
        }

        try
        {
            machine.Restore(BootSnapshot);
            parked = booted;
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private const string BootSnapshot = "booted";

    /// <summary>The guest's RAM: enough for the kernel, the initramfs and the driver under TCG.</summary>
    public const int MemoryMib = 256;

    /// <summary>
    /// Runs one case: the steps go into the companion's mailbox, the guest runs them through the driver, every
    /// call the driver makes is answered from <paramref name="session"/>. Returns whether the guest is still
    /// usable; a fault, a hang or a lost QEMU ends it, and the running step says why.
    /// </summary>
    public bool Run(CaseSession session, TimeSpan hangTimeout)
    {
        var run = new CompanionCaseRun(session);
        var gdb = machine.Gdb;
        try
        {
            Write(gdb, run.Scenario);
            Answer(gdb, (ulong[])parked.Clone(), RegisterSet.Of(0));
            while (true)
            {
                var stop = gdb.Receive(hangTimeout);
                if (stop is null)
                {
                    gdb.Interrupt();
                    var where = gdb.Receive(PacketTimeout) is not null ? $"0x{gdb.ReadRegisters(PacketTimeout)[GdbRemote.Pc]:X}" : "an unknown place";
                    return Lose(run, new Stopped(StopReason.Hung,
                        $"the kernel neither called the conduit nor returned to the companion within {hangTimeout.TotalMilliseconds:0} ms; interrupted at {where}"));
                }

                if (stop[0] is 'W' or 'X')
                {
                    return Lose(run, new Stopped(StopReason.Crashed, $"{machine.Death()}{ConsoleTail()}"));
                }

                var registers = gdb.ReadRegisters(PacketTimeout);
                var pc = registers[GdbRemote.Pc];
                if (pc == sites.FfaConduit && registers[0] == Wire.CompanionWait)
                {
                    parked = registers;
                    var results = ReadResults(gdb, run.Scenario);
                    run.Finish(results.AsSpan(Wire.CompanionResults), Completed(results));
                    return true;
                }

                if (pc == sites.FfaConduit)
                {
                    TrappedCalls++;
                    if (registers[0] == Wire.CompanionFault)
                    {
                        return Lose(run, new Stopped(StopReason.Crashed, $"the kernel reported: {FaultText(gdb)}"));
                    }

                    var running = (int)BinaryPrimitives.ReadUInt32LittleEndian(gdb.ReadMemory(mailbox + Wire.CompanionRunning, 4, PacketTimeout));
                    if (run.Call(running, ConduitKind.Hvc, RegisterSet.From(registers.AsSpan(0, RegisterSet.Count))) is not { } answer)
                    {
                        return Lose(run, run.Overrun);
                    }

                    if (answer.Abort)
                    {
                        gdb.WriteMemory(mailbox + Wire.CompanionAbort, BitConverter.GetBytes(1u), PacketTimeout);
                    }

                    Apply(gdb, answer.Writes);
                    Answer(gdb, registers, answer.Registers);
                }
                else if (pc == sites.PsciConduit)
                {
                    PassThrough(gdb, pc);
                }
                else
                {
                    return Lose(run, new Stopped(StopReason.Crashed, $"the guest stopped at 0x{pc:X}, where the harness set no breakpoint or trap ({stop})"));
                }
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or System.Net.Sockets.SocketException or InvalidDataException or TimeoutException)
        {
            return Lose(run, new Stopped(StopReason.Crashed, machine.HasExited ? $"{machine.Death()}{ConsoleTail()}" : $"QEMU stopped answering: {e.Message}"));
        }
    }

    public void Dispose() => machine.Dispose();

    private static void Answer(GdbRemote gdb, ulong[] registers, RegisterSet answer) => KernelConduit.Answer(gdb, registers, answer, PacketTimeout);

    private static void PassThrough(GdbRemote gdb, ulong pc) => KernelConduit.PassThrough(gdb, pc, PacketTimeout);

    private void Start(CaseSession probe, TimeSpan timeout)
    {
        var gdb = machine.Gdb;
        foreach (var site in new[] { sites.PsciConduit, sites.FfaConduit })
        {
            GdbRemote.Expect(gdb.Command($"Z0,{site:x},4", PacketTimeout), $"a breakpoint at 0x{site:X}");
        }

        var deadline = DateTime.UtcNow + timeout;
        var trapped = false;
        gdb.Send("c");
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var stop = left > TimeSpan.Zero ? gdb.Receive(left) : null;
            if (stop is null)
            {
                throw new InvalidOperationException($"the guest did not reach the companion module within {timeout.TotalSeconds:0} s{ConsoleTail()}");
            }

            if (stop[0] is 'W' or 'X')
            {
                throw new InvalidOperationException($"the guest ended while booting: {machine.Death()}{ConsoleTail()}");
            }

            if (!trapped)
            {
                KernelConduit.Trap(gdb, sites, PacketTimeout);
                trapped = true;
            }

            var registers = gdb.ReadRegisters(PacketTimeout);
            var pc = registers[GdbRemote.Pc];
            if (pc == sites.PsciConduit)
            {
                if (KernelConduit.Discovery(registers) is { } discovery)
                {
                    Answer(gdb, registers, discovery);
                }
                else
                {
                    PassThrough(gdb, pc);
                }
            }
            else if (pc == sites.FfaConduit && registers[0] == Wire.CompanionHello)
            {
                (mailbox, devices) = (registers[1], (uint)registers[2]);
                Answer(gdb, registers, RegisterSet.Of(0));
            }
            else if (pc == sites.FfaConduit && registers[0] == Wire.CompanionWait && mailbox != 0)
            {
                parked = registers;
                return;
            }
            else if (pc == sites.FfaConduit)
            {
                TrappedCalls++;
                var reply = probe.Call(ConduitKind.Hvc, RegisterSet.From(registers.AsSpan(0, RegisterSet.Count)));
                Apply(gdb, reply.Writes);
                Answer(gdb, registers, reply.Answer ?? CompanionCaseRun.Refusal);
            }
            else
            {
                throw new InvalidOperationException($"the guest stopped at 0x{pc:X} while booting ({stop}){ConsoleTail()}");
            }
        }
    }

    /// <summary>How many partitions the companion bound to: the driver registered a device for each.</summary>
    public uint Devices => devices;

    private static void Apply(GdbRemote gdb, IReadOnlyList<MemoryWrite> writes)
    {
        foreach (var write in writes)
        {
            gdb.WriteMemory(write.Address, write.Bytes, PacketTimeout);
        }
    }

    private void Write(GdbRemote gdb, Scenario scenario)
    {
        var header = new byte[Wire.CompanionHeader];
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(Wire.CompanionMailboxSteps), (uint)scenario.Steps.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(Wire.CompanionDevices), devices);
        gdb.WriteMemory(mailbox, header, PacketTimeout);
        var steps = CompanionCase.Steps(scenario);
        for (var done = 0; done < steps.Length; done += 0x800)
        {
            gdb.WriteMemory(mailbox + Wire.CompanionSteps + (ulong)done, steps.AsSpan(done, Math.Min(0x800, steps.Length - done)), PacketTimeout);
        }
    }

    /// <summary>The mailbox up to the results of the scenario's steps.</summary>
    private byte[] ReadResults(GdbRemote gdb, Scenario scenario) =>
        gdb.ReadMemory(mailbox, Wire.CompanionResults + (Wire.CompanionResultSize * scenario.Steps.Length), PacketTimeout);

    private static int Completed(byte[] results) => (int)BinaryPrimitives.ReadUInt32LittleEndian(results.AsSpan(Wire.CompanionCompleted));

    /// <summary>The guest is given up: the steps that completed keep their outcomes when they can still be read, the running one ends with <paramref name="stop"/>.</summary>
    private bool Lose(CompanionCaseRun run, Stopped stop)
    {
        byte[]? results = null;
        if (!machine.HasExited)
        {
            try
            {
                results = ReadResults(machine.Gdb, run.Scenario);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or TimeoutException or System.Net.Sockets.SocketException)
            {
                results = null;
            }
        }

        if (results is null)
        {
            run.Lose(stop);
        }
        else
        {
            run.Lose(stop, results.AsSpan(Wire.CompanionResults), Completed(results));
        }

        return false;
    }

    private string FaultText(GdbRemote gdb)
    {
        var text = gdb.ReadMemory(mailbox + Wire.CompanionFaultText, Wire.CompanionFaultTextSize, PacketTimeout);
        var end = Array.IndexOf(text, (byte)0);
        return Encoding.ASCII.GetString(text, 0, end < 0 ? text.Length : end);
    }

    /// <summary>The console's last lines, where the kernel says what went wrong.</summary>
    private string ConsoleTail()
    {
        try
        {
            var lines = File.Exists(console) ? File.ReadAllLines(console).Where(l => l.Trim().Length > 0).TakeLast(20).ToArray() : [];
            return lines.Length == 0 ? string.Empty : $"; the console ended with: {string.Join(" | ", lines)}";
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
