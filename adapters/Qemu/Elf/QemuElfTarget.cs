using System.Buffers.Binary;
using System.Security.Cryptography;
using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Qemu.Elf;

/// <summary>
/// The QEMU adapter for a user's own firmware ELF (U-Boot with the seed series, say): QEMU loads the image as
/// built, and the adapter calls its functions directly — the boot-time entry, the ExitBootServices notify with
/// a context laid out as U-Boot's struct ffa_priv, and the runtime entry — each through elf_support.S, which
/// switches to a runtime-only map after ExitBootServices. The firmware's own start-up never runs, so only
/// code that works without it (the transport's) can be tested this way; x18 points at a zeroed block so that
/// U-Boot code reading its global data finds no console and logs nothing.
/// </summary>
public sealed class QemuElfTarget : IQemuTarget, IStepwiseTarget
{
    public const string AdapterName = "qemu-elf";

    private readonly QemuTools tools;
    private readonly UserFirmware user;
    private readonly IReadOnlyList<string> loaders;
    private readonly int memoryMib;
    private readonly PageTables tables;
    private readonly ulong setup;
    private readonly ulong call;
    private readonly ulong record;
    private readonly GuestLayout layout;
    private readonly TimeSpan hangTimeout;
    private readonly List<string> writes = [];
    private readonly List<int> machineProcessIds = [];
    private QemuMachine? machine;
    private CaseSession? session;
    private Stopped? pending;
    private ulong[] reset = [];
    private ushort endpointId;
    private bool afterExitBootServices;
    private bool afterVirtualAddressMap;
    private bool relocated;

    private QemuElfTarget(TargetDescription description, QemuTools tools, UserFirmware user, ElfFile support, PageTables tables, string tablesPath, TimeSpan hangTimeout)
    {
        Description = description;
        this.tools = tools;
        this.user = user;
        this.tables = tables;
        this.hangTimeout = hangTimeout;
        loaders = [$"file={QemuMachine.OptionValue(support.Path)}", $"file={QemuMachine.OptionValue(tablesPath)},addr=0x{tables.BootTtbr:x},force-raw=on"];
        memoryMib = (int)((tables.End - QemuMachine.RamStart + (1UL << 20) - 1) >> 20);
        setup = support.Require("elf_setup");
        call = support.Require("elf_call");
        record = support.Require("elf_record");
        layout = new GuestLayout(user.Elf, user.Conduits, support.Require("elf_done"), new HashSet<ulong> { support.Require("elf_park") }, tables.End, user.Virtual);
    }

    public TargetDescription Description { get; }

    public long TrappedCalls { get; private set; }

    public TimeSpan LastStartup { get; private set; }

    public IReadOnlyList<int> MachineProcessIds => machineProcessIds;

    public static QemuElfTarget Create(string name, FfaVersion version, QemuElfOptions options, bool required)
    {
        var keys = $"Targets:{name}:";
        var (cross, tools) = QemuPrerequisites.Require(name, options.BuildRoot);
        if (!File.Exists(options.Firmware))
        {
            throw new TargetUnavailableException($"{keys}Firmware = {options.Firmware} does not exist; accepted: an AArch64 ELF with its symbol table", skip: !required);
        }

        UserFirmware user;
        string supportPath;
        try
        {
            user = UserFirmware.Read(options.Firmware, options, keys);
            supportPath = FirmwareBuild.ElfSupport(cross, options.BuildRoot, user.Support);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or TargetBuildException)
        {
            throw new TargetUnavailableException($"QEMU ELF target {name}: {e.Message}", skip: false);
        }

        var support = ElfFile.Read(supportPath);
        var tables = PageTables.Build(user.Tables, QemuMachine.RamStart, user.Tables + (1UL << 20), user.Region, user.Caller);
        var tablesPath = Path.Combine(Path.GetDirectoryName(supportPath)!, $"tables-{Convert.ToHexStringLower(SHA256.HashData(tables.Bytes))[..16]}.bin");
        File.WriteAllBytes(tablesPath, tables.Bytes);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(options.Firmware)));
        var capabilities = TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Lifecycle | TargetCapabilities.Smc32Request | TargetCapabilities.NullMessage | TargetCapabilities.AnyDestination
            | TargetCapabilities.Residency | (user.BootEntry is null ? TargetCapabilities.None : TargetCapabilities.BootEntry)
            | (user.Virtual is null ? TargetCapabilities.None : TargetCapabilities.VirtualAddressMap);
        var target = new QemuElfTarget(
            new TargetDescription(name, AdapterName, version, capabilities, new Provenance(options.Firmware, hash, Qemu: tools.Version, Note: Note(user)) { Inputs = ImageDigest.Of(options.Firmware, supportPath, tablesPath) }),
            tools, user, support, tables, tablesPath, options.HangTimeout);
        try
        {
            target.StartMachine();
        }
        catch (InvalidOperationException e)
        {
            target.Dispose();
            throw new TargetUnavailableException($"QEMU ELF target {name}: {e.Message}", skip: false);
        }

        return target;
    }

    public void BeginCase(CaseSession session, BootData boot)
    {
        this.session = session;
        pending = null;
        afterExitBootServices = false;
        afterVirtualAddressMap = false;
        endpointId = boot.EndpointId;
        writes.Clear();
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

        foreach (var (address, bytes) in user.ResidentState)
        {
            for (var done = 0; done < bytes.Length; done += 0x800)
            {
                writes.Add(GdbRemote.WriteMemoryPacket(address + (ulong)done, bytes.AsSpan(done, Math.Min(0x800, bytes.Length - done))));
            }
        }

        if (relocated)
        {
            Relocate(r => r.Linked);
            relocated = false;
        }

        // struct ffa_priv begins with struct ffa_priv_runtime { bool use_ffa_runtime; u32 fwk_version; u16 id; }.
        var context = new byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(context.AsSpan(4), boot.Version.Encoded);
        BinaryPrimitives.WriteUInt16LittleEndian(context.AsSpan(8), boot.EndpointId);
        writes.Add(GdbRemote.WriteMemoryPacket(user.Context, context));
    }

    /// <summary>The qemu-elf adapter calls the entries U-Boot has; it grants no REQ2, so no case carries one.</summary>
    public StepOutcome Send2(Send2Step step) =>
        throw new InvalidOperationException($"the qemu-elf adapter has no REQ2 entry, but a case sends {step.Request}");

    public StepOutcome Send(SendStep step)
    {
        var request = step.Request;
        var message = request.Message is null ? 0 : user.Message;
        if (request.Message is { } m)
        {
            writes.Add(GdbRemote.WriteMemoryPacket(user.Message, m.ToBytes()));
        }

        var smc64 = request.Convention == Convention.Smc64 ? 1UL : 0;
        var map = !afterExitBootServices ? Wire.MapBoot : afterVirtualAddressMap ? Wire.MapVirtual : Wire.MapRuntime;
        var stop = step.Entry == Entry.Runtime
            ? Call(out var registers, user.RuntimeEntry + (map == Wire.MapVirtual ? VirtualMap.Offset : 0), map, request.Destination, message, smc64)
            : Call(out registers, user.BootEntry ?? throw new InvalidOperationException("the target has no boot-time entry"), Wire.MapBoot, endpointId, request.Destination, message, smc64);
        if (stop is not null)
        {
            return stop;
        }

        var messageOut = request.Message is null
            ? (DirectMessage?)null
            : DirectMessage.FromBytes(machine!.Gdb.ReadMemory(user.Message, 8 * DirectMessage.Words, GuestLoop.PacketTimeout));
        return new Returned((int)registers[0], messageOut);
    }

    public StepOutcome ExitBootServices(ExitBootServicesStep step)
    {
        var stop = Call(out _, user.ExitBootServicesNotify, Wire.MapBoot, user.Event, step.WithContext ? user.Context : 0);
        afterExitBootServices |= stop is null;
        return stop ?? (StepOutcome)Completed.Instance;
    }

    /// <summary>Relocates the runtime region as U-Boot's efi_runtime_relocate() would; the next runtime call runs at its virtual address.</summary>
    public StepOutcome SetVirtualAddressMap(SetVirtualAddressMapStep step)
    {
        Relocate(r => r.Virtual);
        relocated = true;
        afterVirtualAddressMap = true;
        return Completed.Instance;
    }

    public void Dispose() => Drop();

    /// <summary>Starts QEMU with the image, the support code and the tables, and runs elf_setup.</summary>
    private void StartMachine()
    {
        var started = GuestLoop.Start(tools, user.Elf.Path, layout, memoryMib, loaders);
        machine = started;
        machineProcessIds.Add(started.ProcessId);
        LastStartup = started.Startup;
        var gdb = started.Gdb;

        var registers = gdb.ReadRegisters(GuestLoop.PacketTimeout);
        registers[0] = tables.BootTtbr;
        registers[1] = tables.HighTtbr;
        registers[31] = user.StackTop;
        registers[GdbRemote.Pc] = setup;
        GdbRemote.Expect(gdb.Command(GdbRemote.WriteRegistersPacket(registers), GuestLoop.PacketTimeout), "the set-up call");
        gdb.Send("c");
        var stop = gdb.Receive(TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("the support code's set-up did not finish within 10 s");
        var after = gdb.ReadRegisters(GuestLoop.PacketTimeout);
        if (!stop.StartsWith('T') || after[GdbRemote.Pc] != layout.Return)
        {
            throw new InvalidOperationException($"the support code's set-up stopped at 0x{after[GdbRemote.Pc]:X} ({stop}) instead of elf_done");
        }

        reset = after;
    }

    /// <summary>Writes, with the next call's other writes, each relocated word of the runtime region as <paramref name="value"/> gives it.</summary>
    private void Relocate(Func<VirtualMap.Relocation, ulong> value)
    {
        var virtualMap = user.Virtual ?? throw new InvalidOperationException($"{Description.Name} carries no relocations, but a case asks for SetVirtualAddressMap");
        foreach (var relocation in virtualMap.Relocations)
        {
            writes.Add(GdbRemote.WriteMemoryPacket(relocation.Address, BitConverter.GetBytes(value(relocation))));
        }
    }

    /// <summary>Calls <paramref name="function"/> through elf_call under <paramref name="map"/> (a Wire.Map* value) and serves its conduit calls; null when it returned.</summary>
    private Stopped? Call(out ulong[] returned, ulong function, ulong map, params ulong[] arguments)
    {
        returned = [];
        if (pending is { } earlier)
        {
            pending = null;
            return earlier;
        }

        var live = machine ?? throw new InvalidOperationException("no QEMU");
        var registers = (ulong[])reset.Clone();
        arguments.CopyTo(registers, 0);
        registers[9] = function;
        registers[10] = map switch
        {
            Wire.MapVirtual => tables.VirtualTtbr,
            Wire.MapRuntime => tables.RuntimeTtbr,
            _ => tables.BootTtbr,
        };
        registers[12] = map;
        registers[18] = user.GlobalData;
        registers[31] = user.StackTop;
        registers[GdbRemote.Pc] = call;
        var sent = writes.ToArray();
        writes.Clear();
        var end = GuestLoop.Resume(live, sent, registers, layout, session ?? throw new InvalidOperationException("BeginCase was not called"), hangTimeout, _ => TrappedCalls++);
        switch (end)
        {
            case ReachedReturn reached:
                returned = reached.Registers;
                return null;
            case Ordered ordered:
                return ordered.Order;   // the next call starts afresh at elf_call, which sets its own map
            case HitFault:
                var (bytes, instruction) = GuestFault.Read(live.Gdb, record);
                Drop();
                return GuestFault.Describe(bytes, instruction, layout);
            default:
                Drop();
                return ((Lost)end).Outcome;
        }
    }

    private void Drop()
    {
        machine?.Dispose();
        machine = null;
    }

    private static string? Note(UserFirmware user)
    {
        string?[] notes =
        [
            user.Moved is { } moved
                ? $"linked below RAM: moved by 0x{moved.Bias:X} with its {moved.Relocations} R_AARCH64_RELATIVE relocations applied, as the firmware relocates itself"
                : null,
            user.Virtual is { } virtualMap
                ? $"SetVirtualAddressMap relocates {virtualMap.Relocations.Count} word(s) of the runtime sections by the ELF's relocations"
                : "SetVirtualAddressMap is not played: the ELF carries no relocations to relocate its runtime sections by (U-Boot links with -pie; --emit-relocs also keeps them)",
            user.SharingPages.ToArray() is { Length: > 0 } shared
                ? $"residency is checked per 4 KiB page, and {string.Join(", ", shared)} share pages with the runtime sections"
                : null,
        ];
        return notes.OfType<string>().ToArray() is { Length: > 0 } said ? string.Join("; ", said) : null;
    }
}
