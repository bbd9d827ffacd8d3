using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux.Companion;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;
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

    /// <summary>Seconds the companion may take to unload; a board whose kernel oopsed may not let it.</summary>
    private const int UnloadTimeout = 10;

    private readonly SecureShell shell;
    private readonly BoardOptions options;
    private readonly BoardConnection connection;
    private uint cases;

    private BoardTarget(TargetDescription description, SecureShell shell, BoardOptions options, BoardConnection connection)
    {
        Description = description;
        this.shell = shell;
        this.options = options;
        this.connection = connection;
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
    public int Reconnects => connection.Reconnects;

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
        var boardKernel = BoardInstall.Load(name, shell, built);
        var capabilities = TargetCapabilities.Smc32Request | (options.Mode == BoardMode.Answer ? TargetCapabilities.ScriptableSecureWorld : TargetCapabilities.None)
            | (built.Api.Req2 ? TargetCapabilities.DirectRequest2 : TargetCapabilities.None);
        var description = new TargetDescription(name, AdapterName, secureWorld, capabilities,
            new Provenance($"{options.Host}:{options.Port}", Note: $"{options.Mode.ToString().ToLowerInvariant()} mode; companion built against {kernelBuild}") { Inputs = ImageDigest.Of([built.Module, built.Agent], boardKernel) })
        {
            OwnServiceUuidOnly = built.Api.Req2 && !built.Api.Req2TakesUuid,
        };
        var target = new BoardTarget(description, shell, options, new BoardConnection(name, shell, built, $"{BoardOptions.RemoteFolder}/ffa_agent"));
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
        var run = new CompanionCaseRun(session);
        if (connection.ForNextCase(out var failure) is not { } link)
        {
            run.Lose(new Stopped(StopReason.Crashed, failure));
            return;
        }

        var id = ++cases;
        try
        {
            link.Send(CompanionMessages.Case(run.Scenario, options.Mode == BoardMode.Observe, id));
            while (true)
            {
                var frame = link.Receive(options.HangTimeout);
                if (frame is null)
                {
                    Lose(run, new Stopped(StopReason.Hung, $"the board neither called the conduit nor ended the case within {options.HangTimeout.TotalMilliseconds:0} ms"));
                    return;
                }

                switch (CompanionEvent.Decode(frame))
                {
                    case CompanionCall call when call.Id != id:
                        // A case cut off with an earlier session is still unwinding: it is refused, not recorded.
                        link.Send(CompanionMessages.Answer(CompanionCaseRun.Refusal, abort: true));
                        break;
                    case CompanionCall call:
                        if (run.Call(call.Step, call.Conduit, call.Issued, call.Result, CannotWrite) is not { } answer)
                        {
                            Lose(run, run.Overrun);
                            return;
                        }

                        link.Send(CompanionMessages.Answer(answer.Registers, answer.Abort));
                        break;
                    case CompanionDone done when done.Id != id:
                        break;
                    case CompanionDone done:
                        run.Finish(done.Results, done.Completed);
                        return;
                    case CompanionFault fault:
                        Lose(run, new Stopped(StopReason.Crashed, $"the board's kernel reported: {fault.Text}"));
                        return;
                    case var other:
                        throw new InvalidDataException($"the companion sent event {other.Kind} in the middle of a case");
                }
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException or InvalidOperationException)
        {
            Lose(run, new Stopped(StopReason.Crashed, e.Message));
        }
    }

    public void Dispose()
    {
        connection.Dispose();
        // The agent may still be closing the device as its session ends: rmmod is tried again until it is let go.
        shell.Run($"timeout {UnloadTimeout} sh -c 'until rmmod ffa_conformance 2>/dev/null; do sleep 0.2; done'");
    }

    /// <summary>
    /// Opens the link, reads the companion's hello, and runs one request the companion answers itself
    /// (<see cref="BoardCalibration"/>): the driver's endpoint ID, and pass-through checked.
    /// </summary>
    private void Start(FfaVersion secureWorld)
    {
        var hello = connection.Open();
        var version = hello.Version;
        Partitions = hello.Partitions;
        var real = Partitions.Where(p => !p.StandIn).Select(p => new Partition(p.Id, p.Uuid, 1, Partition.DirectMessagingAArch64)).ToArray();
        if (options.Mode == BoardMode.Observe && real.Length == 0)
        {
            throw new InvalidOperationException("observe mode needs a partition of the board's own secure world, and the board's driver registered none");
        }

        (var endpoint, PassThrough) = BoardCalibration.Run(connection.Link, ++cases);
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

    /// <summary>
    /// The board did not finish the case, so no step's result came back: every step ends with <paramref name="stop"/>,
    /// and the link is opened again for the next case.
    /// </summary>
    private void Lose(CompanionCaseRun run, Stopped stop)
    {
        run.Lose(stop);
        connection.Lose(stop.Detail);
    }

    /// <summary>Why a board's case stops when the secure world's answer would write memory.</summary>
    private const string CannotWrite = "the secure world's answer writes memory, which a board's companion cannot do for it";
}
