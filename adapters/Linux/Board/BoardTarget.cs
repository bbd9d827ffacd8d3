using System.Buffers.Binary;
using System.Text;
using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Linux.Board;

/// <summary>
/// The linux-board adapter: a board running Linux, reached over SSH, checked through its own FF-A driver. The
/// companion module (harness=device) runs each case's steps through the driver's API in its own kernel thread; a
/// kprobe sends the conduit calls of that thread, and only of it, to the harness. In answer mode the managed secure
/// world answers them, as under QEMU, for partitions the companion registers as stand-ins where the board has none;
/// in observe mode the board's secure world answers them and only rules that hold for any answer apply. Every other
/// FF-A call on the board — its drivers talking to its secure world — passes through untouched. A case the board
/// does not finish (a hang, an oops, a session that ends) fails as such; the next case connects again.
/// </summary>
public sealed class BoardTarget : IProbedTarget
{
    public const string AdapterName = "linux-board";

    /// <summary>How long the board may take to load the companion and say hello.</summary>
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    private const int ReconnectAttempts = 3;

    private static readonly TimeSpan ReconnectPause = TimeSpan.FromSeconds(1);

    /// <summary>Seconds the companion may take to unload; a board whose kernel oopsed may not let it.</summary>
    private const int UnloadTimeout = 10;

    private static readonly RegisterSet Refusal = RegisterSet.Of(FfaFunctions.Error.Id(Convention.Smc32).Value, 0, unchecked((uint)(int)FfaError.Aborted));

    private readonly SecureShell shell;
    private readonly BoardOptions options;
    private readonly string agent;
    private readonly BoardCompanion built;
    private BoardLink? link;
    private string? lostBecause;
    private uint cases;
    private bool unreachable;

    private BoardTarget(TargetDescription description, SecureShell shell, BoardOptions options, string agent, BoardCompanion built)
    {
        Description = description;
        this.built = built;
        this.shell = shell;
        this.options = options;
        this.agent = agent;
    }

    public TargetDescription Description { get; private set; }

    /// <summary>The board's driver probed long before the suite came: no call of it is the harness's to show.</summary>
    public IReadOnlyList<ConduitCall> Probe => [];

    public BootData Probed => new(Description.FixedEndpointId ?? 0, Description.Version);

    /// <summary>The partitions the companion reported when it was loaded; stand-ins are the managed secure world's.</summary>
    public IReadOnlyList<BoardPartition> Partitions { get; private set; } = [];

    /// <summary>
    /// The check made at load that calls from other tasks pass through while a case's call is held in the kernel:
    /// FFA_PARTITION_INFO_GET through the driver, from the agent's task, answered by the board's secure world — the
    /// driver's return value and the partition ID.
    /// </summary>
    public (int Return, ushort Partition) PassThrough { get; private set; }

    /// <summary>Cases after which the link to the board had to be opened again.</summary>
    public int Reconnects { get; private set; }

    /// <summary>Builds the companion and the agent, copies them to the board, loads the companion and learns the driver's endpoint ID.</summary>
    public static BoardTarget Create(string name, FfaVersion secureWorld, BoardOptions options, FfaVersion? configured = null)
    {
        string kernelBuild, header;
        if (options.KernelBuild is { } tree)
        {
            kernelBuild = tree;
            header = new[] { Path.Combine(tree, "include", "linux", "arm_ffa.h"), Path.Combine(tree, "source", "include", "linux", "arm_ffa.h") }.FirstOrDefault(File.Exists)
                ?? throw new TargetUnavailableException(
                    $"Targets:{name}:KernelBuild = '{tree}' is not a kernel build tree: neither include/linux/arm_ffa.h nor source/include/linux/arm_ffa.h is there", skip: false);
        }
        else
        {
            var kernel = LinuxKernel.Prepare(options.BuildRoot, name);
            (kernelBuild, header) = (kernel.Headers, kernel.FfaHeader);
        }

        if (Toolchain.OnPath(SecureShell.Client) is null)
        {
            throw new TargetUnavailableException($"linux-board target {name} is skipped: {SecureShell.Client} is not on PATH (apt-get install openssh-client)", skip: true);
        }

        BoardCompanion built;
        try
        {
            built = BoardCompanion.Build(kernelBuild, header, options.DriverSymbols, options.BuildRoot);
        }
        catch (TargetBuildException e)
        {
            var hint = e.Output.Contains("undefined!", StringComparison.Ordinal) && e.Output.Contains("ffa_", StringComparison.Ordinal)
                ? $" (the FF-A driver's exports are not in {kernelBuild}/Module.symvers: name the board driver's own Module.symvers in Targets:{name}:DriverSymbols, or its kernel's build tree in Targets:{name}:KernelBuild)"
                : string.Empty;
            throw new TargetUnavailableException($"linux-board target {name}: {e.Message}{hint}", skip: false);
        }

        var shell = new SecureShell(options.Host, options.Port, options.IdentityFile, options.KnownHosts);
        var boardKernel = Load(name, shell, built);
        var capabilities = (options.Mode == BoardMode.Answer ? TargetCapabilities.ScriptableSecureWorld : TargetCapabilities.None)
            | (built.Api.Req2 ? TargetCapabilities.DirectRequest2 : TargetCapabilities.None);
        var description = new TargetDescription(name, AdapterName, secureWorld, capabilities,
            new Provenance($"{options.Host}:{options.Port}", Note: $"{options.Mode.ToString().ToLowerInvariant()} mode; companion built against {kernelBuild}") { Inputs = ImageDigest.Of([built.Module, built.Agent], boardKernel) })
        {
            OwnServiceUuidOnly = built.Api.Req2 && !built.Api.Req2TakesUuid,
        };
        var target = new BoardTarget(description, shell, options, $"{BoardOptions.RemoteFolder}/ffa_agent", built);
        try
        {
            target.Start(secureWorld);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or EndOfStreamException or InvalidDataException)
        {
            target.Dispose();
            throw new TargetUnavailableException($"linux-board target {name} ({shell.Destination}): {e.Message}", skip: false);
        }

        return NegotiatedVersion.Checked(target, configured);
    }

    public void Run(CaseSession session, BootData boot)
    {
        var tracker = new StepTracker(session);
        var scenario = session.Scenario;
        if (lostBecause is not null && !Reconnect(out var why))
        {
            tracker.Finish([.. scenario.Steps.Select(_ => new Stopped(StopReason.Crashed, $"the board could not be reached again since an earlier case ({lostBecause}): {why}"))]);
            return;
        }

        var live = link!;
        var id = ++cases;
        Stopped? order = null;
        var orderedAt = -1;
        try
        {
            live.Send(Case(scenario, options.Mode == BoardMode.Observe, id));
            while (true)
            {
                var frame = live.Receive(options.HangTimeout);
                if (frame is null)
                {
                    Lose(tracker, scenario, new Stopped(StopReason.Hung, $"the board neither called the conduit nor ended the case within {options.HangTimeout.TotalMilliseconds:0} ms"));
                    return;
                }

                var kind = Kind(frame);
                if (kind is Wire.CompanionEventCall or Wire.CompanionEventObserved && BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(Wire.CompanionEventId)) != id)
                {
                    // A case cut off with an earlier session is still unwinding: it is refused, not recorded.
                    Answer(live, Refusal, abort: true);
                }
                else if (kind is Wire.CompanionEventCall or Wire.CompanionEventObserved)
                {
                    var step = (int)BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(4));
                    var conduit = BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(8)) == Wire.CompanionConduitHvc ? ConduitKind.Hvc : ConduitKind.Smc;
                    var issued = Registers(frame, Wire.CompanionEventArgs);
                    tracker.At(step);
                    if (order is not null)
                    {
                        // Past a stop order the driver is only let to unwind.
                        Answer(live, Refusal, abort: true);
                        continue;
                    }

                    var reply = kind == Wire.CompanionEventCall
                        ? session.Call(conduit, issued)
                        : session.Observe(conduit, issued, Registers(frame, Wire.CompanionEventRes));
                    if (reply.Stop is { } halt)
                    {
                        (order, orderedAt) = (halt, step);
                        Answer(live, Refusal, abort: true);
                    }
                    else if (reply.Writes.Count > 0)
                    {
                        (order, orderedAt) = (new Stopped(StopReason.Crashed, "the secure world's answer writes memory, which a board's companion cannot do for it"), step);
                        Answer(live, Refusal, abort: true);
                    }
                    else
                    {
                        Answer(live, reply.Answer!, abort: false);
                    }
                }
                else if (kind == Wire.CompanionEventDone && BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(Wire.CompanionDoneId)) != id)
                {
                    continue;
                }
                else if (kind == Wire.CompanionEventDone)
                {
                    var completed = (int)BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(4));
                    tracker.Finish(CompanionCase.Outcomes(frame.AsSpan(Wire.CompanionDoneResults), completed, scenario, order is null ? null : (orderedAt, order)));
                    return;
                }
                else if (kind == Wire.CompanionEventFault)
                {
                    Lose(tracker, scenario, new Stopped(StopReason.Crashed, $"the board's kernel reported: {Text(frame.AsSpan(Wire.CompanionFaultEventText))}"));
                    return;
                }
                else
                {
                    throw new InvalidDataException($"the companion sent event {kind} in the middle of a case");
                }
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException or InvalidOperationException)
        {
            Lose(tracker, scenario, new Stopped(StopReason.Crashed, e.Message));
        }
    }

    public void Dispose()
    {
        link?.Dispose();
        link = null;
        // The agent may still be closing the device as its session ends: rmmod is tried again until it is let go.
        shell.Run($"timeout {UnloadTimeout} sh -c 'until rmmod ffa_conformance 2>/dev/null; do sleep 0.2; done'");
    }

    /// <summary>Copies and loads the companion; returns what identifies the board's kernel and FF-A driver, which the suite did not build.</summary>
    private static string Load(string name, SecureShell shell, BoardCompanion built)
    {
        var folder = BoardOptions.RemoteFolder;
        foreach (var (file, command) in new[]
        {
            (null, $"mkdir -p {folder}"),
            (built.Module, $"cat > {folder}/ffa_conformance.ko"),
            (built.Agent, $"cat > {folder}/ffa_agent && chmod 755 {folder}/ffa_agent"),
        })
        {
            var (exit, output) = shell.Run(command, file is null ? null : File.ReadAllBytes(file));
            if (exit == SecureShell.ConnectionFailed)
            {
                throw new TargetUnavailableException(
                    $"linux-board target {name}: ssh to {shell.Destination} failed (Targets:{name}:Host, Port, IdentityFile and KnownHosts say how it is reached): {output}", skip: false);
            }

            if (exit != 0)
            {
                throw new TargetUnavailableException($"linux-board target {name}: '{command}' on {shell.Destination} failed ({exit}): {output}", skip: false);
            }
        }

        var partitions = PartitionTable.Default.Partitions;
        var load = $"rmmod ffa_conformance 2>/dev/null; insmod {folder}/ffa_conformance.ko harness=device " +
            $"uuids={string.Join(',', partitions.Select(p => Convert.ToHexStringLower(p.UuidBytes)))} ids={string.Join(',', partitions.Select(p => p.Id.ToString("x4", System.Globalization.CultureInfo.InvariantCulture)))}";
        var (loaded, said) = shell.Run(load);
        if (loaded != 0)
        {
            var (_, kernel) = shell.Run("dmesg | grep -i ffa | tail -n 5");
            throw new TargetUnavailableException($"linux-board target {name}: loading the companion on {shell.Destination} failed ({loaded}): {said}; the kernel said: {kernel}", skip: false);
        }

        // The kernel's build and, when the driver is a module, its source version.
        return shell.Run("cat /proc/version; cat /sys/module/ffa_core/srcversion /sys/module/ffa_module/srcversion 2>/dev/null; true").Output;
    }

    /// <summary>
    /// Opens the link, reads the companion's hello, and runs one request the companion answers itself: its w1[31:16]
    /// is the driver's own endpoint ID, and while its call is held, pass-through is checked.
    /// </summary>
    private void Start(FfaVersion secureWorld)
    {
        Hello(out var version);
        var real = Partitions.Where(p => !p.StandIn).Select(p => new Partition(p.Id, p.Uuid, 1, Partition.DirectMessagingAArch64)).ToArray();
        if (options.Mode == BoardMode.Observe && real.Length == 0)
        {
            throw new InvalidOperationException("observe mode needs a partition of the board's own secure world, and the board's driver registered none");
        }

        var endpoint = Calibrate();
        Description = Description with
        {
            Version = version < secureWorld || options.Mode == BoardMode.Observe ? version : secureWorld,
            FixedEndpointId = endpoint,
            Partitions = options.Mode == BoardMode.Observe ? new PartitionTable(real) : null,
            Provenance = Description.Provenance with
            {
                Note = $"{Description.Provenance.Note}; the driver negotiated {version} and sends as 0x{endpoint:X4}; " +
                    $"partitions {string.Join(", ", Partitions.Select(p => $"0x{p.Id:X4}{(p.StandIn ? " (stand-in)" : string.Empty)}"))}",
            },
        };
    }

    private void Hello(out FfaVersion version)
    {
        link = BoardLink.Open(shell, agent);
        var hello = link.Receive(HelloTimeout) ?? throw new InvalidOperationException($"the agent did not say hello within {HelloTimeout.TotalSeconds:0} s{Said(link)}");
        if (Kind(hello) != Wire.CompanionEventHello)
        {
            throw new InvalidDataException("the agent's first event is not the companion's hello");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(hello.AsSpan(Wire.CompanionHelloFaulted)) != 0)
        {
            throw new InvalidOperationException("the companion's case thread oopsed in an earlier case and is gone; the board needs a reset (or the companion a reload) before it runs another");
        }

        version = FfaVersion.Decode(BinaryPrimitives.ReadUInt32LittleEndian(hello.AsSpan(4)));
        var count = Math.Min((int)BinaryPrimitives.ReadUInt32LittleEndian(hello.AsSpan(8)), Wire.CompanionMaxPartitions);
        Partitions = [.. Enumerable.Range(0, count).Select(i =>
        {
            var entry = hello.AsSpan(Wire.CompanionHelloPartitions + (Wire.CompanionPartitionSize * i), Wire.CompanionPartitionSize);
            return new BoardPartition(
                (ushort)BinaryPrimitives.ReadUInt32LittleEndian(entry),
                new Guid(entry.Slice(Wire.CompanionPartitionUuid, 16), bigEndian: true),
                (BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]) & Wire.CompanionPartitionStandIn) != 0);
        })];
    }

    /// <summary>
    /// One request to the managed secure world's first partition, answered by the harness through the companion. Its
    /// first call's w1[31:16] is the driver's own endpoint ID. While that call is held in the kernel, the agent's own
    /// task asks the driver for FFA_PARTITION_INFO_GET of a board partition, which must reach the board's secure
    /// world: a call of another task passes through while a case runs.
    /// </summary>
    private ushort Calibrate()
    {
        var id = ++cases;
        link!.Send(Case(Scenario.Of(new BootState(0), new SendStep(Entry.Runtime, new DirectRequest(PartitionTable.Default.First, DirectMessage.Zero, Convention.Smc32), Script.Of())), observe: false, id));
        ushort? endpoint = null;
        while (true)
        {
            var frame = link.Receive(HelloTimeout) ?? throw new InvalidOperationException($"the companion did not run its first request within {HelloTimeout.TotalSeconds:0} s");
            var kind = Kind(frame);
            if (kind == Wire.CompanionEventCall && BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(Wire.CompanionEventId)) != id)
            {
                Answer(link, Refusal, abort: true);
            }
            else if (kind == Wire.CompanionEventCall && endpoint is null)
            {
                endpoint = EndpointPair.Unpack(Registers(frame, Wire.CompanionEventArgs).X1).Sender;
                link.Send(Ping());
            }
            else if (kind == Wire.CompanionEventPing)
            {
                PassThrough = ((int)BinaryPrimitives.ReadInt64LittleEndian(frame.AsSpan(Wire.CompanionEventArgs)), (ushort)BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(Wire.CompanionEventArgs + 8)));
                Answer(link, RegisterSet.Of(FfaFunctions.Error.Id(Convention.Smc32).Value, 0, unchecked((uint)(int)FfaError.NotSupported)), abort: false);
            }
            else if (kind == Wire.CompanionEventCall)
            {
                Answer(link, RegisterSet.Of(FfaFunctions.Error.Id(Convention.Smc32).Value, 0, unchecked((uint)(int)FfaError.NotSupported)), abort: false);
            }
            else if (kind == Wire.CompanionEventDone && BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(Wire.CompanionDoneId)) != id)
            {
                continue;
            }
            else if (kind == Wire.CompanionEventDone && endpoint is { } found)
            {
                return found;
            }
            else
            {
                throw new InvalidDataException($"the companion sent event {kind} while running its first request{(kind == Wire.CompanionEventFault ? $": {Text(frame.AsSpan(Wire.CompanionFaultEventText))}" : string.Empty)}");
            }
        }
    }

    /// <summary>
    /// Connects again after a case the board did not finish, loading the companion again if the board came back
    /// without it. A board just back from a reset may refuse the first logins, so it is tried <see cref="ReconnectAttempts"/> times;
    /// once it could not be reached that way, once per case, so that a board that is gone fails the rest of the run quickly.
    /// </summary>
    private bool Reconnect(out string why)
    {
        Reconnects++;
        why = string.Empty;
        for (var attempt = 1; attempt <= (unreachable ? 1 : ReconnectAttempts); attempt++)
        {
            try
            {
                if (shell.Run($"test -c /dev/ffa_conformance && test -x {agent}").Exit != 0)
                {
                    Load(Description.Name, shell, built);
                }

                Hello(out _);
                (lostBecause, unreachable) = (null, false);
                return true;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or EndOfStreamException or InvalidDataException or TargetUnavailableException)
            {
                link?.Dispose();
                link = null;
                why = e.Message;
                if (!unreachable)
                {
                    Thread.Sleep(ReconnectPause);
                }
            }
        }

        unreachable = true;
        return false;
    }

    /// <summary>
    /// The board did not finish the case, so no step's result came back: every step ends with <paramref name="stop"/>,
    /// and the link is opened again for the next case.
    /// </summary>
    private void Lose(StepTracker tracker, Scenario scenario, Stopped stop)
    {
        tracker.Finish([.. scenario.Steps.Select(_ => stop)]);
        lostBecause = stop.Detail;
        link?.Dispose();
        link = null;
    }

    private static void Answer(BoardLink link, RegisterSet answer, bool abort)
    {
        var message = new byte[Wire.CompanionAnswerSize];
        BinaryPrimitives.WriteUInt32LittleEndian(message, Wire.CompanionMessageAnswer);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(4), abort ? 1u : 0u);
        var registers = answer.AsSpan();
        for (var i = 0; i < Wire.CompanionRegisters && i < registers.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(Wire.CompanionAnswerRegisters + (8 * i)), registers[i]);
        }

        link.Send(message);
    }

    /// <summary>An event's kind, once its size is the one its kind has (c/linux/ffa_conformance.h).</summary>
    private static uint Kind(byte[] frame)
    {
        var kind = frame.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(frame) : 0;
        var size = kind switch
        {
            Wire.CompanionEventHello => Wire.CompanionHelloSize,
            Wire.CompanionEventCall or Wire.CompanionEventObserved or Wire.CompanionEventPing => Wire.CompanionEventSize,
            Wire.CompanionEventDone => Wire.CompanionDoneSize,
            Wire.CompanionEventFault => Wire.CompanionFaultEventSize,
            _ => -1,
        };
        return frame.Length == size ? kind : throw new InvalidDataException($"the companion sent an event of {frame.Length} bytes that is none it sends (kind {kind})");
    }

    /// <summary>A case as the companion's device takes it (struct conf_case).</summary>
    private static byte[] Case(Scenario scenario, bool observe, uint id)
    {
        var message = new byte[Wire.CompanionCaseSize];
        BinaryPrimitives.WriteUInt32LittleEndian(message, Wire.CompanionMessageCase);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(4), (uint)scenario.Steps.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(8), observe ? Wire.CompanionCaseObserve : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(Wire.CompanionCaseId), id);
        CompanionCase.Steps(scenario).CopyTo(message.AsSpan(Wire.CompanionCaseSteps));
        return message;
    }

    private static byte[] Ping()
    {
        var message = new byte[Wire.CompanionAnswerSize];
        BinaryPrimitives.WriteUInt32LittleEndian(message, Wire.CompanionMessagePing);
        return message;
    }

    private static RegisterSet Registers(byte[] frame, int offset)
    {
        var registers = new ulong[Wire.CompanionRegisters];
        for (var i = 0; i < registers.Length; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(offset + (8 * i)));
        }

        return RegisterSet.From(registers);
    }

    private static string Text(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? text : text[..end]);
    }

    private static string Said(BoardLink link) => link.Errors.Length > 0 ? $": {link.Errors}" : string.Empty;
}
