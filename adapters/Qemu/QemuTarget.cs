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
public sealed class QemuTarget : IQemuTarget
{
    public const string AdapterName = "qemu";

    private const uint BeginCommand = 1;
    private const uint SendCommand = 2;
    private const uint ExitBootServicesCommand = 3;
    private const int ResultOffset = 56;
    private const int ResultLength = 52;
    private const uint HasBootEntry = 1;
    private const uint StateTooLarge = 0x8000_0000;

    private readonly QemuTools tools;
    private readonly Firmware firmware;
    private readonly GuestLayout layout;
    private readonly TimeSpan hangTimeout;
    private readonly List<int> machineProcessIds = [];
    private QemuMachine? machine;
    private CaseSession? session;
    private Stopped? pending;
    private ulong[] waiting = [];

    private QemuTarget(TargetDescription description, QemuTools tools, Firmware firmware, TimeSpan hangTimeout)
    {
        Description = description;
        this.tools = tools;
        this.firmware = firmware;
        layout = new GuestLayout(firmware.Elf, firmware.Conduits, firmware.Wait, new HashSet<ulong> { firmware.FaultPark }, QemuMachine.RamStart + ((ulong)QemuMachine.DefaultMemoryMib << 20));
        this.hangTimeout = hangTimeout;
    }

    public TargetDescription Description { get; private set; }

    public long TrappedCalls { get; private set; }

    public TimeSpan LastStartup { get; private set; }

    public IReadOnlyList<int> MachineProcessIds => machineProcessIds;

    public static QemuTarget Create(string name, FfaVersion version, QemuOptions options, bool sourceRequired)
    {
        var (cross, tools) = QemuPrerequisites.Require(name);
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
        var started = GuestLoop.Start(tools, firmware.Elf.Path, layout);
        machine = started;
        machineProcessIds.Add(started.ProcessId);
        LastStartup = started.Startup;
        var gdb = started.Gdb;

        gdb.Send("c");
        var stop = gdb.Receive(TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("the firmware did not reach fw_wait within 10 s");
        var registers = gdb.ReadRegisters(GuestLoop.PacketTimeout);
        if (!stop.StartsWith('T') || registers[GdbRemote.Pc] != firmware.Wait)
        {
            throw new InvalidOperationException($"the firmware stopped at {firmware.Elf.Describe(registers[GdbRemote.Pc])} ({stop}) instead of fw_wait");
        }

        waiting = registers;
        return BinaryPrimitives.ReadUInt32LittleEndian(gdb.ReadMemory(firmware.Mailbox + ResultOffset, ResultLength, GuestLoop.PacketTimeout).AsSpan(48));
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
        var mail = new byte[ResultOffset];
        BinaryPrimitives.WriteUInt32LittleEndian(mail, command);
        BinaryPrimitives.WriteUInt32LittleEndian(mail.AsSpan(4), argument);
        for (var i = 0; i < x.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(mail.AsSpan(8 + (8 * i)), x[i]);
        }

        // Leave fw_wait as its 'ret' would: QEMU does not step over a breakpoint by itself.
        waiting[GdbRemote.Pc] = waiting[30];
        var end = GuestLoop.Resume(live, [GdbRemote.WriteMemoryPacket(firmware.Mailbox, mail)], waiting, layout,
            session ?? throw new InvalidOperationException("BeginCase was not called"), hangTimeout, () => TrappedCalls++);
        switch (end)
        {
            case ReachedReturn reached:
                waiting = reached.Registers;
                return Result(command, live.Gdb.ReadMemory(firmware.Mailbox + ResultOffset, ResultLength, GuestLoop.PacketTimeout));
            case Ordered ordered:
                return Abandon(live.Gdb, ordered);
            case HitFault:
                var (record, instruction) = GuestFault.Read(live.Gdb, firmware.FaultRecord);
                Drop();
                return GuestFault.Describe(record, instruction, layout);
            default:
                Drop();
                return ((Lost)end).Outcome;
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

        return new Returned(BinaryPrimitives.ReadInt32LittleEndian(result.AsSpan(4)), DirectMessage.FromBytes(result.AsSpan(8)));
    }

    /// <summary>A stop order: the guest goes back to fw_reset and waits again; the case ends with the order.</summary>
    private Stopped Abandon(GdbRemote gdb, Ordered ordered)
    {
        ordered.Registers[GdbRemote.Pc] = firmware.Reset;
        GdbRemote.Expect(gdb.Command(GdbRemote.WriteRegistersPacket(ordered.Registers), GuestLoop.PacketTimeout), "the reset");
        gdb.Send("c");
        var after = gdb.Receive(GuestLoop.PacketTimeout) is null ? null : gdb.ReadRegisters(GuestLoop.PacketTimeout);
        if (after is null || after[GdbRemote.Pc] != firmware.Wait)
        {
            Drop();
        }
        else
        {
            waiting = after;
        }

        return ordered.Order;
    }

    private void Drop()
    {
        machine?.Dispose();
        machine = null;
    }
}
