using System.Buffers.Binary;
using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Qemu;

/// <summary>
/// The QEMU adapter: the transport cross-compiled into our firmware and run in qemu-system-aarch64, every
/// conduit instruction trapped with a breakpoint and answered by the managed secure world. Commands and
/// results pass through fw_mailbox while the guest waits at fw_wait. After ExitBootServices the runtime entry
/// runs with only runtime memory mapped, so a residency violation faults. One QEMU serves many cases; a hang
/// or a fault costs a restart, a stop order a jump back to fw_reset.
/// </summary>
public sealed class QemuTarget : ITarget
{
    public const string AdapterName = "qemu";

    private const uint BeginCommand = 1;
    private const uint SendCommand = 2;
    private const uint ExitBootServicesCommand = 3;
    private const int ResultOffset = 56;
    private const int ResultLength = 52;
    private const uint HasBootEntry = 1;
    private const uint StateTooLarge = 0x8000_0000;
    private const ulong RamStart = 0x4000_0000;
    private const ulong RamEnd = 0x8000_0000;

    private static readonly TimeSpan PacketTimeout = TimeSpan.FromSeconds(5);

    private readonly QemuTools tools;
    private readonly Firmware firmware;
    private readonly TimeSpan hangTimeout;
    private QemuMachine? machine;
    private CaseSession? session;
    private Stopped? pending;
    private ulong[] waiting = [];
    private readonly List<int> machineProcessIds = [];

    private QemuTarget(TargetDescription description, QemuTools tools, Firmware firmware, TimeSpan hangTimeout)
    {
        Description = description;
        this.tools = tools;
        this.firmware = firmware;
        this.hangTimeout = hangTimeout;
    }

    public TargetDescription Description { get; private set; }

    /// <summary>Conduit calls trapped since the target was created.</summary>
    public long TrappedCalls { get; private set; }

    /// <summary>Start-up of the last QEMU: spawn to gdbstub, and to the firmware's first wait.</summary>
    public TimeSpan LastStartup { get; private set; }

    /// <summary>Every QEMU process this target has started, for checking that none is left behind.</summary>
    public IReadOnlyList<int> MachineProcessIds => machineProcessIds;

    public static QemuTarget Create(string name, FfaVersion version, QemuOptions options, bool sourceRequired)
    {
        var cross = Toolchain.Find(FirmwareBuild.CrossPrefix, out var missingCompiler)
            ?? throw new TargetUnavailableException($"QEMU target {name} needs an aarch64 cross compiler: {missingCompiler}", skip: true);
        var tools = Toolchain.Qemu(out var missingQemu)
            ?? throw new TargetUnavailableException($"QEMU target {name} needs QEMU: {missingQemu}", skip: true);
        TransportSource source;
        try
        {
            source = TransportSource.Resolve(options.Source);
        }
        catch (FileNotFoundException) when (!sourceRequired)
        {
            throw new TargetUnavailableException($"QEMU target {name}: source {options.Source} is not present", skip: true);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new TargetUnavailableException($"QEMU target {name}: {e.Message}", skip: false);
        }

        string image;
        try
        {
            image = FirmwareBuild.Image(source, cross, options.BuildRoot);
        }
        catch (TargetBuildException e)
        {
            throw new TargetUnavailableException($"QEMU target {name}: {e.Message}", skip: false);
        }

        var target = new QemuTarget(
            new TargetDescription(name, AdapterName, version, TargetCapabilities.None, $"{source.Origin} ({cross.Version}; {tools.Version})"),
            tools,
            Firmware.Read(image),
            options.HangTimeout);
        var capabilities = target.StartMachine();
        if ((capabilities & StateTooLarge) != 0)
        {
            target.Dispose();
            throw new TargetUnavailableException($"QEMU target {name}: the transport's resident state is larger than the 64 KiB the harness restores per case", skip: false);
        }

        target.Description = target.Description with
        {
            Capabilities = TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Lifecycle | TargetCapabilities.NullMessage
                | TargetCapabilities.Residency | ((capabilities & HasBootEntry) != 0 ? TargetCapabilities.BootEntry : TargetCapabilities.None),
        };
        return target;
    }

    public void BeginCase(CaseSession session, BootData boot)
    {
        this.session = session;
        pending = null;
        if (machine is null)
        {
            try
            {
                StartMachine();
            }
            catch (InvalidOperationException e)
            {
                pending = new Stopped(StopReason.Crashed, $"QEMU could not be restarted: {e.Message}");
                return;
            }
        }

        pending = Command(BeginCommand, 0, boot.EndpointId, boot.Version.Encoded) as Stopped;
    }

    public StepOutcome Send(SendStep step)
    {
        var request = step.Request;
        var flags = (request.Convention == Convention.Smc64 ? 1u : 0) | (step.Entry == Entry.Runtime ? 2u : 0) | (request.Message is null ? 4u : 0);
        var m = request.Message ?? DirectMessage.Zero;
        var outcome = Command(SendCommand, flags, request.Destination, m.Data0, m.Data1, m.Data2, m.Data3, m.Data4);
        return request.Message is null && outcome is Returned returned ? returned with { MessageOut = null } : outcome;
    }

    public StepOutcome ExitBootServices(ExitBootServicesStep step) => Command(ExitBootServicesCommand, step.WithContext ? 1u : 0);

    public void Dispose() => Drop();

    /// <summary>Starts QEMU, sets the breakpoints, runs the firmware to its first wait; returns its capabilities.</summary>
    private uint StartMachine()
    {
        var started = QemuMachine.Start(tools, firmware.Elf.Path);
        machine = started;
        machineProcessIds.Add(started.ProcessId);
        var gdb = started.Gdb;
        foreach (var address in firmware.Conduits.Keys.Append(firmware.Wait).Append(firmware.FaultPark))
        {
            GdbRemote.Expect(gdb.Command($"Z0,{address:x},4", PacketTimeout), $"a breakpoint at 0x{address:X}");
        }

        gdb.Send("c");
        var stop = gdb.Receive(TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("the firmware did not reach fw_wait within 10 s");
        var registers = gdb.ReadRegisters(PacketTimeout);
        if (!stop.StartsWith('T') || registers[GdbRemote.Pc] != firmware.Wait)
        {
            throw new InvalidOperationException($"the firmware stopped at {firmware.Elf.Describe(registers[GdbRemote.Pc])} ({stop}) instead of fw_wait");
        }

        waiting = registers;
        LastStartup = started.Startup;
        return BinaryPrimitives.ReadUInt32LittleEndian(gdb.ReadMemory(firmware.Mailbox + ResultOffset, ResultLength, PacketTimeout).AsSpan(48));
    }

    /// <summary>Hands a command to the firmware waiting at fw_wait and serves its conduit calls until it waits again.</summary>
    private StepOutcome Command(uint command, uint argument, params ulong[] x)
    {
        if (pending is { } earlier)
        {
            pending = null;
            return earlier;
        }

        var live = machine ?? throw new InvalidOperationException("no QEMU");
        var world = session ?? throw new InvalidOperationException("BeginCase was not called");
        var gdb = live.Gdb;
        try
        {
            var mail = new byte[56];
            BinaryPrimitives.WriteUInt32LittleEndian(mail, command);
            BinaryPrimitives.WriteUInt32LittleEndian(mail.AsSpan(4), argument);
            for (var i = 0; i < x.Length; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(mail.AsSpan(8 + (8 * i)), x[i]);
            }

            // Leave fw_wait as its 'ret' would: QEMU does not step over a breakpoint by itself.
            waiting[GdbRemote.Pc] = waiting[30];
            gdb.Send(GdbRemote.WriteMemoryPacket(firmware.Mailbox, mail));
            gdb.Send(GdbRemote.WriteRegistersPacket(waiting));
            gdb.Send("c");
            GdbRemote.Expect(gdb.Receive(PacketTimeout) ?? string.Empty, "the command");
            GdbRemote.Expect(gdb.Receive(PacketTimeout) ?? string.Empty, "the resume address");
            while (true)
            {
                var stop = gdb.Receive(hangTimeout);
                if (stop is null)
                {
                    return Hung(gdb);
                }

                if (stop[0] is 'W' or 'X')
                {
                    var death = live.Death();
                    Drop();
                    return new Stopped(StopReason.Crashed, death);
                }

                var registers = gdb.ReadRegisters(PacketTimeout);
                var pc = registers[GdbRemote.Pc];
                if (firmware.Conduits.TryGetValue(pc, out var conduit))
                {
                    TrappedCalls++;
                    var reply = world.Call(conduit, RegisterSet.From(registers.AsSpan(0, RegisterSet.Count)));
                    if (reply.Stop is { } order)
                    {
                        return Abandon(gdb, order);
                    }

                    reply.Answer!.AsSpan().CopyTo(registers);
                    registers[GdbRemote.Pc] = pc + 4;
                    gdb.Send(GdbRemote.WriteRegistersPacket(registers));
                    gdb.Send("c");
                    GdbRemote.Expect(gdb.Receive(PacketTimeout) ?? string.Empty, "the answer");
                }
                else if (pc == firmware.Wait)
                {
                    waiting = registers;
                    return Result(command, gdb.ReadMemory(firmware.Mailbox + ResultOffset, ResultLength, PacketTimeout));
                }
                else if (pc == firmware.FaultPark)
                {
                    var fault = gdb.ReadMemory(firmware.FaultRecord, 40, PacketTimeout);
                    var instruction = BinaryPrimitives.ReadUInt32LittleEndian(gdb.ReadMemory(BinaryPrimitives.ReadUInt64LittleEndian(fault.AsSpan(16)), 4, PacketTimeout));
                    Drop();
                    return Fault(fault, instruction);
                }
                else
                {
                    Drop();
                    return new Stopped(StopReason.Crashed, $"the guest stopped at {firmware.Elf.Describe(pc)}, which the harness did not expect ({stop})");
                }
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or System.Net.Sockets.SocketException or InvalidDataException)
        {
            var death = live.HasExited ? live.Death() : e.Message;
            Drop();
            return new Stopped(StopReason.Crashed, death);
        }
    }

    private static StepOutcome Result(uint command, byte[] result)
    {
        var status = BinaryPrimitives.ReadUInt32LittleEndian(result);
        if (status != 0)
        {
            return new Stopped(StopReason.Crashed, status == 1
                ? "the transport registered no ExitBootServices event when probed"
                : "the transport has no boot-time entry (ffa_invoke_msg_send_direct_req)");
        }

        if (command != SendCommand)
        {
            return Completed.Instance;
        }

        var words = Enumerable.Range(0, DirectMessage.Words).Select(i => BinaryPrimitives.ReadUInt64LittleEndian(result.AsSpan(8 + (8 * i)))).ToArray();
        return new Returned(BinaryPrimitives.ReadInt32LittleEndian(result.AsSpan(4)), DirectMessage.FromWords(words));
    }

    /// <summary>The transport neither trapped nor came back: interrupt, say where it spins, restart QEMU.</summary>
    private Stopped Hung(GdbRemote gdb)
    {
        gdb.Interrupt();
        var where = gdb.Receive(PacketTimeout) is not null ? firmware.Elf.Describe(gdb.ReadRegisters(PacketTimeout)[GdbRemote.Pc]) : "an unknown place";
        Drop();
        return new Stopped(StopReason.Hung, $"the firmware neither trapped a conduit call nor returned within {hangTimeout.TotalMilliseconds:0} ms; interrupted at {where}");
    }

    /// <summary>A stop order: the guest goes back to fw_reset and waits again; the case ends with the order.</summary>
    private Stopped Abandon(GdbRemote gdb, Stopped order)
    {
        var registers = gdb.ReadRegisters(PacketTimeout);
        registers[GdbRemote.Pc] = firmware.Reset;
        GdbRemote.Expect(gdb.Command(GdbRemote.WriteRegistersPacket(registers), PacketTimeout), "the reset");
        gdb.Send("c");
        var stop = gdb.Receive(PacketTimeout);
        var after = stop is null ? null : gdb.ReadRegisters(PacketTimeout);
        if (after is null || after[GdbRemote.Pc] != firmware.Wait)
        {
            Drop();
        }
        else
        {
            waiting = after;
        }

        return order;
    }

    /// <summary>An exception in the guest: a residency violation when only runtime memory was mapped and the access was to RAM, a crash otherwise.</summary>
    private Stopped Fault(byte[] record, uint instruction)
    {
        var esr = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(8));
        var elr = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(16));
        var far = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(24));
        var runtime = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)) != 0;
        var exceptionClass = (uint)(esr >> 26);
        var abort = exceptionClass is 0x20 or 0x21 or 0x24 or 0x25;
        var registers = $"ESR 0x{esr:X}, ELR {firmware.Elf.Describe(elr)}, FAR 0x{far:X}";
        if (runtime && abort && far >= RamStart && far < RamEnd)
        {
            var access = exceptionClass is 0x20 or 0x21 ? "fetched an instruction at" : (esr & (1 << 6)) != 0 ? "wrote" : "read";
            return new Stopped(StopReason.ResidencyViolation,
                $"after ExitBootServices the runtime path {access} {firmware.Elf.Describe(far)}, outside the runtime sections, its stack and the caller's message ({registers})");
        }

        if (exceptionClass == 0 && Firmware.IsConduit(instruction) is not null)
        {
            return new Stopped(StopReason.Crashed, $"an SMC/HVC at {firmware.Elf.Describe(elr)} escaped the harness's breakpoints ({registers})");
        }

        return new Stopped(StopReason.Crashed, $"{ExceptionName(exceptionClass)} ({registers})");
    }

    private static string ExceptionName(uint exceptionClass) => exceptionClass switch
    {
        0x00 => "an undefined instruction",
        0x20 or 0x21 => "an instruction abort",
        0x22 => "a PC alignment fault",
        0x24 or 0x25 => "a data abort",
        0x26 => "an SP alignment fault",
        0x3C => "a BRK instruction",
        _ => $"an exception of class 0x{exceptionClass:X}",
    };

    private void Drop()
    {
        machine?.Dispose();
        machine = null;
    }
}
