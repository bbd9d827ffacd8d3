using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux.Companion;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// The linux adapter: Linux's own arm_ffa driver, built unmodified, in Debian's current arm64 kernel under QEMU.
/// The companion module runs each case's steps through the driver's API (sync_send_receive in the driver's
/// default and in 32-bit mode); every conduit call the driver makes — at probe and in every request — is
/// trapped and answered by the managed secure world. What a driver cannot be asked to do is not claimed: no
/// ExitBootServices, no NULL message, no boot-time entry, no destination the driver did not register, and one
/// endpoint ID, the one the driver asked for at probe. An oops, a panic or a hang ends its case with the
/// kernel's words, and the guest is put back to the snapshot taken when it first waited for a case (or booted
/// again when QEMU itself is gone) for the next.
/// </summary>
public sealed class LinuxTarget : IProbedTarget
{
    public const string AdapterName = "linux";

    /// <summary>The endpoint ID the secure world gives the driver at probe; cases keep it, as the driver does.</summary>
    public const ushort EndpointId = 0;

    private readonly QemuTools tools;
    private readonly LinuxKernel kernel;
    private readonly LinuxModules modules;
    private readonly KernelSites sites;
    private readonly ManagedSecureWorld world;
    private readonly TimeSpan hangTimeout;
    private readonly List<int> machineProcessIds = [];
    private LinuxGuest? guest;

    private LinuxTarget(TargetDescription description, QemuTools tools, LinuxKernel kernel, LinuxModules modules, KernelSites sites, ManagedSecureWorld world, TimeSpan hangTimeout)
    {
        Description = description;
        this.tools = tools;
        this.kernel = kernel;
        this.modules = modules;
        this.sites = sites;
        this.world = world;
        this.hangTimeout = hangTimeout;
    }

    public TargetDescription Description { get; private set; }

    /// <summary>The driver's calls at its last probe, each with the secure world's answer.</summary>
    public IReadOnlyList<ConduitCall> Probe { get; private set; } = [];

    public BootData Probed => new(EndpointId, Description.Version);

    public IReadOnlyList<int> MachineProcessIds => machineProcessIds;

    public long TrappedCalls { get; private set; }

    /// <summary>Cases after which the guest had to be put back to its booted state (or booted again).</summary>
    public int Resets { get; private set; }

    /// <summary>How long the last boot took, from QEMU's start to the companion waiting for a case.</summary>
    public TimeSpan LastBoot { get; private set; }

    /// <summary>Fetches and builds what the target needs (cached), boots it and lets the driver probe; <see cref="TargetUnavailableException"/> says why not.</summary>
    public static LinuxTarget Create(string name, FfaVersion secureWorld, LinuxOptions options, FfaVersion? configured = null)
    {
        var (_, tools) = QemuPrerequisites.Require(name, options.BuildRoot);
        var kernel = LinuxKernel.Prepare(options.BuildRoot, name);
        var driver = options.Source is null ? DriverSource.Packaged(kernel) : DriverSource.Resolve(options.Source, options.SourceKey, kernel);
        LinuxModules modules;
        try
        {
            modules = LinuxModules.Build(kernel, driver, PartitionTable.Default, options.BuildRoot, options.Mutate);
        }
        catch (TargetBuildException e)
        {
            throw new TargetUnavailableException($"{options.SourceKey} = '{options.Source ?? driver.Folder}' does not build: {e.Message}", skip: false);
        }

        var world = new ManagedSecureWorld(PartitionTable.Default, secureWorld);
        var capabilities = TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Smc32Request | (modules.Req2 ? TargetCapabilities.DirectRequest2 : TargetCapabilities.None);
        var description = new TargetDescription(name, AdapterName, secureWorld, capabilities,
            new Provenance(driver.Origin, driver.Sha256, Qemu: tools.Version, Note: $"Debian kernel {kernel.Abi} ({kernel.Version})") { Inputs = ImageDigest.Of(kernel.Image, modules.Initramfs) })
        {
            FixedEndpointId = EndpointId,
            OwnServiceUuidOnly = modules.Req2 && !modules.Req2TakesUuid,
        };
        var target = new LinuxTarget(description, tools, kernel, modules, KernelSites.Find(kernel.Image), world, options.HangTimeout);
        try
        {
            target.Boot();
        }
        catch (InvalidOperationException e)
        {
            target.Dispose();
            throw new TargetUnavailableException($"linux target {name}: {e.Message}", skip: false);
        }

        return NegotiatedVersion.Checked(target, configured);
    }

    public void Run(CaseSession session, BootData boot)
    {
        if (boot.EndpointId != EndpointId)
        {
            throw new ArgumentException($"the linux target's driver keeps endpoint ID 0x{EndpointId:X4}; the case asks for 0x{boot.EndpointId:X4}", nameof(boot));
        }

        if (guest is null)
        {
            try
            {
                Boot();
            }
            catch (InvalidOperationException e)
            {
                new CompanionCaseRun(session).Lose(new Stopped(StopReason.Crashed, $"the guest could not be booted again: {e.Message}"));
                return;
            }
        }

        var live = guest!;
        var before = live.TrappedCalls;
        var usable = live.Run(session, hangTimeout);
        TrappedCalls += live.TrappedCalls - before;
        if (!usable)
        {
            Resets++;
            if (!live.Reset())
            {
                Drop();
            }
        }
    }

    public void Dispose() => Drop();

    /// <summary>Boots the guest; the driver's probe is answered by the secure world, and what it negotiated becomes the target's version.</summary>
    private void Boot()
    {
        var probe = world.Begin(Scenario.Of(new BootState(EndpointId)), callBudget: 10_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        guest = LinuxGuest.Boot(tools, kernel, modules, sites, probe, LinuxOptions.BootTimeout);
        LastBoot = clock.Elapsed;
        machineProcessIds.Add(guest.ProcessId);
        TrappedCalls += guest.TrappedCalls;
        Probe = probe.Finish().Boot;
        var requested = Probe.FirstOrDefault(c => c.Issued.W0 == FfaFunctions.Version.Id(Convention.Smc32).Value)?.Issued is { } version
            ? FfaVersion.Decode(version.W1)
            : throw new InvalidOperationException("the driver probed without FFA_VERSION");
        if (guest.Devices != PartitionTable.Default.Partitions.Count)
        {
            throw new InvalidOperationException($"the companion bound to {guest.Devices} of the {PartitionTable.Default.Partitions.Count} partitions the secure world described");
        }

        Description = Description with
        {
            Version = requested < world.Implemented ? requested : world.Implemented,
            Provenance = Description.Provenance with { Note = $"Debian kernel {kernel.Abi} ({kernel.Version}); the driver's probe: {Probe.Count} calls" },
        };
    }

    private void Drop()
    {
        guest?.Dispose();
        guest = null;
    }
}
