using System.Buffers.Binary;
using FfaConformance.Abi;
using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>
/// The QEMU adapter: the transport cross-compiled into our firmware and run in qemu-system-aarch64, every
/// conduit instruction trapped (<see cref="GuestTrap"/>) and answered by the managed secure world. A whole case goes
/// into fw_mailbox while the guest waits at fw_wait, and the guest stops again only for conduit calls and at
/// the case's end (x18 tells which step a call belongs to). After ExitBootServices the runtime entry runs with
/// only runtime memory mapped, so a residency violation faults; after SetVirtualAddressMap, with the runtime
/// region relocated and mapped only at its virtual address, so a physical address kept by the transport faults. One QEMU serves many cases; a hang or a fault
/// costs a restart, a stop order a jump back to fw_reset.
/// </summary>
public sealed class QemuTarget : IQemuTarget
{
    public const string AdapterName = "qemu";

    private const int StepRegister = 18;

    private readonly QemuTools tools;
    private readonly FirmwareImage firmware;
    private readonly string? bios;
    private readonly GuestLayout layout;
    private readonly TimeSpan hangTimeout;
    private readonly List<int> machineProcessIds = [];
    private QemuMachine? machine;
    private ulong[] waiting = [];

    private QemuTarget(TargetDescription description, QemuTools tools, FirmwareImage firmware, TimeSpan hangTimeout, string? bios)
    {
        Description = description;
        this.tools = tools;
        this.firmware = firmware;
        this.bios = bios;
        var memory = bios is null ? QemuMachine.DefaultMemoryMib : RealSecureWorld.MemoryMib;
        var faults = new HashSet<ulong> { firmware.FaultPark };
        var ramEnd = QemuMachine.RamStart + ((ulong)memory << 20);
        layout = bios is null
            ? new GuestLayout(firmware.Elf, firmware.Conduits, firmware.Wait, faults, ramEnd, firmware.Virtual)
            : new GuestLayout(firmware.Elf, new Dictionary<ulong, ConduitKind>(), firmware.Wait, faults, ramEnd, firmware.Virtual)
            {
                Issues = firmware.Virtual.WithAliases(new Dictionary<ulong, ConduitKind> { [firmware.Issue] = ConduitKind.Smc }),
                Answers = firmware.Virtual.WithAliases(new Dictionary<ulong, ConduitKind> { [firmware.Answered] = ConduitKind.Smc }).Keys.ToHashSet(),
            };
        this.hangTimeout = hangTimeout;
    }

    /// <summary>What the real secure world answered at the firmware's boot; null under the harness's.</summary>
    public SecureWorldProbe? Probe { get; private set; }

    public TargetDescription Description { get; private set; }

    public long TrappedCalls { get; private set; }

    public TimeSpan LastStartup { get; private set; }

    public IReadOnlyList<int> MachineProcessIds => machineProcessIds;

    /// <summary>U-Boot's runtime transport from the source at <see cref="QemuOptions.Source"/>.</summary>
    public static QemuTarget Create(string name, FfaVersion version, QemuOptions options, bool sourceRequired) =>
        Create(name, version, options, sourceRequired, Binding.Load(BindingKeys.Uboot));

    /// <summary>The firmware for <paramref name="binding"/> over the source at <see cref="QemuOptions.Source"/>; a wrong binding or source is one message naming the key.</summary>
    public static QemuTarget Create(string name, FfaVersion version, QemuOptions options, bool sourceRequired, Binding binding)
    {
        var (cross, tools) = QemuPrerequisites.Require(name, options.BuildRoot);
        var fiptool = options.SecureWorld is null ? null : Toolchain.OnPath("fiptool")
            ?? throw new TargetUnavailableException($"QEMU target {name} is skipped: fiptool not found on PATH (Debian: apt-get install arm-trusted-firmware-tools)", skip: true);
        var source = BindingSource.Resolve(binding, options.Source, options.SourceKey, sourceRequired);
        string image;
        string? bios = null;
        try
        {
            image = FirmwareBuild.Image(binding, source, cross, options.BuildRoot);
            if (options.SecureWorld is { } real)
            {
                bios = real.Bios(ElfFile.Read(image).Entry, fiptool!, options.BuildRoot);
            }
        }
        catch (BindingException e)
        {
            throw new TargetUnavailableException($"{options.SourceKey} = '{options.Source}': {e.Message}", skip: false);
        }
        catch (TargetBuildException e)
        {
            throw new TargetUnavailableException($"{options.SourceKey} = '{options.Source}' does not build: {e.Message}", skip: false);
        }
        catch (InvalidDataException e) when (options.SecureWorld is { } real)
        {
            throw new TargetUnavailableException($"{real.Key} = '{real.Folder}': {e.Message}", skip: false);
        }

        return Start(name, options, tools, image, bios,
            new TargetDescription(name, AdapterName, version, TargetCapabilities.None,
                new Provenance($"{binding.Implementation}: {source.Origin}", source.Sha256, cross.Version, tools.Version, binding.Note) { Inputs = ImageDigest.Of(image) })
            {
                Returns = binding.Returns,
                Entries = binding.Entries,
            });
    }

    /// <summary>
    /// Boots the image and reads what its harness can do. Runtime-only mapping and SetVirtualAddressMap come with
    /// lifecycle control: without an ExitBootServices there is no runtime phase to map.
    /// </summary>
    private static QemuTarget Start(string name, QemuOptions options, QemuTools tools, string image, string? bios, TargetDescription description)
    {
        FirmwareImage firmware;
        try
        {
            firmware = FirmwareImage.Read(image);
        }
        catch (InvalidDataException e)
        {
            throw new TargetUnavailableException($"{options.SourceKey} = '{options.Source}' cannot run in our firmware: {e.Message}", skip: false);
        }

        if (bios is not null && firmware.Conduits.Keys.FirstOrDefault(a => a != firmware.Issue + 4 && VirtualMap.Physical(a) is null) is var other and not 0)
        {
            throw new TargetUnavailableException($"{options.SourceKey} = '{options.Source}' makes a conduit call of its own at {firmware.Elf.DescribeCode(other)}: under a real secure world only the calls through invoke_ffa_fn_runtime are seen", skip: false);
        }

        var target = new QemuTarget(description, tools, firmware, options.HangTimeout, bios);
        uint capabilities;
        try
        {
            capabilities = target.StartMachine();
        }
        catch (InvalidDataException e) when (options.SecureWorld is { } real)
        {
            target.Dispose();
            throw new TargetUnavailableException($"{real.Key} = '{real.Folder}': our firmware under it: {e.Message}", skip: false);
        }

        if ((capabilities & Wire.StateTooLarge) != 0)
        {
            target.Dispose();
            throw new TargetUnavailableException($"QEMU target {name}: the transport's resident state is larger than the 64 KiB the harness restores per case", skip: false);
        }

        var granted = Wire.Grants(capabilities);
        var runtime = granted.HasFlag(TargetCapabilities.Lifecycle) ? TargetCapabilities.Residency | TargetCapabilities.VirtualAddressMap : TargetCapabilities.None;
        var scripted = target.Probe is null ? TargetCapabilities.ScriptableSecureWorld : TargetCapabilities.None;
        target.Description = target.Description with
        {
            Capabilities = scripted | TargetCapabilities.NullMessage | TargetCapabilities.AnyDestination | runtime | granted,
        };
        if (target.Probe is { } probe)
        {
            // What the real secure world answered at boot is what every case boots with.
            target.Description = target.Description with
            {
                Version = probe.Version < target.Description.Version ? probe.Version : target.Description.Version,
                FixedEndpointId = probe.EndpointId,
                Partitions = probe.Partitions,
                SecureWorldCalls = probe.Calls,
                Provenance = target.Description.Provenance with
                {
                    Note = $"{target.Description.Provenance.Note}; under the real secure world {options.SecureWorld!.Folder}: {probe.Summary}",
                },
            };
        }

        return target;
    }

    public void Run(CaseSession session, BootData boot)
    {
        var scenario = session.Scenario;
        if (scenario.Steps.Length > CaseMailbox.MaxSteps)
        {
            throw new ArgumentException($"the scenario has {scenario.Steps.Length} steps; the firmware's mailbox holds {CaseMailbox.MaxSteps}", nameof(session));
        }

        var tracker = new StepTracker(session);
        if (machine is null)
        {
            try
            {
                StartMachine();
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidDataException)
            {
                // A QEMU that started but did not get ready is not used for the next case either.
                Drop();
                tracker.Finish(scenario.Steps.IsEmpty ? [] : [new Stopped(StopReason.Crashed, $"QEMU could not be restarted: {e.Message}")]);
                return;
            }
        }

        var live = machine!;

        // Leave fw_wait as its 'ret' would: its trap stands where the ret was.
        waiting[GdbRemote.Pc] = waiting[30];
        var end = GuestLoop.Resume(live, CaseMailbox.Write(firmware.Mailbox, scenario, boot), waiting, layout, session, hangTimeout, registers =>
        {
            TrappedCalls++;
            tracker.At((int)registers[StepRegister]);
        });
        var results = Results(live, scenario);
        switch (end)
        {
            case ReachedReturn reached:
                waiting = reached.Registers;
                tracker.Finish(CaseMailbox.Outcomes(results!, scenario));
                break;
            case Ordered ordered:
                tracker.Finish(Stop(results, scenario, ordered.Order));
                Abandon(live.Gdb, ordered);
                break;
            case HitFault:
                var (record, instruction) = GuestFault.Read(live.Gdb, firmware.FaultRecord);
                Drop();
                tracker.Finish(Stop(results, scenario, GuestFault.Describe(record, instruction, layout)));
                break;
            default:
                Drop();
                tracker.Finish(Stop(results, scenario, ((Lost)end).Outcome));
                break;
        }
    }

    public void Dispose() => Drop();

    /// <summary>The outcomes up to the step that was running when <paramref name="stop"/> happened, which ends with it.</summary>
    private static IReadOnlyList<StepOutcome> Stop(byte[]? results, Scenario scenario, Stopped stop)
    {
        if (results is null)
        {
            // QEMU is gone with the mailbox: the steps before are lost too, and say so.
            return [.. scenario.Steps.Select(_ => new Stopped(stop.Reason, $"QEMU was lost before the case's results were read: {stop.Detail}"))];
        }

        var running = CaseMailbox.CompletedSteps(results);
        return running < scenario.Steps.Length ? [.. CaseMailbox.Outcomes(results, scenario), stop] : CaseMailbox.Outcomes(results, scenario);
    }

    /// <summary>The mailbox's header and results, or null when QEMU no longer answers.</summary>
    private byte[]? Results(QemuMachine live, Scenario scenario)
    {
        try
        {
            return live.Gdb.ReadMemory(firmware.Mailbox, CaseMailbox.ReadLength(scenario.Steps.Length), GuestLoop.PacketTimeout);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or TimeoutException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Starts QEMU with its traps, runs the firmware to its first wait, hands it the virtual map's relocations; returns its capabilities.</summary>
    private uint StartMachine()
    {
        var started = bios is null
            ? GuestLoop.Start(tools, firmware.Elf.Path, layout)
            : GuestLoop.Trapped(QemuMachine.Start(tools, null, RealSecureWorld.MemoryMib, [$"file={QemuMachine.OptionValue(firmware.Elf.Path)}"], ["-bios", bios],
                console: Path.Combine(Path.GetTempPath(), $"ffa-uart0-{Guid.NewGuid():N}.log"), board: RealSecureWorld.Machine,
                secureConsole: Path.Combine(Path.GetTempPath(), $"ffa-uart1-{Guid.NewGuid():N}.log")), layout);
        machine = started;
        machineProcessIds.Add(started.ProcessId);
        LastStartup = started.Startup;
        var gdb = started.Gdb;

        gdb.Send("c");
        var stop = gdb.Receive(TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("the firmware did not reach fw_wait within 10 s");
        var registers = gdb.ReadRegisters(GuestLoop.PacketTimeout);
        if (!stop.StartsWith('T') || registers[GdbRemote.Pc] != firmware.Wait)
        {
            throw new InvalidOperationException($"the firmware stopped at {firmware.Elf.DescribeCode(registers[GdbRemote.Pc])} ({stop}) instead of fw_wait");
        }

        waiting = registers;
        var table = firmware.Virtual.Table();
        for (var done = 0; done < table.Length; done += 0x800)
        {
            GdbRemote.Expect(gdb.Command(GdbRemote.WriteMemoryPacket(firmware.VirtualMapTable + (ulong)done, table.AsSpan(done, Math.Min(0x800, table.Length - done))), GuestLoop.PacketTimeout),
                "the virtual map's relocations");
        }

        if (bios is not null)
        {
            // A restarted QEMU brings a fresh secure world: it is asked again, so that it has negotiated what every case assumes.
            var probe = SecureWorldProbe.Ask(gdb, waiting, firmware.Issue + 4, firmware.Answered, firmware.RxTx, Description.Version, GuestLoop.PacketTimeout);
            if (Probe is { } first && probe.Summary != first.Summary)
            {
                throw new InvalidDataException($"after a restart the real secure world answered {probe.Summary}, not {first.Summary} as before");
            }

            Probe ??= probe;
        }

        var (offset, length) = CaseMailbox.Capabilities;
        return BinaryPrimitives.ReadUInt32LittleEndian(gdb.ReadMemory(firmware.Mailbox + (ulong)offset, length, GuestLoop.PacketTimeout));
    }

    /// <summary>After a stop order the guest goes back to fw_reset and waits again; if it does not, QEMU is dropped.</summary>
    private void Abandon(GdbRemote gdb, Ordered ordered)
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
    }

    private void Drop()
    {
        machine?.Dispose();
        machine = null;
    }
}
