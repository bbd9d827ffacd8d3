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
    private readonly bool real;
    private ulong mailbox;
    private uint devices;
    private ulong[] parked = [];
    private ulong[] booted = [];

    private LinuxGuest(QemuMachine machine, KernelSites sites, string console, bool real)
    {
        this.machine = machine;
        this.sites = sites;
        this.console = console;
        this.real = real;
    }


    public int ProcessId => machine.ProcessId;

    /// <summary>Conduit calls trapped so far.</summary>
    public long TrappedCalls { get; private set; }

    /// <summary>
    /// Boots the guest and runs it until the companion waits for its first case: the driver's probe calls are
    /// answered from <paramref name="probe"/>. <see cref="InvalidOperationException"/> with the console's last
    /// lines when it does not get there within <paramref name="timeout"/>.
    /// </summary>
    public static LinuxGuest Boot(QemuTools tools, LinuxKernel kernel, LinuxModules modules, KernelSites sites, CaseSession probe, TimeSpan timeout, KernelUnderTfa? real = null)
    {
        var console = Path.Combine(Path.GetTempPath(), $"ffa-console-{Guid.NewGuid():N}.log");
        var snapshots = Path.Combine(Path.GetTempPath(), $"ffa-snapshots-{Guid.NewGuid():N}.qcow2");
        var (created, output) = Toolchain.Invoke(LinuxKernel.QemuImg, ["create", "-q", "-f", "qcow2", snapshots, "1M"]);
        if (created != 0)
        {
            throw new InvalidOperationException($"qemu-img could not create {snapshots}: {output}");
        }

        var machine = real is null
            ? QemuMachine.Start(tools, kernel.Image, MemoryMib, extra: ["-initrd", modules.Initramfs, "-no-reboot", "-append", LinuxKernel.CommandLine], console: console, snapshots: snapshots)
            : real.Start(tools, kernel.Image, modules.Initramfs, console, snapshots: snapshots);
        var guest = new LinuxGuest(machine, sites, console, real is not null);
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
            if (real)
            {
                // A case lost while a call was in the secure world leaves the breakpoint after the conduit instead of on it.
                _ = machine.Gdb.Command($"z0,{sites.FfaConduit + 4:x},4", PacketTimeout);
                _ = machine.Gdb.Command($"z0,{sites.FfaConduit:x},4", PacketTimeout);
                GdbRemote.Expect(machine.Gdb.Command($"Z0,{sites.FfaConduit:x},4", PacketTimeout), "the breakpoint on the conduit again");
            }

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
                    var issued = RegisterSet.From(registers.AsSpan(0, RegisterSet.Count));
                    var after = real ? ToSecureWorld(gdb, registers, hangTimeout) : null;
                    if (real && after is null)
                    {
                        return Lose(run, new Stopped(StopReason.Hung, $"the secure world did not return from {FfaFunctions.Describe(issued.W0)} within {hangTimeout.TotalMilliseconds:0} ms{ConsoleTail()}"));
                    }

                    var answered = after is null ? null : RegisterSet.From(after.AsSpan(0, RegisterSet.Count));
                    if (run.Call(running, real ? ConduitKind.Smc : ConduitKind.Hvc, issued, answered) is not { } answer)
                    {
                        return Lose(run, run.Overrun);
                    }

                    if (answer.Abort)
                    {
                        gdb.WriteMemory(mailbox + Wire.CompanionAbort, BitConverter.GetBytes(1u), PacketTimeout);
                    }

                    Apply(gdb, answer.Writes);
                    if (after is null)
                    {
                        Answer(gdb, registers, answer.Registers);
                    }
                    else
                    {
                        Resume(gdb, after, answer.Registers);
                    }
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

    /// <summary>
    /// Lets the call at the conduit go to the real secure world: the breakpoint moves past the conduit, the guest runs
    /// through EL3 and back, and the registers there are the answer. Null when it did not come back within <paramref name="timeout"/>.
    /// </summary>
    private ulong[]? ToSecureWorld(GdbRemote gdb, ulong[] registers, TimeSpan timeout)
    {
        var pc = registers[GdbRemote.Pc];
        GdbRemote.Expect(gdb.Command($"z0,{pc:x},4", PacketTimeout), "removing the breakpoint on the conduit");
        GdbRemote.Expect(gdb.Command($"Z0,{pc + 4:x},4", PacketTimeout), "a breakpoint after the conduit");
        gdb.Send("c");
        var stop = gdb.Receive(timeout);
        if (stop is null)
        {
            gdb.Interrupt();
            _ = gdb.Receive(PacketTimeout);
            return null;
        }

        if (stop[0] is 'W' or 'X')
        {
            throw new InvalidDataException($"QEMU ended during a call to the secure world: {machine.Death()}");
        }

        var after = gdb.ReadRegisters(PacketTimeout);
        if (after[GdbRemote.Pc] != pc + 4)
        {
            throw new InvalidDataException($"the call to the secure world came back at 0x{after[GdbRemote.Pc]:X}, not after the conduit at 0x{pc + 4:X}");
        }

        GdbRemote.Expect(gdb.Command($"z0,{pc + 4:x},4", PacketTimeout), "removing the breakpoint after the conduit");
        GdbRemote.Expect(gdb.Command($"Z0,{pc:x},4", PacketTimeout), "the breakpoint on the conduit again");
        return after;
    }

    /// <summary>Resumes a guest stopped after the conduit with <paramref name="answer"/> in x0–x17 (the secure world's, or the refusal a stop order gives).</summary>
    private static void Resume(GdbRemote gdb, ulong[] registers, RegisterSet answer)
    {
        answer.AsSpan().CopyTo(registers);
        gdb.Send(GdbRemote.WriteRegistersPacket(registers));
        gdb.Send("c");
        GdbRemote.Expect(gdb.Receive(PacketTimeout) ?? string.Empty, "the answer");
    }

    private static void PassThrough(GdbRemote gdb, ulong pc) => KernelConduit.PassThrough(gdb, pc, PacketTimeout);

    private void Start(CaseSession probe, TimeSpan timeout)
    {
        var gdb = machine.Gdb;

        // Under real firmware PSCI and SMCCC discovery are the firmware's own business: only the FF-A conduit stops.
        foreach (var site in real ? [sites.FfaConduit] : new[] { sites.PsciConduit, sites.FfaConduit })
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

            if (!trapped && !real)
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
            else if (pc == sites.FfaConduit && real)
            {
                TrappedCalls++;
                var issued = RegisterSet.From(registers.AsSpan(0, RegisterSet.Count));
                var after = ToSecureWorld(gdb, registers, left) ?? throw new InvalidOperationException($"the secure world did not return from the driver's {FfaFunctions.Describe(issued.W0)} at probe{ConsoleTail()}");
                var reply = probe.Observe(ConduitKind.Smc, issued, RegisterSet.From(after.AsSpan(0, RegisterSet.Count)));
                Resume(gdb, after, reply.Answer ?? CompanionCaseRun.Refusal);
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

    /// <summary>The partitions /init found the driver registered (a real secure world's), as it named them on the console.</summary>
    public PartitionTable ConsolePartitions()
    {
        var found = new List<Partition>();
        foreach (var line in File.ReadAllLines(console).Select(l => l.Trim()).Where(l => l.StartsWith(LinuxModules.PartitionLine, StringComparison.Ordinal)))
        {
            var fields = line[LinuxModules.PartitionLine.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2 || !ushort.TryParse(fields[0].Replace("0x", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.HexNumber, null, out var id)
                || fields[1].Length != 32 || !Guid.TryParseExact(fields[1], "N", out var uuid))
            {
                throw new InvalidDataException($"/init named a partition as '{line}', not as an ID and 32 hex digits");
            }

            found.Add(new Partition(id, uuid, 1, Partition.DirectMessagingAArch64));
        }

        return new PartitionTable(found);
    }

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
            var secure = real && machine.Consoles.Count > 1 && File.Exists(machine.Consoles[1])
                ? File.ReadAllLines(machine.Consoles[1]).Where(l => l.Trim().Length > 0).TakeLast(12).ToArray()
                : [];
            return (lines.Length == 0 ? string.Empty : $"; the console ended with: {string.Join(" | ", lines)}")
                + (secure.Length == 0 ? string.Empty : $"; the secure world's UART1 ended with: {string.Join(" | ", secure)}");
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
